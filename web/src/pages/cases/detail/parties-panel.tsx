import { Alert, Card, Descriptions, Flex, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { MaskedValue } from './reveal';

type Applicant = CaseDetail['applicants'][number];
type Claim = CaseDetail['claims'][number];

/** Applicants, respondent and claims; ID numbers and phones masked as the service decides, revealable with a reason. */
export function PartiesPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const masked = detail.piiMasked;
  return (
    <Flex vertical gap="middle">
      {masked ? <Alert type="info" showIcon title={t('caseDetail.piiMasked')} data-testid="pii-masked" /> : null}
      <Card size="small" title={t('caseDetail.applicants')} data-testid="case-applicants">
        <Table<Applicant>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={detail.applicants}
          scroll={{ x: 'max-content' }}
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
            {
              key: 'idNumber',
              title: t('caseDetail.idNumber'),
              render: (_, applicant) => (
                <MaskedValue caseId={detail.id} field={`applicants[${applicant.position}].idNumber`} value={applicant.idNumber} label={`${applicant.name} ${t('caseDetail.idNumber')}`} masked={masked} />
              ),
            },
            {
              key: 'phone',
              title: t('caseDetail.phone'),
              render: (_, applicant) => (
                <MaskedValue caseId={detail.id} field={`applicants[${applicant.position}].phone`} value={applicant.phone} label={`${applicant.name} ${t('caseDetail.phone')}`} masked={masked} />
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('caseDetail.respondent')} data-testid="case-respondent">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: t('caseDetail.respondentName'), children: detail.respondent.name },
            { key: 'uscc', label: 'USCC', children: detail.respondent.unifiedSocialCreditCode ?? none },
            { key: 'contact', label: t('caseDetail.contactName'), children: detail.respondent.contactName ?? none },
            {
              key: 'phone',
              label: t('caseDetail.contactPhone'),
              children: <MaskedValue caseId={detail.id} field="respondent.contactPhone" value={detail.respondent.contactPhone} label={t('caseDetail.contactPhone')} masked={masked} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('caseFile.claims.title')}>
        <Table<Claim>
          size="small"
          rowKey="position"
          pagination={false}
          dataSource={detail.claims}
          columns={[
            { key: 'type', title: t('caseFile.claims.type'), render: (_, claim) => t(`claimType.${claim.type}`) },
            { key: 'amount', title: t('caseFile.claims.amount'), align: 'right', render: (_, claim) => claim.amount ?? none },
            { key: 'description', title: t('caseFile.claims.description'), dataIndex: 'description' },
          ]}
        />
      </Card>
    </Flex>
  );
}
