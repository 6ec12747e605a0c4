import { RISK_LEVELS, type RiskLevel } from '../cases/case-vocabulary';
import { compareLevels, maxLevel, raiseLevel, RISK_LEVEL_ORDER } from './risk-level';

describe('RISK_LEVEL_ORDER', () => {
  it('ranks BLUE < YELLOW < ORANGE < RED', () => {
    expect(RISK_LEVEL_ORDER).toEqual({ BLUE: 0, YELLOW: 1, ORANGE: 2, RED: 3 });
  });
});

describe(compareLevels.name, () => {
  it('sorts levels from lowest to highest', () => {
    const shuffled: RiskLevel[] = ['RED', 'BLUE', 'ORANGE', 'YELLOW'];
    expect([...shuffled].sort(compareLevels)).toEqual([...RISK_LEVELS]);
  });

  it('is zero for equal levels and signed otherwise', () => {
    expect(compareLevels('ORANGE', 'ORANGE')).toBe(0);
    expect(compareLevels('YELLOW', 'ORANGE')).toBeLessThan(0);
    expect(compareLevels('RED', 'BLUE')).toBeGreaterThan(0);
  });
});

describe(maxLevel.name, () => {
  it('is BLUE when there is no level at all', () => {
    expect(maxLevel([])).toBe('BLUE');
  });

  it('takes the highest level whatever the order', () => {
    expect(maxLevel(['YELLOW', 'RED', 'ORANGE'])).toBe('RED');
    expect(maxLevel(['YELLOW', 'BLUE', 'YELLOW'])).toBe('YELLOW');
  });
});

describe(raiseLevel.name, () => {
  it.each([
    ['BLUE', 'YELLOW'],
    ['YELLOW', 'ORANGE'],
    ['ORANGE', 'RED'],
    ['RED', 'RED'],
  ] as const)('raises %s one step to %s', (level, raised) => {
    expect(raiseLevel(level)).toBe(raised);
  });

  it('caps a raise of several steps at RED and never lowers', () => {
    expect(raiseLevel('YELLOW', 5)).toBe('RED');
    expect(raiseLevel('ORANGE', -2)).toBe('ORANGE');
  });
});
