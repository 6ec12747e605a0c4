import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { showFieldErrors } from '../../../api/form-errors';
import { unwrap } from '../../../api/unwrap';
import type { components } from '../../../api/schema';
import { useSession } from '../../../auth/use-session';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { dateValueProps, legalToday } from '../../../cases/events/form-values';
import { isAmount, sumAmounts } from '../../../cases/events/money';
import { caseQueryKey } from '../../../cases/events/send-case-event';
import { ErrorAlert } from '../../../common/error-result';

type Assistance = components['schemas']['AssistanceResponseDto'];
type Proposal = components['schemas']['ProposeAssistanceDto'];

const KINDS: readonly Proposal['kind'][] = ['RELIEF_FUNDS', 'FESTIVAL_CONDOLENCE', 'LEGAL_AID', 'JOB_REFERRAL', 'MEDICAL_MUTUAL_AID', 'OTHER'];
/** Services, not money: the service refuses an amount on them (src/hardship/hardship-rules.ts). */
const NO_AMOUNT: readonly Proposal['kind'][] = ['LEGAL_AID', 'JOB_REFERRAL'];
const STATUS_COLORS: Record<Assistance['status'], string> = { PROPOSED: 'gold', APPROVED: 'green', REJECTED: 'default' };
const WHOLE_CASE = -1;

interface ProposalValues {
  applicantPosition: number;
  kind: Proposal['kind'];
  amount?: string;
  givenOn: string;
  note: string;
}

function ProposeDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { describeProblem } = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProposalValues>();
  const propose = useMutation({
    mutationFn: (body: Proposal) => unwrap(api.POST('/api/cases/{id}/assistance', { params: { path: { id: detail.id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseQueryKey(detail.id, 'assistance') }),
  });
  const submit = async () => {
    const values = await form.validateFields();
    const amount = values.amount?.trim();
    try {
      await propose.mutateAsync({
        applicantPosition: values.applicantPosition === WHOLE_CASE ? null : values.applicantPosition,
        kind: values.kind,
        ...(amount ? { amount } : {}),
        givenOn: values.givenOn,
        note: values.note.trim(),
      });
      onClose();
    } catch (error) {
      showFieldErrors(form, error, describeProblem);
    }
  };
  return (
    <Modal open title={t('caseFile.assistance.propose')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={propose.isPending} okText={t('caseFile.actions.submit')} cancelText={t('caseFile.actions.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ applicantPosition: WHOLE_CASE, kind: 'RELIEF_FUNDS', givenOn: legalToday() }} data-testid="assistance-form">
        <Form.Item name="applicantPosition" label={t('caseFile.assistance.worker')}>
          <Select options={[{ value: WHOLE_CASE, label: t('caseFile.assistance.wholeCase') }, ...detail.applicants.map((applicant) => ({ value: applicant.position, label: applicant.name }))]} />
        </Form.Item>
        <Form.Item name="kind" label={t('caseFile.assistance.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((value) => ({ value, label: t(`caseFile.assistanceKind.${value}`) }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            NO_AMOUNT.includes(getFieldValue('kind') as Proposal['kind']) ? null : (
              <Form.Item
                name="amount"
                label={t('caseFile.assistance.amount')}
                rules={[{ validator: (_, value?: string) => (!value || isAmount(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('caseFile.terms.moneyFormat')))) }]}
              >
                <Input inputMode="decimal" placeholder="2000.00" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="givenOn" label={t('caseFile.assistance.givenOn')} rules={[{ required: true, message: t('caseFile.field.required') }]} {...dateValueProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('caseFile.assistance.note')} rules={[{ required: true, whitespace: true, max: 1000, message: t('caseFile.field.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {propose.isError ? <ErrorAlert error={propose.error} /> : null}
      </Form>
    </Modal>
  );
}

function DecideDialog({ detail, record, decision, onClose }: { detail: CaseDetail; record: Assistance; decision: 'approve' | 'reject'; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: () => {
      const params = { path: { id: detail.id, assistanceId: record.id } };
      return decision === 'approve'
        ? unwrap(api.POST('/api/cases/{id}/assistance/{assistanceId}/approve', { params, body: note.trim() ? { note: note.trim() } : {} }))
        : unwrap(api.POST('/api/cases/{id}/assistance/{assistanceId}/reject', { params, body: { note: note.trim() } }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseQueryKey(detail.id, 'assistance') });
      onClose();
    },
  });
  const tooShort = decision === 'reject' && note.trim().length < 4;
  return (
    <Modal
      open
      title={t(`caseFile.assistance.${decision}`)}
      onOk={() => decide.mutate()}
      okButtonProps={{ disabled: tooShort, danger: decision === 'reject' }}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      okText={t(`caseFile.assistance.${decision}`)}
      cancelText={t('caseFile.actions.cancel')}
      destroyOnHidden
    >
      <Flex vertical gap="small">
        <label htmlFor="assistance-decision-note">{t(decision === 'approve' ? 'caseFile.assistance.approveNote' : 'caseFile.assistance.rejectNote')}</label>
        <Input.TextArea id="assistance-decision-note" rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      </Flex>
    </Modal>
  );
}

/** GET/POST /api/cases/:id/assistance: hardship assistance given and proposed; a second supervisor approves (four eyes). */
export function AssistancePanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<{ record: Assistance; decision: 'approve' | 'reject' }>();
  const records = useQuery({
    queryKey: caseQueryKey(detail.id, 'assistance'),
    queryFn: () => unwrap(api.GET('/api/cases/{id}/assistance', { params: { path: { id: detail.id } } })),
  });
  const mayPropose = user.role === 'SUPERVISOR' || (user.role === 'MEDIATOR' && detail.assignedMediator?.id === user.id);
  const approvedTotal = sumAmounts((records.data?.items ?? []).filter((record) => record.status === 'APPROVED').map((record) => record.amount));
  return (
    <Card
      size="small"
      title={t('caseFile.assistance.title')}
      extra={
        mayPropose ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="assistance-propose">
            {t('caseFile.assistance.propose')}
          </Button>
        ) : null
      }
      data-testid="assistance-panel"
    >
      {records.isPending ? <Skeleton active /> : null}
      {records.isError ? <ErrorAlert error={records.error} /> : null}
      {records.data ? (
        <Flex vertical gap="small">
          <Typography.Text type="secondary">{t('caseFile.assistance.given', { amount: approvedTotal })}</Typography.Text>
          <Table<Assistance>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={records.data.items}
            locale={{ emptyText: t('caseFile.assistance.empty') }}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'worker', title: t('caseFile.assistance.worker'), render: (_, row) => row.worker?.name ?? t('caseFile.assistance.wholeCase') },
              { key: 'kind', title: t('caseFile.assistance.kind'), render: (_, row) => t(`caseFile.assistanceKind.${row.kind}`) },
              { key: 'amount', title: t('caseFile.assistance.amount'), align: 'right', render: (_, row) => row.amount ?? t('common.none') },
              { key: 'givenOn', title: t('caseFile.assistance.givenOn'), dataIndex: 'givenOn' },
              { key: 'note', title: t('caseFile.assistance.note'), dataIndex: 'note', ellipsis: true },
              {
                key: 'status',
                title: t('caseFile.assistance.status'),
                render: (_, row) => (
                  <Flex vertical>
                    <Tag color={STATUS_COLORS[row.status]} style={{ width: 'fit-content' }}>
                      {t(`caseFile.assistanceStatus.${row.status}`)}
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.proposedBy.displayName}
                      {(row.approvedBy ?? row.rejectedBy) ? ` → ${(row.approvedBy ?? row.rejectedBy)?.displayName}` : ''}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                key: 'decide',
                render: (_, row) =>
                  user.role === 'SUPERVISOR' && row.status === 'PROPOSED' ? (
                    <Space size={4}>
                      {row.proposedBy.id === user.id ? null : (
                        <Button size="small" type="link" onClick={() => setDeciding({ record: row, decision: 'approve' })}>
                          {t('caseFile.assistance.approve')}
                        </Button>
                      )}
                      <Button size="small" type="link" danger onClick={() => setDeciding({ record: row, decision: 'reject' })}>
                        {t('caseFile.assistance.reject')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </Flex>
      ) : null}
      {proposing ? <ProposeDialog detail={detail} onClose={() => setProposing(false)} /> : null}
      {deciding ? <DecideDialog detail={detail} record={deciding.record} decision={deciding.decision} onClose={() => setDeciding(undefined)} /> : null}
    </Card>
  );
}
