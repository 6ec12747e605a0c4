import type { RiskLevel } from '../cases/case-vocabulary';

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };
