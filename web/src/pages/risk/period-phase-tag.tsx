import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween } from './legal-dates';
import { periodPhase, type PeriodPhase } from './period-phase';

const PHASE_COLORS: Record<PeriodPhase, string> = { past: 'default', inPeriod: 'red', inLead: 'orange', upcoming: 'blue' };

export function PeriodPhaseTag({ period, today }: { period: { startsOn: string; endsOn: string; windowOpensOn: string }; today: string }) {
  const { t } = useTranslation();
  const phase = periodPhase(period, today);
  return (
    <Tag color={PHASE_COLORS[phase]} data-testid="period-phase">
      {t(`risk.phase.${phase}`, { days: daysBetween(today, period.windowOpensOn) })}
    </Tag>
  );
}
