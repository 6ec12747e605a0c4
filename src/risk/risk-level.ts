import { RISK_LEVELS, type RiskLevel } from '../cases/case-vocabulary';

// Alerts and screenings compare levels ("a higher level raises the open alert", DOMAIN §5), so the order is one
// shared table rather than string comparisons scattered over the code.

/** BLUE 0 < YELLOW 1 < ORANGE 2 < RED 3. */
export const RISK_LEVEL_ORDER: Readonly<Record<RiskLevel, number>> = Object.freeze(
  Object.fromEntries(RISK_LEVELS.map((level, rank) => [level, rank])) as Record<RiskLevel, number>,
);

/** The levels lowest first as a SQL array, for `array_position(…, level)` when a statement ranks them. */
export const RISK_LEVELS_BY_RANK_SQL = `ARRAY[${RISK_LEVELS.map((level) => `'${level}'`).join(', ')}]`;

/** The level with no matching rule. */
export const LOWEST_RISK_LEVEL: RiskLevel = RISK_LEVELS[0];

/** Negative when `a` is lower than `b`, zero when equal, positive when higher; usable as a sort comparator. */
export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return RISK_LEVEL_ORDER[a] - RISK_LEVEL_ORDER[b];
}

/** The highest of `levels`; BLUE for none, because a case no rule matched is routine. */
export function maxLevel(levels: Iterable<RiskLevel>): RiskLevel {
  let highest = LOWEST_RISK_LEVEL;
  for (const level of levels) if (compareLevels(level, highest) > 0) highest = level;
  return highest;
}

/** `steps` levels higher, capped at RED: there is nothing above an immediate response. */
export function raiseLevel(level: RiskLevel, steps = 1): RiskLevel {
  const rank = Math.min(RISK_LEVEL_ORDER[level] + Math.max(0, steps), RISK_LEVELS.length - 1);
  return RISK_LEVELS[rank];
}
