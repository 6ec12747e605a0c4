import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasCode } from '../../api/api-error';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { RiskTag, StateTag } from '../../cases/case-tags';
import type { CaseDetail } from '../../cases/case-vocabulary';
import { ErrorResult } from '../../common/error-result';

type Applicant = CaseDetail['applicants'][number];

function BackToList() {
  const { t } = useTranslation();
  return (
    <Link to="/cases">
      <ArrowLeftOutlined aria-hidden /> {t('caseDetail.backToList')}
    </Link>
  );
}

function CaseFacts({ detail }: { detail: CaseDetail }) {
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
        { key: 'riskLevel', label: t('caseDetail.riskLevel'), children: <RiskTag level={detail.riskLevel} /> },
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

function RiskReasons({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const reasons = detail.riskReasons as { ruleId?: string; text?: string }[];
  return (
    <Card size="small" title={t('caseDetail.riskReasons')}>
      {reasons.length === 0 ? (
        <Typography.Text type="secondary">{t('caseDetail.noRiskReasons')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {reasons.map((reason, index) => (
            <li key={reason.ruleId ?? index}>{reason.text ?? reason.ruleId}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Parties({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Flex vertical gap="middle">
      {detail.piiMasked ? <Alert type="info" showIcon title={t('caseDetail.piiMasked')} data-testid="pii-masked" /> : null}
      <Card size="small" title={t('caseDetail.applicants')} data-testid="case-applicants">
        <Table<Applicant>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={detail.applicants}
          columns={[
            {
              key: 'name',
              title: t('caseDetail.name'),
              render: (_, applicant) => (
                <Space>
                  {applicant.name}
                  {applicant.isRepresentative ? <Tag>{t('caseDetail.representative')}</Tag> : null}
                </Space>
              ),
            },
            { key: 'idNumber', title: t('caseDetail.idNumber'), dataIndex: 'idNumber' },
            { key: 'phone', title: t('caseDetail.phone'), dataIndex: 'phone' },
          ]}
        />
      </Card>
      <Card size="small" title={t('caseDetail.respondent')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'name', label: t('caseDetail.respondentName'), children: detail.respondent.name },
            { key: 'contact', label: t('caseDetail.contactName'), children: detail.respondent.contactName ?? none },
            { key: 'phone', label: t('caseDetail.contactPhone'), children: detail.respondent.contactPhone ?? none },
          ]}
        />
      </Card>
    </Flex>
  );
}

/**
 * GET /api/cases/:id: the case's header facts and its parties, personal data masked as the API decides for this
 * viewer. The workflow, deadlines and history join this page as their screens are built.
 */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['case', id],
    queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })),
  });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    // A malformed id is as absent as an unknown one: both simply are not a case this user can open.
    if (hasCode(detail.error, 'NOT_FOUND') || hasCode(detail.error, 'VALIDATION_FAILED')) {
      return <Result status="404" title={t('caseDetail.notFound')} extra={<BackToList />} />;
    }
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const data = detail.data;
  return (
    <Flex vertical gap="middle">
      <BackToList />
      <Flex align="center" gap="middle" wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
          {t('caseDetail.title', { caseNumber: data.caseNumber })}
        </Typography.Title>
        <StateTag state={data.state} />
        <RiskTag level={data.riskLevel} />
      </Flex>
      <CaseFacts detail={data} />
      <RiskReasons detail={data} />
      <Parties detail={data} />
    </Flex>
  );
}
