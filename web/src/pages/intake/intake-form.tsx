import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useErrorText } from '../../api/error-text';
import { showFieldErrors, type FieldProblem } from '../../api/form-errors';
import { RequestId } from '../../common/request-id';
import { SubmitButton } from '../../common/submit-button';
import { ApplicantRows } from './applicant-rows';
import { isMoney, sumMoney, usccProblem } from './china-ids';
import {
  AMOUNT_REQUIRED,
  CLAIM_TYPES,
  COLLECTIVE_WORKER_COUNT,
  COURT_PROCEDURES,
  isCourtSource,
  MAX_ARREARS_MONTHS,
  newApplicant,
  phoneRule,
  RISK_FLAGS,
  SOURCES,
  toCreateCaseBody,
  type ApplicantValues,
  type ClaimValues,
  type CreateCaseBody,
  type IntakeValues,
} from './intake-values';
import { describeIntakeProblem } from './server-problems';
import { WorkerPastePanel } from './worker-paste-panel';

export interface CourtOption {
  readonly id: string;
  readonly name: string;
}

interface Props {
  /** The COURT organizations a court-referred case may come from. */
  readonly courts: readonly CourtOption[];
  readonly courtsLoading?: boolean;
  /** Sends the case; rejects with the ApiError of a refusal, whose field problems the form then shows. */
  readonly onSubmit: (body: CreateCaseBody) => Promise<unknown>;
  /** Values to start from instead of an empty walk-in case. */
  readonly defaults?: Partial<IntakeValues>;
}

const DESCRIPTION_MAX_LENGTH = 2000;
const LONG_TEXT = 200;
const SHORT_TEXT = 100;
const COURT_CASE_NUMBER = { min: 5, max: 64 };

function initialValues(): Partial<IntakeValues> {
  return {
    source: 'WALK_IN',
    receivedAt: dayjs().second(0).millisecond(0),
    mode: 'individual',
    applicants: [newApplicant()],
    respondent: {},
    claims: [{ type: 'WAGE_ARREARS' }],
    riskFlags: [],
  };
}

/**
 * Enter in a one-line field would submit a form this long half filled in; here it does nothing, and Ctrl+Enter (⌘+Enter)
 * submits from anywhere. Text areas keep their new lines; buttons, selects and date pickers their own Enter.
 */
function guardEnter(event: KeyboardEvent<HTMLFormElement>, submit: () => void) {
  if (event.key !== 'Enter') return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    submit();
    return;
  }
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio') event.preventDefault();
}

