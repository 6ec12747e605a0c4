import JSZip from 'jszip';

/** What the tests read back out of a .docx: the text by paragraph, and the raw parts for layout checks. */
export interface DocxContent {
  /** Each w:p's text, tables included (one entry per cell paragraph). */
  readonly paragraphs: string[];
  /** All paragraphs joined by newlines. */
  readonly text: string;
  readonly documentXml: string;
  readonly stylesXml: string;
  readonly fontTableXml: string;
  readonly footerXml: string;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/**
 * Opens the package as Word would (it is a zip of XML parts) and reads word/document.xml. jszip rather than a
 * converter such as mammoth: the tests check page size, margins and fonts too, which a text or HTML conversion drops.
 */
export async function readDocx(bytes: Buffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (path: string) => {
    const file = zip.file(path);
    if (file === null) throw new Error(`The package has no ${path}`);
    return file.async('string');
  };
  const documentXml = await part('word/document.xml');
  const footerPath = Object.keys(zip.files).find((path) => /^word\/footer\d*\.xml$/.test(path));
  const paragraphs = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) => textOf(paragraph));
  return {
    paragraphs,
    text: paragraphs.join('\n'),
    documentXml,
    stylesXml: await part('word/styles.xml'),
    fontTableXml: await part('word/fontTable.xml'),
    footerXml: footerPath === undefined ? '' : await part(footerPath),
  };
}

function textOf(paragraphXml: string): string {
  return [...paragraphXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text.replace(/&(lt|gt|amp|quot|apos);/g, (entity) => ENTITIES[entity])).join('');
}
