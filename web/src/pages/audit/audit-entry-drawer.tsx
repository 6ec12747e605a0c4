import { Button, Descriptions, Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { isCaseState } from '../../cases/case-vocabulary';
import { CaseRef, categoryText, roleText, type UserSummary } from './audit-lookups';

export type AuditEntry = components['schemas']['AuditEntryResponseDto'];

function Mono({ value }: { value: string }) {
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
      {value}
    </Typography.Text>
  );
}

export function StateName({ state }: { state: string | null }) {
  const { t } = useTranslation();
  if (state === null) return t('common.none');
  return isCaseState(state) ? t(`caseState.${state}`) : state;
}

interface Props {
  readonly entry: AuditEntry | null;
  readonly users: ReadonlyMap<string, UserSummary>;
  readonly onClose: () => void;
  readonly onFilterCase: (caseId: string) => void;
}

/** One audit row as stored and hashed; its payload was masked before it was written (DOMAIN §7), and is shown as is. */
export function AuditEntryDrawer({ entry, users, onClose, onFilterCase }: Props) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const none = t('common.none');
  const actor = entry?.actorUserId ? users.get(entry.actorUserId) : undefined;
  return (
    <Drawer title={entry ? t('audit.entry.title', { seq: entry.seq }) : ''} open={entry !== null} onClose={onClose} size={640} data-testid="audit-entry">
      {entry ? (
        <Flex vertical gap="middle">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'seq', label: t('audit.entry.seq'), children: entry.seq },
              { key: 'at', label: t('audit.entry.at'), children: `${when.format(new Date(entry.at))} (${entry.at})` },
              { key: 'actor', label: t('audit.entry.actor'), children: actor ? `${actor.displayName} (${actor.username})` : (entry.actorUserId ?? t('audit.systemActor')) },
              { key: 'role', label: t('audit.entry.actorRole'), children: roleText(entry.actorRole, t) },
              { key: 'category', label: t('audit.entry.category'), children: categoryText(entry.category, t) },
              { key: 'action', label: t('audit.entry.action'), children: <Typography.Text code>{entry.action}</Typography.Text> },
              {
                key: 'case',
                label: t('audit.entry.case'),
                children: entry.caseId ? (
                  <Flex gap="middle" wrap>
                    <CaseRef id={entry.caseId} />
                    <Button size="small" onClick={() => onFilterCase(entry.caseId ?? '')}>
                      {t('audit.entry.filterCase')}
                    </Button>
                  </Flex>
                ) : (
                  none
                ),
              },
              { key: 'from', label: t('audit.entry.fromState'), children: <StateName state={entry.fromState} /> },
              { key: 'to', label: t('audit.entry.toState'), children: <StateName state={entry.toState} /> },
              { key: 'version', label: t('audit.entry.caseVersion'), children: entry.caseVersion ?? none },
              { key: 'chain', label: t('audit.entry.chain'), children: <Mono value={entry.chainId} /> },
              { key: 'chainSeq', label: t('audit.entry.chainSeq'), children: entry.chainSeq },
              { key: 'request', label: t('audit.entry.requestId'), children: entry.requestId ? <Mono value={entry.requestId} /> : none },
              { key: 'prevHash', label: t('audit.entry.prevHash'), children: <Mono value={entry.prevHash} /> },
              { key: 'hash', label: t('audit.entry.hash'), children: <Mono value={entry.hash} /> },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('audit.entry.payload')}
          </Typography.Title>
          {entry.payload === null || entry.payload === undefined ? (
            <Typography.Text type="secondary">{t('audit.entry.noPayload')}</Typography.Text>
          ) : (
            <pre data-testid="audit-entry-payload" style={{ margin: 0, padding: 12, background: 'rgba(0,0,0,0.04)', borderRadius: 6, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
              {JSON.stringify(entry.payload, null, 2)}
            </pre>
          )}
          {entry.caseId ? <Link to={`/cases/${entry.caseId}`}>{t('audit.entry.openCase')}</Link> : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
