import { FireOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from './risk-vocabulary';

const STATUS_COLORS: Record<AlertStatus, string> = { OPEN: 'error', ACKNOWLEDGED: 'warning', RESOLVED: 'success' };

/** A RED alert left OPEN past the escalation time: every supervisor has been told. */
export function EscalatedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="magenta" icon={<FireOutlined aria-hidden />} data-testid="escalated">
      {t('risk.alerts.escalated')}
    </Tag>
  );
}

export function AlertStatusTag({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`risk.alertStatus.${status}`)}</Tag>;
}
