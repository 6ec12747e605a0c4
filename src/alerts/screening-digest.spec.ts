import { DIGEST_CASE_NUMBERS, screeningDigest, type DigestAlert } from './screening-digest';

const alert = (caseNumber: string, level: DigestAlert['level'], outcome: DigestAlert['outcome'] = 'RAISED'): DigestAlert => ({ caseNumber, level, outcome });

describe(screeningDigest.name, () => {
  it('counts the alerts by level, most serious first, and how many were opened and how many raised', () => {
    const digest = screeningDigest('2027-01-20', [
      alert('LY-2027-000003', 'YELLOW'),
      alert('LY-2027-000001', 'RED', 'LEVEL_RAISED'),
      alert('LY-2027-000001', 'RED'),
      alert('LY-2027-000002', 'ORANGE'),
    ]);
    expect(digest.title).toBe('风险排查新增预警 4 条（截至 2027-01-20）');
    expect(digest.body).toBe(
      '2027-01-20 风险排查新增预警 4 条：红色 2 条，橙色 1 条，黄色 1 条。其中新开 3 条，原有预警升至更高等级 1 条。' +
        '涉及案件 3 件：LY-2027-000001、LY-2027-000002、LY-2027-000003。',
    );
  });

  it('groups thousands and names only the first cases, the most serious, followed by 等', () => {
    const alerts = Array.from({ length: 1234 }, (_, i) => alert(`LY-2027-${String(i + 1).padStart(6, '0')}`, i === 1233 ? 'RED' : 'YELLOW'));
    const digest = screeningDigest('2027-01-20', alerts);
    expect(digest.title).toBe('风险排查新增预警 1,234 条（截至 2027-01-20）');
    expect(digest.body).toContain('红色 1 条，黄色 1,233 条。');
    expect(digest.body).toContain('涉及案件 1,234 件：LY-2027-001234、LY-2027-000001、');
    expect(digest.body).toMatch(/LY-2027-000009 等。$/);
    expect(digest.body.match(/LY-2027-\d{6}/g)).toHaveLength(DIGEST_CASE_NUMBERS);
  });

  it('stays inside the notifications table checks with the longest case numbers', () => {
    const alerts = Array.from({ length: 200_000 }, (_, i) => alert(`ABCDEF-9999-${String(i).padStart(6, '0')}`, (['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const)[i % 4], i % 2 ? 'RAISED' : 'LEVEL_RAISED'));
    const digest = screeningDigest('2027-01-20', alerts);
    expect(digest.title.length).toBeLessThanOrEqual(200);
    expect(digest.body.length).toBeLessThanOrEqual(2000);
    expect(digest.body).toContain('红色 50,000 条，橙色 50,000 条，黄色 50,000 条，蓝色 50,000 条');
  });
});
