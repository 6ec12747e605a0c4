import { attachmentDisposition } from './content-disposition';

describe(attachmentDisposition.name, () => {
  it('gives the ASCII name in filename and the Chinese name percent-encoded in UTF-8 in filename*', () => {
    expect(attachmentDisposition('summary_2026.csv', '调解统计_2026.csv')).toBe(
      `attachment; filename="summary_2026.csv"; filename*=UTF-8''%E8%B0%83%E8%A7%A3%E7%BB%9F%E8%AE%A1_2026.csv`,
    );
  });

  it("escapes the characters encodeURIComponent leaves alone but RFC 8187 does not allow: ' ( ) *", () => {
    expect(attachmentDisposition('a.csv', "报表(1)'*.csv")).toMatch(/filename\*=UTF-8''%E6%8A%A5%E8%A1%A8%281%29%27%2A\.csv$/);
  });

  it('keeps the fallback a safe quoted-string: no non-ASCII, quotes or backslashes', () => {
    expect(attachmentDisposition('报表 "a"\\b.csv', 'x.csv')).toContain('filename="__ _a__b.csv"');
  });

  it('decodes back to the original name', () => {
    const name = '调解统计报表_2026-01-01至2026-12-31.xlsx';
    const encoded = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition('x.xlsx', name))![1];
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
