import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe(fileNameOf.name, () => {
  it('prefers the UTF-8 name (RFC 8187) the service gives Chinese file names', () => {
    const disposition = `attachment; filename="tiaojie-summary_2025-12-02_2026-12-01.xlsx"; filename*=UTF-8''${encodeURIComponent('调解统计报表_2025-12-02至2026-12-01.xlsx')}`;
    expect(fileNameOf(disposition, 'x')).toBe('调解统计报表_2025-12-02至2026-12-01.xlsx');
  });

  it('falls back to the plain name, quoted or not, and then to the caller’s', () => {
    expect(fileNameOf('attachment; filename="audit-export_2026.csv"', 'x')).toBe('audit-export_2026.csv');
    expect(fileNameOf('attachment; filename=audit.jsonl', 'x')).toBe('audit.jsonl');
    expect(fileNameOf("attachment; filename=\"plain.csv\"; filename*=UTF-8''%E0%A4%A", 'x')).toBe('plain.csv');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
    expect(fileNameOf('attachment', 'fallback.csv')).toBe('fallback.csv');
  });
});
