import { contentDisposition, documentFileName, documentTitle } from './document-kinds';

describe(contentDisposition.name, () => {
  it('gives an ASCII fallback and the UTF-8 name as an RFC 5987 ext-value', () => {
    const name = documentFileName('mediation-agreement', 'WALK_IN', 'LY-2026-000123');
    expect(contentDisposition(name)).toBe(
      `attachment; filename="mediation-agreement-LY-2026-000123.docx"; filename*=UTF-8''%E8%B0%83%E8%A7%A3%E5%8D%8F%E8%AE%AE%E4%B9%A6-LY-2026-000123.docx`,
    );
  });

  it('percent-encodes the characters encodeURIComponent leaves alone but RFC 5987 does not allow', () => {
    expect(contentDisposition({ ascii: 'a.docx', unicode: "函(1)'*.docx" })).toBe(`attachment; filename="a.docx"; filename*=UTF-8''%E5%87%BD%281%29%27%2A.docx`);
  });

  it('keeps quotes and backslashes out of the quoted fallback', () => {
    expect(contentDisposition({ ascii: 'a"b\\c.docx', unicode: 'x.docx' })).toContain('filename="a_b_c.docx"');
  });
});

describe(documentFileName.name, () => {
  it('replaces anything but letters, digits and hyphens in the ASCII name', () => {
    expect(documentFileName('acceptance-notice', 'WALK_IN', 'LY 2026/1').ascii).toBe('acceptance-notice-LY_2026_1.docx');
  });
});

describe(documentTitle.name, () => {
  it('calls the feedback letter 委派 for a delegated case and 委托 for an entrusted one', () => {
    expect(documentTitle('court-feedback-letter', 'COURT_DELEGATED')).toBe('委派调解反馈函');
    expect(documentTitle('court-feedback-letter', 'COURT_ENTRUSTED')).toBe('委托调解反馈函');
  });
});
