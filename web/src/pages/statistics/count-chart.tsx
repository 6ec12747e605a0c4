import { theme } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only the pieces these charts draw: the whole of echarts is several times larger, and this chunk loads with the
// statistics screen alone.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartDatum {
  readonly label: string;
  readonly value: number;
  /** A colour of its own, e.g. a risk level's. */
  readonly color?: string;
}

interface Props {
  readonly data: readonly ChartDatum[];
  /** What the chart shows, for screen readers: the same numbers are in the table beside it. */
  readonly title: string;
  readonly kind?: 'bar' | 'pie';
  readonly height?: number;
}

/** A bar or pie chart of counts; canvas only, and no option is evaluated as code (the console's CSP allows no eval). */
export function CountChart({ data, title, kind = 'bar', height = 260 }: Props) {
  const { token } = theme.useToken();
  const option =
    kind === 'pie'
      ? {
          tooltip: { trigger: 'item' },
          series: [
            {
              type: 'pie',
              radius: ['40%', '70%'],
              label: { formatter: '{b}: {c}' },
              data: data.map((datum) => ({ name: datum.label, value: datum.value, itemStyle: datum.color ? { color: datum.color } : undefined })),
            },
          ],
        }
      : {
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: data.map((datum) => datum.label) },
          series: [
            {
              type: 'bar',
              barMaxWidth: 24,
              label: { show: true, position: 'right' },
              itemStyle: { color: token.colorPrimary },
              data: data.map((datum) => ({ value: datum.value, itemStyle: datum.color ? { color: datum.color } : undefined })),
            },
          ],
        };
  return (
    <div role="img" aria-label={title}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} opts={{ renderer: 'canvas' }} />
    </div>
  );
}
