import type { RiskLevel } from '../cases/case-vocabulary';

export const LEVEL_WORDS: Record<RiskLevel, string> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };

/** One alert a screening opened or raised, as a recipient's digest counts it. */
export interface DigestAlert {
  readonly level: RiskLevel;
  readonly outcome: 'RAISED' | 'LEVEL_RAISED';
  readonly caseNumber: string;
}

/** Enough to find the worst cases at a glance; the ledger and the alerts board have the rest. */
export const DIGEST_CASE_NUMBERS = 10;

const MOST_SERIOUS_FIRST: readonly RiskLevel[] = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];
const count = new Intl.NumberFormat('zh-CN');

/**
 * What one person is told of the alerts a screening raised for them: one notice, not one per alert, because the first
 * screening in a sensitive period raises one on nearly every case. Title and body stay far inside the notifications'
 * 200 and 2,000 characters: a case number is at most a six-letter prefix, a year and a serial.
 */
export function screeningDigest(asOf: string, alerts: readonly DigestAlert[]): { title: string; body: string } {
  const byLevel = MOST_SERIOUS_FIRST.map((level) => [level, alerts.filter((alert) => alert.level === level).length] as const).filter(([, n]) => n > 0);
  const levelRaised = alerts.filter((alert) => alert.outcome === 'LEVEL_RAISED').length;
  const cases = casesMostSeriousFirst(alerts);
  const shown = cases.slice(0, DIGEST_CASE_NUMBERS).join('、');
  return {
    title: `风险排查新增预警 ${count.format(alerts.length)} 条（截至 ${asOf}）`,
    body: [
      `${asOf} 风险排查新增预警 ${count.format(alerts.length)} 条：${byLevel.map(([level, n]) => `${LEVEL_WORDS[level]} ${count.format(n)} 条`).join('，')}。`,
      `其中新开 ${count.format(alerts.length - levelRaised)} 条，原有预警升至更高等级 ${count.format(levelRaised)} 条。`,
      `涉及案件 ${count.format(cases.length)} 件：${shown}${cases.length > DIGEST_CASE_NUMBERS ? ' 等' : ''}。`,
    ].join(''),
  };
}

/** Each case once, at the highest level of its alerts, then by case number. */
function casesMostSeriousFirst(alerts: readonly DigestAlert[]): string[] {
  const rank = new Map<string, number>();
  for (const alert of alerts) {
    const r = MOST_SERIOUS_FIRST.indexOf(alert.level);
    rank.set(alert.caseNumber, Math.min(rank.get(alert.caseNumber) ?? r, r));
  }
  return [...rank.keys()].sort((a, b) => rank.get(a)! - rank.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}
