import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RiskTag, StateTag } from '../../../cases/case-tags';
import type { CaseDetail } from '../../../cases/case-vocabulary';

export function BackToList() {
  const { t } = useTranslation();
  return (
    <Link to="/cases">
      <ArrowLeftOutlined aria-hidden /> {t('caseDetail.backToList')}
    </Link>
  );
}

export function CaseTitle({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap="middle" wrap>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
        {t('caseDetail.title', { caseNumber: detail.caseNumber })}
      </Typography.Title>
      <span data-testid="case-state">
        <StateTag state={detail.state} />
      </span>
      <RiskTag level={detail.riskLevel} />
      <Typography.Text type="secondary" data-testid="case-version">
        {t('caseFile.version', { version: detail.version })}
      </Typography.Text>
    </Flex>
  );
}

export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="case-facts"
      items={[
        { key: 'caseNumber', label: t('caseDetail.caseNumber'), children: detail.caseNumber },
        { key: 'state', label: t('caseDetail.state'), children: <StateTag state={detail.state} /> },
        { key: 'source', label: t('caseDetail.source'), children: t(`caseSource.${detail.source}`) },
        { key: 'receivedOn', label: t('caseDetail.receivedOn'), children: detail.receivedOn },
        { key: 'mediator', label: t('caseDetail.assignedMediator'), children: detail.assignedMediator?.displayName ?? t('cases.unassigned') },
        {
          key: 'workers',
          label: t('caseDetail.workerCount'),
          children: (
            <Space>
              {detail.workerCount}
              {detail.collective ? <Tag>{t('cases.collective')}</Tag> : null}
            </Space>
          ),
        },
        { key: 'claimed', label: t('caseDetail.totalClaimed'), children: detail.totalClaimed },
        { key: 'courtCaseNumber', label: t('caseDetail.courtCaseNumber'), children: detail.courtCaseNumber ?? none },
      ]}
    />
  );
}

/** The level, why, and the flags set at intake. */
export function RiskPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const reasons = detail.riskReasons as { ruleId?: string; text?: string }[];
  return (
    <Card size="small" title={t('caseFile.risk.title')} extra={<RiskTag level={detail.riskLevel} />} data-testid="risk-panel">
      <Flex vertical gap="small">
        {reasons.length === 0 ? (
          <Typography.Text type="secondary">{t('caseDetail.noRiskReasons')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {reasons.map((reason, index) => (
              <li key={reason.ruleId ?? index}>{reason.text ?? reason.ruleId}</li>
            ))}
          </ul>
        )}
        {detail.riskFlags.length > 0 ? (
          <Flex gap={4} wrap>
            {detail.riskFlags.map((flag) => (
              <Tag key={flag} color="volcano">
                {t(`caseFile.riskFlag.${flag}`)}
              </Tag>
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
