import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { RiskTag } from '../../cases/case-tags';
import { isRiskLevel } from '../../cases/case-vocabulary';
import { ErrorAlert } from '../../common/error-result';
import { formatInstant } from './format';

/** One rule as the service lists it; the schema types the list loosely (each {id, level, enabled, params, reasonTemplate}). */
interface RiskRule {
  readonly id: string;
  readonly level: string;
  readonly enabled: boolean;
  readonly params: Record<string, unknown>;
  readonly reasonTemplate: string;
}

function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

/** The rule set in force, read-only: what each level on the ledger was matched by. Administrators change it. */
export function RiskRulesDrawer() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rules = useQuery({ queryKey: ['risk-rules'], queryFn: () => unwrap(api.GET('/api/risk-rules')), enabled: open });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="open-risk-rules">
        {t('risk.rules.open')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size="large" title={rules.data ? t('risk.rules.title', { version: rules.data.version }) : t('risk.rules.open')}>
        {rules.isPending ? <Skeleton active /> : null}
        {rules.isError ? <ErrorAlert error={rules.error} /> : null}
        {rules.data ? (
          <>
            <Typography.Paragraph type="secondary">
              {t('risk.rules.since', { time: formatInstant(rules.data.createdAt) })}
              {rules.data.note ? ` · ${rules.data.note}` : ''}
            </Typography.Paragraph>
            <Table<RiskRule>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={rules.data.rules as unknown as RiskRule[]}
              data-testid="risk-rules"
              columns={[
                { key: 'id', title: t('risk.rules.columns.id'), render: (_, rule) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{rule.id}</Typography.Text> },
                { key: 'level', title: t('risk.rules.columns.level'), render: (_, rule) => (isRiskLevel(rule.level) ? <RiskTag level={rule.level} /> : rule.level) },
                {
                  key: 'enabled',
                  title: t('risk.rules.columns.enabled'),
                  render: (_, rule) => (rule.enabled ? <Tag color="success">{t('risk.rules.on')}</Tag> : <Tag>{t('risk.rules.off')}</Tag>),
                },
                { key: 'params', title: t('risk.rules.columns.params'), render: (_, rule) => paramsText(rule.params) },
                { key: 'reasonTemplate', title: t('risk.rules.columns.reasonTemplate'), dataIndex: 'reasonTemplate' },
              ]}
            />
          </>
        ) : null}
      </Drawer>
    </>
  );
}
