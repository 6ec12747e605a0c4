/**
 * Whether a `Prefer` header (RFC 7240) asks for `return=minimal`: preferences are comma-separated, may carry
 * `;`-parameters, and their names are case-insensitive; a quoted value counts as the bare one. Anything it cannot read
 * is ignored, as the RFC asks of a server.
 */
export function prefersMinimalReturn(header: string | readonly string[] | undefined): boolean {
  const values = header === undefined ? [] : typeof header === 'string' ? [header] : header;
  return values
    .flatMap((value) => value.split(','))
    .some((preference) => {
      const [nameAndValue] = preference.split(';');
      const [name, value = ''] = nameAndValue.split('=').map((part) => part.trim());
      return name.toLowerCase() === 'return' && value.replace(/^"(.*)"$/, '$1').toLowerCase() === 'minimal';
    });
}
