import { Empty, Flex, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays } from './legal-dates';
import type { SensitivePeriod } from './risk-vocabulary';
import { dayInYear, segmentInYear, type Segment } from './year-timeline';

const LABEL_WIDTH = 220;
const ROW_HEIGHT = 28;
const LEAD_COLOR = '#ffd591';
const PERIOD_COLOR = '#fa541c';
const INACTIVE_COLOR = '#d9d9d9';

function Bar({ segment, color, title, testId }: { segment: Segment; color: string; title: string; testId: string }) {
  return (
    <Tooltip title={title}>
      <div
        data-testid={testId}
        style={{ position: 'absolute', top: 6, bottom: 6, left: `${segment.left}%`, width: `max(${segment.width}%, 3px)`, background: color, borderRadius: 3 }}
      />
    </Tooltip>
  );
}

function PeriodRow({ period, year }: { period: SensitivePeriod; year: number }) {
  const { t } = useTranslation();
  const lead = period.leadDays > 0 ? segmentInYear(period.windowOpensOn, addDays(period.startsOn, -1), year) : undefined;
  const body = segmentInYear(period.startsOn, period.endsOn, year);
  return (
    <Flex align="center" data-testid="timeline-row" style={{ height: ROW_HEIGHT }}>
      <Typography.Text ellipsis delete={!period.active} type={period.active ? undefined : 'secondary'} style={{ width: LABEL_WIDTH, flex: 'none', paddingInlineEnd: 8 }}>
        {period.name}
      </Typography.Text>
      <div style={{ position: 'relative', flex: 1, height: '100%' }}>
        {lead ? <Bar segment={lead} color={period.active ? LEAD_COLOR : INACTIVE_COLOR} title={`${t('risk.periods.legendLead')} ${period.windowOpensOn} – ${addDays(period.startsOn, -1)}`} testId="timeline-lead" /> : null}
        {body ? <Bar segment={body} color={period.active ? PERIOD_COLOR : INACTIVE_COLOR} title={`${period.name} ${period.startsOn} – ${period.endsOn}`} testId="timeline-period" /> : null}
        {period.milestones.map((milestone) => {
          const at = dayInYear(milestone.on, year);
          return at === undefined ? null : (
            <Tooltip key={`${milestone.on}-${milestone.label}`} title={`${milestone.on} ${milestone.label}`}>
              <div
                data-testid="timeline-milestone"
                style={{ position: 'absolute', top: 8, left: `calc(${at}% - 6px)`, width: 12, height: 12, background: '#722ed1', transform: 'rotate(45deg)', border: '2px solid #fff' }}
              />
            </Tooltip>
          );
        })}
      </div>
    </Flex>
  );
}

function Legend() {
  const { t } = useTranslation();
  const swatch = (color: string, label: string, diamond = false) => (
    <Flex align="center" gap={4}>
      <span style={{ display: 'inline-block', width: 12, height: 12, background: color, borderRadius: 2, transform: diamond ? 'rotate(45deg)' : undefined }} />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Flex>
  );
  return (
    <Flex gap="middle" wrap>
      {swatch(LEAD_COLOR, t('risk.periods.legendLead'))}
      {swatch(PERIOD_COLOR, t('risk.periods.legendPeriod'))}
      {swatch('#722ed1', t('risk.periods.legendMilestone'), true)}
      {swatch('#1677ff', t('risk.periods.legendToday'))}
    </Flex>
  );
}

/** YYYY-MM-01 of a month counted from 0; month 12 is January of the next year. */
function firstOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** The year at a glance: each period's lead time and days, its milestones, and today. */
export function PeriodTimeline({ periods, year, today }: { periods: readonly SensitivePeriod[]; year: number; today: string }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  if (periods.length === 0) return <Empty description={t('risk.periods.empty')} />;
  const months = Array.from({ length: 12 }, (_, month) => ({
    label: new Intl.DateTimeFormat(i18n.language, { month: 'short' }).format(new Date(Date.UTC(year, month, 15))),
    segment: segmentInYear(firstOfMonth(year, month), addDays(firstOfMonth(year, month + 1), -1), year),
  }));
  const todayAt = dayInYear(today, year);
  return (
    <Flex vertical gap="small" data-testid="period-timeline">
      <Legend />
      <div style={{ position: 'relative' }}>
        <Flex style={{ height: 24, marginInlineStart: LABEL_WIDTH, position: 'relative' }}>
          {months.map(({ label, segment }) =>
            segment ? (
              <Typography.Text
                key={label}
                type="secondary"
                style={{ position: 'absolute', left: `${segment.left}%`, width: `${segment.width}%`, textAlign: 'center', borderInlineStart: `1px solid ${token.colorBorderSecondary}` }}
              >
                {label}
              </Typography.Text>
            ) : null,
          )}
        </Flex>
        {periods.map((period) => (
          <PeriodRow key={period.id} period={period} year={year} />
        ))}
        {todayAt === undefined ? null : (
          <div
            aria-hidden
            data-testid="timeline-today"
            style={{ position: 'absolute', top: 0, bottom: 0, left: `calc(${LABEL_WIDTH}px + (100% - ${LABEL_WIDTH}px) * ${todayAt / 100})`, borderInlineStart: '2px solid #1677ff' }}
          />
        )}
      </div>
    </Flex>
  );
}
