import type { RiskFacts } from '../risk/risk-facts';
import type { RiskReason } from '../risk/risk-rules';
import { storedRiskDiffers, type CaseRiskRow } from './risk-facts.query';

const COLLECTIVE: RiskReason = { ruleId: 'COLLECTIVE_10', text: '集体争议：涉及 12 名劳动者（≥10）' };
const HARDSHIP: RiskReason = { ruleId: 'HARDSHIP', text: '困难情形：生活困难' };

function storing(reasons: RiskReason[]): CaseRiskRow {
  return { caseId: 'c', caseNumber: 'LY-2026-000001', assignedMediatorId: null, facts: {} as RiskFacts, storedLevel: 'ORANGE', storedReasons: reasons };
}

describe(storedRiskDiffers.name, () => {
  it('finds nothing changed when jsonb gave the stored reasons back with their keys in its own order', () => {
    const fromJsonb = JSON.parse('[{"text":"集体争议：涉及 12 名劳动者（≥10）","ruleId":"COLLECTIVE_10"}]') as RiskReason[];
    expect(storedRiskDiffers(storing(fromJsonb), { level: 'ORANGE', reasons: [COLLECTIVE] })).toBe(false);
  });

  it.each([
    ['the level', 'RED', [COLLECTIVE]],
    ['a reason added', 'ORANGE', [COLLECTIVE, HARDSHIP]],
    ['a reason dropped', 'ORANGE', []],
    ["a reason's text", 'ORANGE', [{ ...COLLECTIVE, text: '集体争议：涉及 13 名劳动者（≥10）' }]],
    ["a reason's rule", 'ORANGE', [{ ...COLLECTIVE, ruleId: 'COLLECTIVE_30' }]],
  ] as const)('finds a change in %s', (_, level, reasons) => {
    expect(storedRiskDiffers(storing([COLLECTIVE]), { level, reasons: [...reasons] })).toBe(true);
  });

  it('finds the same reasons in another order a change, since the order is what the case shows', () => {
    expect(storedRiskDiffers(storing([COLLECTIVE, HARDSHIP]), { level: 'ORANGE', reasons: [HARDSHIP, COLLECTIVE] })).toBe(true);
  });
});
