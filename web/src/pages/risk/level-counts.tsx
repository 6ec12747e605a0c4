import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../cases/case-vocabulary';
import type { LevelCounts } from './risk-vocabulary';

const COLORS = { BLUE: 'blue', YELLOW: 'gold', ORANGE: 'orange', RED: 'red' } as const;

/** 蓝色 12 · 黄色 3 · 橙色 1 · 红色 0 as four coloured tags, as RiskTag colours them. */
export function LevelCountTags({ counts }: { counts: LevelCounts }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {RISK_LEVELS.map((level) => (
        <Tag key={level} color={COLORS[level]} data-testid={`count-${level}`}>
          {t(`riskLevel.${level}`)} {counts[level]}
        </Tag>
      ))}
    </Space>
  );
}
