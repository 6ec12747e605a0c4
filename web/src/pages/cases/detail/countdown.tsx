import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from one legal date (YYYY-MM-DD) to another; negative when `to` is past. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A deadline's countdown: days left, due today, or days over. A period ends with its due day (DOMAIN §4). */
export function Countdown({ today, dueOn }: { today: string; dueOn: string }) {
  const { t } = useTranslation();
  const left = daysBetween(today, dueOn);
  if (left < 0) return <Tag color="red">{t('caseFile.deadlines.overdue', { count: -left })}</Tag>;
  if (left === 0) return <Tag color="orange">{t('caseFile.deadlines.dueToday')}</Tag>;
  return <Tag color={left <= 3 ? 'gold' : 'default'}>{t('caseFile.deadlines.daysLeft', { count: left })}</Tag>;
}
