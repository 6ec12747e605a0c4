import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../cases/case-vocabulary';
import { RISK_LEVEL_HEX } from './risk-vocabulary';
import type { ScreeningTrend } from './screening-trend';

// Only what this chart draws, so the chunk stays a fraction of the full library; canvas, as the statistics charts use.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function optionOf(trend: ScreeningTrend, t: TFunction) {
  return {
    color: RISK_LEVELS.map((level) => RISK_LEVEL_HEX[level]),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.dates },
    yAxis: { type: 'value', minInterval: 1 },
    series: RISK_LEVELS.map((level) => ({ name: t(`riskLevel.${level}`), type: 'bar', stack: 'cases', data: trend.counts[level], barMaxWidth: 32 })),
  };
}

/** Stacked bars: each screening date's open cases by level, blue at the bottom and red on top. */
export function ScreeningTrendChart({ trend }: { trend: ScreeningTrend }) {
  const { t } = useTranslation();
  return (
    <div role="img" aria-label={t('risk.dashboard.trend')} data-testid="screening-trend-chart">
      <ReactEChartsCore echarts={echarts} option={optionOf(trend, t)} notMerge style={{ height: 280 }} />
    </div>
  );
}
