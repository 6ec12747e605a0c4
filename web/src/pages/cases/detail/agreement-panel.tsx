import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { SIGNATURE_PARTIES, type SignatureParty } from '../../../cases/events/event-fields';

interface Instalment {
  readonly no: number;
  readonly dueOn: string;
  readonly amount: string;
  readonly paid: string;
  readonly paidInFullOn?: string;
}

interface Terms {
  readonly facts: string;
  readonly disputedMatters: string;
  readonly items: readonly { kind: string; description: string; amount?: string }[];
  readonly waiverOfOtherClaims: boolean;
  readonly defaultClause?: string;
}

interface JudicialConfirmation {
  readonly status: 'NONE' | 'REQUESTED' | 'CONFIRMED' | 'REFUSED' | 'WITHDRAWN';
  readonly appliedOn?: string;
  readonly rulingNumber?: string;
  readonly ruledOn?: string;
  readonly refusalReason?: string;
}

/** The agreement once reached: its items, the four signatures, instalments with payments, judicial confirmation. */
export function AgreementPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const terms = detail.terms as Terms | null;
  if (!terms) return null;
  const signatures = detail.signatures as Partial<Record<SignatureParty, { signedOn: string }>>;
  const confirmation = detail.judicialConfirmation as unknown as JudicialConfirmation;
  const none = t('common.none');
  return (
    <Card size="small" title={t('caseFile.agreement.title')} data-testid="agreement-panel">
      <Flex vertical gap="middle">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'agreedTotal', label: t('caseFile.agreement.agreedTotal'), children: detail.agreedTotal ?? none },
            { key: 'paidTotal', label: t('caseFile.agreement.paidTotal'), children: detail.paidTotal },
            { key: 'effectiveOn', label: t('caseFile.agreement.effectiveOn'), children: detail.effectiveOn ?? none },
            {
              key: 'jc',
              label: t('caseFile.agreement.judicialConfirmation'),
              children: (
                <span data-testid="judicial-confirmation">
                  {t(`caseFile.agreement.jcStatus.${confirmation.status}`)}
                  {confirmation.rulingNumber ? ` · ${confirmation.rulingNumber}` : ''}
                  {confirmation.ruledOn ? ` · ${confirmation.ruledOn}` : ''}
                  {confirmation.refusalReason ? ` · ${confirmation.refusalReason}` : ''}
                </span>
              ),
            },
            { key: 'facts', label: t('caseFile.terms.facts'), children: terms.facts, span: 'filled' },
            { key: 'disputed', label: t('caseFile.terms.disputedMatters'), children: terms.disputedMatters, span: 'filled' },
            ...(terms.defaultClause ? [{ key: 'default', label: t('caseFile.terms.defaultClause'), children: terms.defaultClause, span: 'filled' as const }] : []),
          ]}
        />
        <Flex gap="small" wrap data-testid="signatures">
          <Typography.Text strong>{t('caseFile.agreement.signatures')}</Typography.Text>
          {SIGNATURE_PARTIES.map((party) => (
            <Tag key={party} color={signatures[party] ? 'green' : 'default'} data-testid={`signature-${party}`}>
              {t(`caseFile.party.${party}`)} · {signatures[party] ? `${t('caseFile.field.signed')} ${signatures[party].signedOn}` : t('caseFile.field.unsigned')}
            </Tag>
          ))}
        </Flex>
        <Table
          size="small"
          rowKey={(_, index) => String(index)}
          pagination={false}
          dataSource={[...terms.items]}
          columns={[
            { key: 'kind', title: t('caseFile.terms.itemKind'), render: (_, item) => t(`caseFile.itemKind.${item.kind as 'WAGES'}`) },
            { key: 'description', title: t('caseFile.terms.itemDescription'), dataIndex: 'description' },
            { key: 'amount', title: t('caseFile.terms.itemAmount'), align: 'right', render: (_, item) => item.amount ?? none },
          ]}
        />
        <Table<Instalment>
          size="small"
          rowKey="no"
          pagination={false}
          dataSource={detail.instalments as unknown as Instalment[]}
          columns={[
            { key: 'no', title: t('caseFile.terms.instalmentNo'), dataIndex: 'no' },
            { key: 'dueOn', title: t('caseFile.terms.dueOn'), dataIndex: 'dueOn' },
            { key: 'amount', title: t('caseFile.terms.instalmentAmount'), dataIndex: 'amount', align: 'right' },
            { key: 'paid', title: t('caseFile.agreement.paid'), dataIndex: 'paid', align: 'right' },
            { key: 'paidInFullOn', title: t('caseFile.agreement.paidInFullOn'), render: (_, row) => row.paidInFullOn ?? none },
          ]}
        />
      </Flex>
    </Card>
  );
}
