/** The strong ETag of a case at `version`; If-Match carries it back (`"3"`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}