function SourceSection({ courts, courtsLoading }: Pick<Props, 'courts' | 'courtsLoading'>) {
  const { t } = useTranslation();
  const source = Form.useWatch<IntakeValues['source']>('source');
  const fromCourt = isCourtSource(source);
  const entrusted = source === 'COURT_ENTRUSTED';
  return (
    <Card title={t('intake.sections.source')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="source" label={t('intake.source')} rules={[{ required: true, message: t('intake.rules.required') }]}>
            <Select options={SOURCES.map((value) => ({ value, label: t(`caseSource.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="receivedAt" label={t(fromCourt ? 'intake.receivedAtCourt' : 'intake.receivedAt')} rules={[{ required: true, message: t('intake.rules.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {fromCourt ? (
        <Row gutter={16} data-testid="court-fields">
          <Col xs={24} md={8}>
            <Form.Item name="courtOrgId" label={t('intake.courtOrgId')} rules={[{ required: true, message: t('intake.rules.required') }]}>
              <Select loading={courtsLoading} options={courts.map((court) => ({ value: court.id, label: court.name }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="courtCaseNumber"
              label={t('intake.courtCaseNumber')}
              rules={[
                { required: entrusted, whitespace: true, message: t('intake.rules.required') },
                { min: COURT_CASE_NUMBER.min, max: COURT_CASE_NUMBER.max, message: t('intake.rules.courtCaseNumber') },
              ]}
            >
              <Input placeholder={t('intake.courtCaseNumberPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          {entrusted ? (
            <Col xs={24} md={8}>
              <Form.Item name="courtProcedure" label={t('intake.courtProcedure')} rules={[{ required: true, message: t('intake.rules.required') }]}>
                <Radio.Group options={COURT_PROCEDURES.map((value) => ({ value, label: t(`intake.procedure.${value}`) }))} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      ) : null}
    </Card>
  );
}

function ApplicantsSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IntakeValues>();
  const mode = Form.useWatch<IntakeValues['mode']>('mode');
  const applicants = Form.useWatch<ApplicantValues[] | undefined>('applicants');
  const collective = mode === 'collective';
  const listed = applicants?.length ?? 0;
  const migrants = (applicants ?? []).filter((applicant) => applicant?.migrantWorker).length;
  return (
    <Card title={t(collective ? 'intake.sections.workers' : 'intake.sections.applicants')} size="small">
      <Form.Item name="mode" label={t('intake.mode')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'individual', label: t('intake.individual') },
            { value: 'collective', label: t('intake.collective') },
          ]}
        />
      </Form.Item>
      {collective ? (
        <Flex vertical gap="middle">
          <Typography.Text type="secondary">{t('intake.collectiveHint')}</Typography.Text>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="workerCount"
                label={t('intake.workerCount')}
                dependencies={['applicants']}
                rules={[
                  { required: true, message: t('intake.rules.required') },
                  { type: 'integer', message: t('intake.rules.whole') },
                  { type: 'number', min: COLLECTIVE_WORKER_COUNT, message: t('intake.rules.workerCountCollective') },
                  { type: 'number', min: listed, message: t('intake.rules.workerCountApplicants', { count: listed }) },
                ]}
              >
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="migrantWorkers"
                label={t('intake.migrantWorkers')}
                dependencies={['applicants', 'workerCount']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value: number | null | undefined) => {
                      const max = (getFieldValue('workerCount') as number | null) ?? listed;
                      if (value !== null && value !== undefined && (value < migrants || value > max)) {
                        throw new Error(t('intake.rules.migrantWorkers', { min: migrants, max }));
                      }
                    },
                  }),
                ]}
              >
                <InputNumber min={0} precision={0} placeholder={String(migrants)} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <WorkerPastePanel form={form} />
        </Flex>
      ) : null}
      <ApplicantRows form={form} collective={collective} />
    </Card>
  );
}

function RespondentSection() {
  const { t } = useTranslation();
  const max = (length: number): Rule => ({ max: length, message: t('intake.rules.tooLong', { max: length }) });
  const field = (name: string, length: number, extra: Rule[] = []) => (
    <Form.Item name={['respondent', name]} label={t(`intake.respondent.${name}` as 'intake.respondent.name')} rules={[...extra, max(length)]}>
      <Input autoComplete="off" />
    </Form.Item>
  );
  return (
    <Card title={t('intake.sections.respondent')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {field('name', LONG_TEXT, [{ required: true, whitespace: true, message: t('intake.rules.required') }])}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['respondent', 'unifiedSocialCreditCode']}
            label={t('intake.respondent.unifiedSocialCreditCode')}
            normalize={(value: string) => value.toUpperCase()}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const code = value?.trim();
                  if (!code) return;
                  const problem = usccProblem(code);
                  if (problem) throw new Error(t(problem === 'CHECKSUM' ? 'intake.rules.usccChecksum' : 'intake.rules.uscc'));
                },
              },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {field('legalRepresentative', SHORT_TEXT)}
        </Col>
        <Col xs={24} md={8}>
          {field('contactName', SHORT_TEXT)}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['respondent', 'contactPhone']}
            label={t('intake.respondent.contactPhone')}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  if (value?.trim() && phoneRule(value)) throw new Error(t('intake.rules.phone'));
                },
              },
            ]}
          >
            <Input autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24}>{field('address', LONG_TEXT)}</Col>
        <Col xs={24} md={12}>
          {field('projectName', LONG_TEXT)}
        </Col>
        <Col xs={24} md={12}>
          {field('generalContractor', LONG_TEXT)}
        </Col>
      </Row>
    </Card>
  );
}

function ClaimRow({ index, removable, onRemove }: { index: number; removable: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const row = index + 1;
  return (
    <Row gutter={8} align="top" data-testid={`claim-row-${index}`}>
      <Col xs={24} md={5}>
        <Form.Item name={[index, 'type']} label={t('intake.claim.type')} rules={[{ required: true, message: t('intake.rules.required') }]}>
          <Select options={CLAIM_TYPES.map((value) => ({ value, label: t(`claimType.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item
          name={[index, 'amount']}
          label={t('intake.claim.amount')}
          dependencies={[['claims', index, 'type']]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const amount = value?.trim() ?? '';
                if (amount === '') {
                  if (AMOUNT_REQUIRED.includes(getFieldValue(['claims', index, 'type']))) throw new Error(t('intake.rules.amountRequired'));
                  return;
                }
                if (!isMoney(amount)) throw new Error(t('intake.rules.money'));
              },
            }),
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" style={{ textAlign: 'right' }} />
        </Form.Item>
      </Col>
      <Col xs={22} md={13}>
        <Form.Item
          name={[index, 'description']}
          label={t('intake.claim.description')}
          rules={[
            { required: true, whitespace: true, message: t('intake.rules.required') },
            { max: DESCRIPTION_MAX_LENGTH, message: t('intake.rules.tooLong', { max: DESCRIPTION_MAX_LENGTH }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
      <Col xs={2} md={1} style={{ paddingTop: 30 }}>
        {removable ? <Button type="text" icon={<DeleteOutlined />} aria-label={t('intake.claim.remove', { row })} onClick={onRemove} /> : null}
      </Col>
    </Row>
  );
}

function ClaimsSection() {
  const { t } = useTranslation();
  const claims = Form.useWatch<ClaimValues[] | undefined>('claims');
  const wageArrears = (claims ?? []).some((claim) => claim?.type === 'WAGE_ARREARS');
  const total = sumMoney((claims ?? []).map((claim) => claim?.amount?.trim()));
  return (
    <Card title={t('intake.sections.claims')} size="small">
      <Form.List name="claims">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <ClaimRow key={field.key} index={field.name} removable={fields.length > 1} onRemove={() => remove(field.name)} />
            ))}
            <Flex gap="middle" align="center" style={{ marginBottom: 16 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ type: 'OTHER' })}>
                {t('intake.addClaim')}
              </Button>
              <Typography.Text strong data-testid="total-claimed">
                {t('intake.totalClaimed', { total })}
              </Typography.Text>
            </Flex>
          </>
        )}
      </Form.List>
      <Row gutter={16}>
        {wageArrears ? (
          <Col xs={24} md={8}>
            <Form.Item
              name="arrearsMonths"
              label={t('intake.arrearsMonths')}
              rules={[
                { required: true, message: t('intake.rules.required') },
                { type: 'number', min: 0, max: MAX_ARREARS_MONTHS, message: t('intake.rules.arrearsMonths') },
              ]}
            >
              <InputNumber min={0} max={MAX_ARREARS_MONTHS} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={8}>
          <Form.Item name="knewOrShouldHaveKnownAt" label={t('intake.knewOrShouldHaveKnownAt')} rules={[{ required: true, message: t('intake.rules.required') }]}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

function RiskSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('intake.sections.risk')} size="small">
      <Form.Item name="riskFlags" label={t('intake.riskFlags')} style={{ marginBottom: 0 }}>
        <Checkbox.Group options={RISK_FLAGS.map((value) => ({ value, label: t(`intake.riskFlag.${value}`) }))} />
      </Form.Item>
    </Card>
  );
}

/** Problems the form has no field for (`applicants` as a whole, `claims`), listed above the form. */
function Refusal({ error, unplaced }: { error: unknown; unplaced: FieldProblem[] }) {
  const { t } = useTranslation();
  const { describeError } = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="intake-error"
      title={describeError(error)}
      description={
        <>
          {unplaced.length > 0 ? (
            <>
              {t('intake.unplaced')}
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {unplaced.map((problem) => (
                  <li key={`${problem.field}:${problem.code}`}>
                    <Typography.Text code>{problem.field}</Typography.Text> {describeIntakeProblem(problem, t)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <RequestId id={error instanceof ApiError ? error.requestId : undefined} />
        </>
      }
    />
  );
}

/**
 * The intake form of DOMAIN §2. The browser checks formats (ID check characters, phones, amounts, the collective
 * case's representatives) as the service does; the service's own refusal then lands on the field it names.
 */
export function IntakeForm({ courts, courtsLoading, onSubmit, defaults }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldProblem[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: IntakeValues) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await onSubmit(toCreateCaseBody(values));
    } catch (error) {
      const { placed, unplaced } = showFieldErrors(form, error, (problem) => describeIntakeProblem(problem, t));
      if (placed === 0 || unplaced.length > 0) setFailure({ error, unplaced });
      const first = placed > 0 ? form.getFieldsError().find((field) => field.errors.length > 0) : undefined;
      if (first) form.scrollToField(first.name, { block: 'center', focus: true });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<IntakeValues>
      form={form}
      name="intake"
      layout="vertical"
      initialValues={{ ...initialValues(), ...defaults }}
      onFinish={(values) => void submit(values)}
      scrollToFirstError={{ block: 'center', focus: true }}
      onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => guardEnter(event, () => form.submit())}
      aria-label={t('intake.title')}
      data-testid="intake-form"
    >
      <Flex vertical gap="middle">
        {failure ? <Refusal error={failure.error} unplaced={failure.unplaced} /> : null}
        <SourceSection courts={courts} courtsLoading={courtsLoading} />
        <ApplicantsSection />
        <RespondentSection />
        <ClaimsSection />
        <RiskSection />
        <Flex gap="middle">
          <SubmitButton submitting={submitting} size="large">
            {t('intake.submit')}
          </SubmitButton>
          <Button
            htmlType="button"
            size="large"
            onClick={() => {
              form.resetFields();
              setFailure(null);
            }}
          >
            {t('intake.reset')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

