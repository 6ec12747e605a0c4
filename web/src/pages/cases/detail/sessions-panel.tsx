import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../cases/case-vocabulary';

interface Sessions {
  readonly scheduled: readonly { id: string; at: string; location?: string; online: boolean }[];
  readonly recorded: readonly { id: string; heldAt: string; withoutPrejudice: boolean; scheduledSessionId?: string }[];
}

/** Mediation sessions, scheduled and held; summaries stay with the service (without-prejudice ones never leave it). */
export function SessionsPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const sessions = detail.sessions as unknown as Sessions;
  if (sessions.scheduled.length === 0 && sessions.recorded.length === 0) return null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const held = new Set(sessions.recorded.map((session) => session.scheduledSessionId));
  return (
    <Card size="small" title={t('caseFile.sessions.title')} data-testid="sessions-panel">
      <Flex vertical gap={4}>
        {sessions.scheduled
          .filter((session) => !held.has(session.id))
          .map((session) => (
            <Flex key={session.id} gap="small" align="center" wrap>
              <Tag color="blue">{t('caseFile.sessions.scheduled')}</Tag>
              <Typography.Text>{when.format(new Date(session.at))}</Typography.Text>
              <Typography.Text type="secondary">{session.online ? t('caseFile.sessions.online') : session.location}</Typography.Text>
            </Flex>
          ))}
        {sessions.recorded.map((session) => (
          <Flex key={session.id} gap="small" align="center" wrap>
            <Tag color="green">{t('caseFile.sessions.recorded')}</Tag>
            <Typography.Text>{when.format(new Date(session.heldAt))}</Typography.Text>
            {session.withoutPrejudice ? <Tag>{t('caseFile.sessions.withoutPrejudice')}</Tag> : null}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
