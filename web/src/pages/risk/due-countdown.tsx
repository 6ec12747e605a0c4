import { ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { timeLeft, type TimeLeft } from './countdown';
import { formatInstant } from './format';

export function durationText(left: TimeLeft, t: TFunction): string {
  if (left.days > 0) return t('risk.countdown.days', { days: left.days, hours: left.hours });
  if (left.hours > 0) return t('risk.countdown.hours', { hours: left.hours, minutes: left.minutes });
  return t('risk.countdown.minutes', { minutes: left.minutes });
}

const TEXT_TYPE = { overdue: 'danger', soon: 'warning', later: 'secondary' } as const;

/** "剩余 1 小时 20 分" until `dueBy`, red once it has passed; the exact time on hover. */
export function DueCountdown({ dueBy, now }: { dueBy: string; now: Date }) {
  const { t } = useTranslation();
  const left = timeLeft(dueBy, now);
  const text = durationText(left, t);
  return (
    <Tooltip title={formatInstant(dueBy)}>
      <Typography.Text type={TEXT_TYPE[left.urgency]} strong={left.urgency !== 'later'} data-testid="due-countdown" data-urgency={left.urgency}>
        <ClockCircleOutlined aria-hidden /> {left.urgency === 'overdue' ? t('risk.countdown.overdue', { text }) : t('risk.countdown.left', { text })}
      </Typography.Text>
    </Tooltip>
  );
}
