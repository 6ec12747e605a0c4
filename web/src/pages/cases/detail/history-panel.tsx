import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/unwrap';
import { isCaseState } from '../../../cases/case-vocabulary';
import { EVENT_FORMS } from '../../../cases/events/event-form-registry';
import type { CaseEventType } from '../../../cases/events/event-form-types';
import { caseQueryKey } from '../../../cases/events/send-case-event';
import { ErrorAlert } from '../../../common/error-result';

function isEventType(value: string | null | undefined): value is CaseEventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_FORMS, value);
}

function what(action: string, eventType: string | null | undefined, t: TFunction): string {
  if (action === 'CASE_EVENT' && isEventType(eventType)) return t(`caseFile.event.${eventType}`);
  if (action === 'CASE_CREATED') return t('caseFile.history.created');
  if (action === 'PII_REVEALED') return t('caseFile.history.revealed');
  if (action === 'DOCUMENT_GENERATED') return t('caseFile.history.documentGenerated');
  if (action.startsWith('ALERT_')) return t('caseFile.history.alert');
  if (action.startsWith('ASSISTANCE_')) return t('caseFile.history.assistance');
  return action;
}

function stateLabel(state: string | null | undefined, t: TFunction): string | undefined {
  if (!state) return undefined;
  return isCaseState(state) ? t(`caseState.${state}`) : state;
}

/** `{reason: "OTHER", note: "…"}` as `reason: OTHER · note: …`; nested values (terms) as compact JSON. */
function payloadText(payload: unknown): string {
  if (payload === null || typeof payload !== 'object') return '';
  return Object.entries(payload as Record<string, unknown>)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

/** GET /api/cases/:id/history: creation, every applied event and every reveal, newest first, personal data masked. */
export function HistoryPanel({ caseId, version }: { caseId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: [...caseQueryKey(caseId, 'history'), version],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/history', { params: { path: { id: caseId } } })),
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <Card size="small" title={t('caseFile.history.title')} data-testid="history-panel">
      {history.isPending ? <Skeleton active /> : null}
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {history.data && history.data.items.length === 0 ? <Empty description={t('caseFile.history.empty')} /> : null}
      {history.data && history.data.items.length > 0 ? (
        <Timeline
          items={[...history.data.items].reverse().map((entry) => {
            const details = payloadText(entry.payload);
            const to = stateLabel(entry.toState, t);
            return {
              key: entry.seq,
              title: when.format(new Date(entry.at)),
              color: entry.action === 'PII_REVEALED' ? 'orange' : 'blue',
              content: (
                <Flex vertical gap={2} data-testid="history-entry">
                  <Flex gap="small" align="center" wrap>
                    <Typography.Text strong>{what(entry.action, entry.eventType, t)}</Typography.Text>
                    <Typography.Text type="secondary">{entry.actor.displayName ?? t('caseFile.history.system')}</Typography.Text>
                    {to && entry.fromState !== entry.toState ? <Tag>{to}</Tag> : null}
                    {entry.version ? <Typography.Text type="secondary">{t('caseFile.history.version', { version: entry.version })}</Typography.Text> : null}
                  </Flex>
                  {details ? (
                    // The registration and the agreement terms carry whole documents: two lines, the rest on request.
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ fontSize: 12, wordBreak: 'break-all', marginBottom: 0 }}>
                      {details}
                    </Typography.Paragraph>
                  ) : null}
                </Flex>
              ),
            };
          })}
        />
      ) : null}
    </Card>
  );
}
