// A download's file name, for browsers old and new (RFC 6266): `filename` carries an ASCII stand-in, `filename*` the
// real (Chinese) name in UTF-8 percent-encoding (RFC 8187, formerly RFC 5987).

// RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
// encodeURIComponent leaves ' ( ) * unescaped as well, and those are not attr-chars.
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Printable ASCII only; a quote or backslash would end or escape the quoted-string early. */
function asciiFallback(value: string): string {
  return value.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

export function attachmentDisposition(asciiName: string, utf8Name: string): string {
  return `attachment; filename="${asciiFallback(asciiName)}"; filename*=UTF-8''${encodeExtValue(utf8Name)}`;
}
