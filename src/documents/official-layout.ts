import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import { sectionNumber } from './document-text';

// The page and type of Chinese official documents, GB/T 9704-2012 (党政机关公文格式), which union mediation studios and
// courts follow for their paper too: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 2号
// 小标宋, body in 3号 仿宋, first-level headings in 3号 黑体; 22 lines of 28 characters a page; page numbers in 4号 宋体.

/** A4 portrait in twips (210 × 297 mm). */
export const A4 = { width: 11906, height: 16838 } as const;

export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/**
 * Font names as Word looks them up. A font declared only by name falls back to whatever Word picks when it is not
 * installed (often 等线 or Calibri); the font table below gives each an alternative that every Chinese Windows has.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  heading: { name: '黑体', fallback: 'SimHei' },
  pageNumber: { name: '宋体', fallback: 'SimSun' },
} as const;

type FontRole = keyof typeof FONTS;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt; tables in 小四 12 pt so that an 18-character ID fits on one line. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;

// 225 mm of text height over 22 lines: 28.95 pt a line, exact, so that a page holds what the standard says.
const LINE_TWIPS = 579;
// Two characters of 3号 (16 pt): the first-line indent of body text and the right gap of dates and seals.
const TWO_CHARACTERS = 640;
const FOUR_CHARACTERS = 2 * TWO_CHARACTERS;
// Table rows are not on the page's line grid: single spacing with a little air.
const CELL_SPACING = { line: 276, lineRule: LineRuleType.AUTO, before: 40, after: 40 } as const;

/** Millimetres to twips (1/1440 inch), rounded to the nearest twip. */
export function twipsOf(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

/** Every script slot set, with the hint, so Word uses the Chinese face for Chinese text and for figures alike. */
export function fontOf(role: FontRole): IFontAttributesProperties {
  const name = FONTS[role].name;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

export type Block = Paragraph | Table;

export interface OfficialDocumentInput {
  readonly title: string;
  /** Shown under the title, e.g. the case number, right-aligned as a document number line. */
  readonly reference?: string;
  readonly body: readonly Block[];
  /** Core properties: who and what, for the file's Properties dialog. */
  readonly subject: string;
  readonly creator: string;
}

/** The title, the reference line and the body on GB/T 9704 pages. */
export function officialDocument(input: OfficialDocumentInput): Document {
  const head = [titleParagraph(input.title), ...(input.reference === undefined ? [] : [referenceParagraph(input.reference)])];
  return new Document({
    title: input.title,
    subject: input.subject,
    creator: input.creator,
    lastModifiedBy: input.creator,
    styles: {
      default: {
        document: {
          run: { font: fontOf('body'), size: SIZES.body },
          paragraph: { spacing: { line: LINE_TWIPS, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: {
              top: twipsOf(MARGINS_MM.top),
              bottom: twipsOf(MARGINS_MM.bottom),
              left: twipsOf(MARGINS_MM.left),
              right: twipsOf(MARGINS_MM.right),
              // The page number sits 7 mm below the text block (GB/T 9704 §7.5).
              footer: twipsOf(MARGINS_MM.bottom - 7 - 5),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_TWIPS },
        },
        footers: { default: pageNumberFooter() },
        children: [...head, ...input.body],
      },
    ],
  });
}

/**
 * The .docx bytes, with a font table that names each font's fallback (`w:altName`): the docx package writes an empty
 * one unless it embeds the font files, which the licences of these faces do not allow.
 */
export function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
}

const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  Object.values(FONTS)
    .map(
      ({ name, fallback }) =>
        `<w:font w:name="${name}"><w:altName w:val="${fallback}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('') +
  '</w:fonts>';

function titleParagraph(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: LINE_TWIPS, after: LINE_TWIPS, line: 2 * LINE_TWIPS - 200, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: title, font: fontOf('title'), size: SIZES.title })],
  });
}

function referenceParagraph(reference: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: TWO_CHARACTERS }, spacing: { after: LINE_TWIPS }, children: [new TextRun(reference)] });
}

// "— 1 —", centred: the documents are printed on one side, so the standard's odd/even placement does not apply.
function pageNumberFooter(): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) => new TextRun({ children, font: fontOf('pageNumber'), size: SIZES.pageNumber });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(['— ', PageNumber.CURRENT, ' —'])] })] });
}

/** A body paragraph: indented two characters, justified. Pieces may be bold (a label) or plain. */
export function body(...pieces: (string | TextRun)[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: TWO_CHARACTERS }, children: pieces.map(asRun) });
}

/** A line that starts at the margin: a salutation (XX人民法院：), 此致, a list label. */
export function flush(...pieces: (string | TextRun)[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: pieces.map(asRun) });
}

/** An annex label (附：…) at the top of a new page, as attachments are laid out after the signatures. */
export function annexLabel(text: string): Paragraph {
  return new Paragraph({ pageBreakBefore: true, keepNext: true, children: [new TextRun(text)] });
}

/** A first-level heading (一、…) in 黑体, indented like body text. */
export function heading(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: TWO_CHARACTERS }, keepNext: true, children: [new TextRun({ text, font: fontOf('heading') })] });
}

/** A bold label followed by plain text, e.g. 申请人：… */
export function labelled(label: string, text: string): Paragraph {
  return body(new TextRun({ text: label, bold: true }), text);
}

/** Right-aligned four characters in from the margin, as the standard places the date and the issuing body. */
export function signatureLine(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: FOUR_CHARACTERS }, keepNext: true, children: [new TextRun(text)] });
}

export function blankLine(): Paragraph {
  return new Paragraph({ children: [] });
}

/** A line left for a hand-written entry, e.g. a date not yet known. */
export const HAND_FILLED_DATE = '　　　　年　　月　　日';
export const HAND_FILLED = '＿＿＿＿＿＿＿＿';

/** A plain grid table in body type, e.g. the list of workers of a collective case. */
export function gridTable(header: readonly string[], rows: readonly (readonly string[])[], widthsPercent: readonly number[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({
      borders,
      width: { size: width, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: CELL_SPACING, children: [new TextRun({ text, bold, size: SIZES.table })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, index) => cell(text, widthsPercent[index], true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, widthsPercent[index])) })),
    ],
  });
}

function asRun(piece: string | TextRun): TextRun {
  return typeof piece === 'string' ? new TextRun(piece) : piece;
}

export interface DocumentSection {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** Sections headed 一、二、三、… in order; an empty section is left out and the numbering closes up. */
export function numberedSections(sections: readonly DocumentSection[]): Block[] {
  return sections
    .filter((section) => section.blocks.length > 0)
    .flatMap((section, index) => [heading(`${sectionNumber(index + 1)}、${section.title}`), ...section.blocks]);
}
