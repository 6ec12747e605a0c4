import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState, RiskLevel } from './case-vocabulary';

const RISK_COLORS: Record<RiskLevel, string> = { BLUE: 'blue', YELLOW: 'gold', ORANGE: 'orange', RED: 'red' };

const STAGE_COLORS: Record<string, string> = { intake: 'default', mediation: 'processing', agreement: 'cyan', closed: 'default' };

export function RiskTag({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return <Tag color={RISK_COLORS[level]}>{t(`riskLevel.${level}`)}</Tag>;
}

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLORS[state.split('.')[0]]}>{t(`caseState.${state}`)}</Tag>;
}
