import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Three days or fewer is red: the warnings of DOMAIN §4 fire at D−3 and D−1. */
export const URGENT_DAYS = 3;
const SOON_DAYS = 7;

function colorOf(daysLeft: number): string {
  if (daysLeft <= URGENT_DAYS) return 'red';
  if (daysLeft <= SOON_DAYS) return 'orange';
  return 'blue';
}

/** Days left to a legal due date, as the API counts them (Asia/Shanghai calendar days; negative once past). */
export function CountdownTag({ daysLeft }: { daysLeft: number }) {
  const { t } = useTranslation();
  const text =
    daysLeft === 0 ? t('desk.countdown.today') : daysLeft > 0 ? t('desk.countdown.days', { count: daysLeft }) : t('desk.countdown.overdue', { count: -daysLeft });
  return (
    <Tag color={colorOf(daysLeft)} data-testid="countdown" data-days-left={daysLeft}>
      {text}
    </Tag>
  );
}
