import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from './money-format';
import type { Summary } from './summary-labels';

interface Figure {
  readonly key: string;
  readonly title: string;
  readonly value: string | number;
  readonly suffix?: string;
  readonly hint?: string;
}

function FigureCard({ figure }: { figure: Figure }) {
  const title = figure.hint ? (
    <Tooltip title={figure.hint}>
      <span style={{ borderBottom: '1px dotted' }}>{figure.title}</span>
    </Tooltip>
  ) : (
    figure.title
  );
  return (
    <Card size="small" data-testid={`stat-${figure.key}`}>
      <Statistic title={title} value={figure.value} suffix={figure.suffix} />
    </Card>
  );
}

/** The headline numbers of the period: one card each, amounts in exact yuan. */
export function SummaryHeadline({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const { totals, judicialConfirmations, deadlinesMissed, assistance } = summary;
  const none = t('statistics.noValue');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const unit = (name: 'cases' | 'people' | 'days' | 'times', count: number) => t(`statistics.unit.${name}`, { count });
  const figures: Figure[] = [
    { key: 'received', title: t('statistics.headline.received'), value: totals.received, suffix: unit('cases', totals.received) },
    { key: 'workersCovered', title: t('statistics.headline.workersCovered'), value: totals.workersCovered, suffix: unit('people', totals.workersCovered) },
    { key: 'collectiveCases', title: t('statistics.headline.collectiveCases'), value: totals.collectiveCases, suffix: unit('cases', totals.collectiveCases) },
    { key: 'open', title: t('statistics.headline.open'), value: totals.open, suffix: unit('cases', totals.open) },
    {
      key: 'successRate',
      title: t('statistics.headline.successRate'),
      value: totals.successRate === null ? none : percent.format(totals.successRate),
      hint: t('statistics.successRateHint'),
    },
    { key: 'agreements', title: t('statistics.headline.agreements'), value: totals.agreements, suffix: unit('cases', totals.agreements) },
    {
      key: 'averageDays',
      title: t('statistics.headline.averageDays'),
      value: totals.averageDaysToAgreement === null ? none : days.format(totals.averageDaysToAgreement),
      suffix: totals.averageDaysToAgreement === null ? undefined : unit('days', totals.averageDaysToAgreement),
    },
    {
      key: 'p90Days',
      title: t('statistics.headline.p90Days'),
      value: totals.p90DaysToAgreement === null ? none : days.format(totals.p90DaysToAgreement),
      suffix: totals.p90DaysToAgreement === null ? undefined : unit('days', totals.p90DaysToAgreement),
    },
    { key: 'claimed', title: t('statistics.headline.claimed'), value: formatYuan(totals.amounts.claimed) },
    { key: 'agreed', title: t('statistics.headline.agreed'), value: formatYuan(totals.amounts.agreed) },
    { key: 'paid', title: t('statistics.headline.paid'), value: formatYuan(totals.amounts.paid) },
    { key: 'judicialRequested', title: t('statistics.headline.judicialRequested'), value: judicialConfirmations.requested, suffix: unit('cases', judicialConfirmations.requested) },
    { key: 'judicialGranted', title: t('statistics.headline.judicialGranted'), value: judicialConfirmations.granted, suffix: unit('cases', judicialConfirmations.granted) },
    { key: 'judicialRefused', title: t('statistics.headline.judicialRefused'), value: judicialConfirmations.refused, suffix: unit('cases', judicialConfirmations.refused) },
    { key: 'deadlinesMissed', title: t('statistics.headline.deadlinesMissed'), value: deadlinesMissed.total, suffix: unit('cases', deadlinesMissed.total) },
  ];
  // A court liaison's report leaves hardship assistance out: it is the union's own business.
  if (assistance) {
    figures.push(
      { key: 'assistanceCount', title: t('statistics.headline.assistanceCount'), value: assistance.count, suffix: unit('times', assistance.count) },
      { key: 'assistancePeople', title: t('statistics.headline.assistancePeople'), value: assistance.people, suffix: unit('people', assistance.people) },
      { key: 'assistanceAmount', title: t('statistics.headline.assistanceAmount'), value: formatYuan(assistance.amount) },
    );
  }
  return (
    <section aria-label={t('statistics.title')}>
      <Row gutter={[16, 16]} data-testid="statistics-headline">
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={8} xl={6} xxl={4}>
            <FigureCard figure={figure} />
          </Col>
        ))}
      </Row>
    </section>
  );
}
