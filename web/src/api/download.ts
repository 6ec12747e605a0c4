import { unwrap } from './unwrap';

interface FileResult {
  data?: Blob;
  error?: unknown;
  response: Response;
}

const EXTENDED = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i;
const QUOTED = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const TOKEN = /filename\s*=\s*([^;\s]+)/i;

/**
 * The name the service gave a download (RFC 6266): the UTF-8 `filename*` (the Chinese name) when there is one, else the
 * plain `filename`, else `fallback`.
 */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = EXTENDED.exec(disposition);
  if (extended && extended[1].trim().toLowerCase() === 'utf-8') {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A malformed percent-encoding: the plain name below is still good.
    }
  }
  const quoted = QUOTED.exec(disposition);
  if (quoted) return quoted[1].replace(/\\(.)/g, '$1');
  return TOKEN.exec(disposition)?.[1] ?? fallback;
}

/** Hands a file to the browser's downloads under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by now; the next task may let the blob go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a file the API answers with (`parseAs: 'blob'`), through the typed client so that it carries the bearer
 * token like any other call, and saves it under the service's Content-Disposition name. Fails with an ApiError.
 */
export async function downloadFile(request: Promise<FileResult>, fallbackName: string): Promise<string> {
  let disposition: string | null = null;
  const blob = await unwrap(
    request.then((result) => {
      disposition = result.response.headers.get('content-disposition');
      return result;
    }),
  );
  const name = fileNameOf(disposition, fallbackName);
  saveBlob(blob, name);
  return name;
}
