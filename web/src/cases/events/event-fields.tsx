import { useQuery } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import type { EventFormContext } from './event-form-types';
import { dateValueProps, instantValueProps } from './form-values';
import { isAmount } from './money';

// The fields of each event's form (DOMAIN §3; src/cases/dto/case-event-payloads.ts). Lengths and required marks
// mirror the payload DTOs; the rules that need the case (guards) are the service's, and its answer is shown.

export const REJECT_REASONS = ['OUT_OF_SCOPE', 'DUPLICATE', 'ALREADY_BEFORE_ARBITRATION_OR_COURT', 'INCOMPLETE', 'OTHER'] as const;
/** NO_REPLY is the timer's: a user sending it is refused (DOMAIN §3 #5). */
export const USER_REFUSAL_REASONS = ['REFUSED', 'UNREACHABLE'] as const;
export const CONSENT_CHANNELS = ['IN_PERSON', 'PHONE', 'WRITTEN', 'ONLINE'] as const;
export const SUSPEND_REASONS = ['APPRAISAL', 'FORCE_MAJEURE', 'PARTY_REQUEST', 'OTHER'] as const;
export const FAILURE_REASONS = ['PARTY_UNWILLING', 'IRRECONCILABLE', 'PARTY_UNREACHABLE', 'OTHER'] as const;
export const SIGNATURE_PARTIES = ['APPLICANT', 'RESPONDENT', 'MEDIATOR', 'ORGANIZATION'] as const;
export type SignatureParty = (typeof SIGNATURE_PARTIES)[number];
export const REFERRAL_ROUTES = ['PAYMENT_ORDER', 'ARBITRATION', 'LITIGATION', 'ENFORCEMENT'] as const;

function useRequired(): Rule {
  const { t } = useTranslation();
  return { required: true, whitespace: true, message: t('caseFile.field.required') };
}

function NoteField({ label, requiredWhen, max = 2000 }: { label?: string; requiredWhen?: (values: Record<string, unknown>) => boolean; max?: number }) {
  const { t } = useTranslation();
  const rules: Rule[] = [{ max }];
  if (requiredWhen) {
    rules.push(({ getFieldsValue }) => ({
      validator: (_, value?: string) =>
        requiredWhen(getFieldsValue(true) as Record<string, unknown>) && !value?.trim()
          ? Promise.reject(new Error(t('caseFile.field.noteRequiredForOther')))
          : Promise.resolve(),
    }));
  }
  return (
    <Form.Item name="note" label={label ?? t('caseFile.field.note')} rules={rules} dependencies={requiredWhen ? ['reason'] : undefined}>
      <Input.TextArea rows={3} maxLength={max} showCount />
    </Form.Item>
  );
}

const otherReason = (values: Record<string, unknown>) => values.reason === 'OTHER';

export function NoteOnlyFields() {
  return <NoteField />;
}

export function RejectFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="reason" label={t('caseFile.field.reason')} rules={[useRequired()]}>
        <Select options={REJECT_REASONS.map((value) => ({ value, label: t(`caseFile.rejectReason.${value}`) }))} />
      </Form.Item>
      <NoteField requiredWhen={otherReason} />
    </>
  );
}

export function AssignMediatorFields({ context }: { context: EventFormContext }) {
  const { t } = useTranslation();
  const isSupervisor = context.user.role === 'SUPERVISOR';
  // Only supervisors may list users; a mediator taking a case from the queue may assign only themself (#3).
  const mediators = useQuery({
    queryKey: ['users', 'MEDIATOR', 'active'],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { role: 'MEDIATOR', active: true } } })),
    enabled: isSupervisor,
  });
  const current = context.detail.assignedMediator?.id;
  const options = isSupervisor
    ? (mediators.data ?? []).filter((user) => user.id !== current).map((user) => ({ value: user.id, label: user.displayName }))
    : [{ value: context.user.id, label: `${context.user.displayName}（${t('caseFile.field.mediatorSelf')}）` }];
  return (
    <>
      <Form.Item name="mediatorId" label={t('caseFile.field.mediator')} rules={[useRequired()]}>
        <Select options={options} loading={isSupervisor && mediators.isPending} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('caseFile.field.reason')} rules={[{ max: 500 }]}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

export function RespondentConsentsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="consentedOn" label={t('caseFile.field.consentedOn')} rules={[useRequired()]} {...dateValueProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="channel" label={t('caseFile.field.channel')}>
        <Select allowClear options={CONSENT_CHANNELS.map((value) => ({ value, label: t(`caseFile.consentChannel.${value}`) }))} />
      </Form.Item>
    </>
  );
}

export function RespondentRefusesFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="reason" label={t('caseFile.field.reason')} rules={[useRequired()]}>
        <Select options={USER_REFUSAL_REASONS.map((value) => ({ value, label: t(`caseFile.refusalReason.${value}`) }))} />
      </Form.Item>
      <NoteField />
    </>
  );
}

export function ScheduleSessionFields() {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
      <Form.Item name="at" label={t('caseFile.field.at')} rules={[required]} {...instantValueProps}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="mode" label={t('caseFile.field.sessionMode')} rules={[required]}>
        <Radio.Group
          options={[
            { value: 'inPerson', label: t('caseFile.field.inPerson') },
            { value: 'online', label: t('caseFile.field.online') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['mode']}>
        {({ getFieldValue }) =>
          getFieldValue('mode') === 'inPerson' ? (
            <Form.Item name="location" label={t('caseFile.field.location')} rules={[required, { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}

export function RecordSessionFields({ context }: { context: EventFormContext }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const { scheduled, recorded } = context.detail.sessions as { scheduled: { id: string; at: string; location?: string; online: boolean }[]; recorded: { scheduledSessionId?: string }[] };
  const done = new Set(recorded.map((session) => session.scheduledSessionId));
  const open = scheduled.filter((session) => !done.has(session.id));
  return (
    <>
      {open.length > 0 ? (
        <Form.Item name="sessionId" label={t('caseFile.field.session')}>
          <Select
            allowClear
            options={open.map((session) => ({
              value: session.id,
              label: `${when.format(new Date(session.at))} · ${session.online ? t('caseFile.sessions.online') : (session.location ?? '')}`,
            }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="heldAt" label={t('caseFile.field.heldAt')} rules={[useRequired()]} {...instantValueProps}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="summary" label={t('caseFile.field.summary')} rules={[useRequired(), { max: 10000 }]}>
        <Input.TextArea rows={5} maxLength={10000} showCount />
      </Form.Item>
      <Form.Item name="withoutPrejudice" valuePropName="checked">
        <Checkbox>{t('caseFile.field.withoutPrejudice')}</Checkbox>
      </Form.Item>
    </>
  );
}

function ConsentCheckbox({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      valuePropName="checked"
      rules={[{ validator: (_, value?: boolean) => (value === true ? Promise.resolve() : Promise.reject(new Error(t('caseFile.field.bothMustConsent')))) }]}
    >
      <Checkbox>{label}</Checkbox>
    </Form.Item>
  );
}

export function ExtendFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="days" label={t('caseFile.field.days')} rules={[{ required: true, type: 'integer', min: 1, max: 30, message: '1–30' }]}>
        <InputNumber min={1} max={30} precision={0} />
      </Form.Item>
      <ConsentCheckbox name="applicantConsents" label={t('caseFile.field.applicantConsents')} />
      <ConsentCheckbox name="respondentConsents" label={t('caseFile.field.respondentConsents')} />
      <NoteField />
    </>
  );
}

export function SuspendFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="reason" label={t('caseFile.field.reason')} rules={[useRequired()]}>
        <Select options={SUSPEND_REASONS.map((value) => ({ value, label: t(`caseFile.suspendReason.${value}`) }))} />
      </Form.Item>
      <NoteField requiredWhen={otherReason} />
    </>
  );
}

export function MediationFailedFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="reason" label={t('caseFile.field.reason')} rules={[useRequired()]}>
        <Select options={FAILURE_REASONS.map((value) => ({ value, label: t(`caseFile.failureReason.${value}`) }))} />
      </Form.Item>
      <NoteField />
    </>
  );
}

export function DeadlineExpiredFields() {
  return null;
}

/** The parties this user may record (#14): the mediator not the seal, the supervisor not the mediator's hand. */
export function signablePartiesFor(role: string, signed: Partial<Record<SignatureParty, unknown>>): SignatureParty[] {
  const mayRecord: readonly SignatureParty[] = role === 'SUPERVISOR' ? ['APPLICANT', 'RESPONDENT', 'ORGANIZATION'] : role === 'MEDIATOR' ? ['APPLICANT', 'RESPONDENT', 'MEDIATOR'] : [];
  return mayRecord.filter((party) => signed[party] === undefined);
}

function unsignedParties(context: EventFormContext): SignatureParty[] {
  const signed = context.detail.signatures as Partial<Record<SignatureParty, unknown>>;
  return SIGNATURE_PARTIES.filter((party) => signed[party] === undefined);
}

export function SignFields({ context }: { context: EventFormContext }) {
  const { t } = useTranslation();
  const parties = signablePartiesFor(context.user.role, context.detail.signatures as Partial<Record<SignatureParty, unknown>>);
  return (
    <Form.Item name="party" label={t('caseFile.field.party')} rules={[useRequired()]}>
      <Radio.Group orientation="vertical" options={parties.map((value) => ({ value, label: t(`caseFile.party.${value}`) }))} />
    </Form.Item>
  );
}

export function RefuseToSignFields({ context }: { context: EventFormContext }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="party" label={t('caseFile.field.party')} rules={[useRequired()]}>
        <Select options={unsignedParties(context).map((value) => ({ value, label: t(`caseFile.party.${value}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('caseFile.field.reason')} rules={[useRequired(), { max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

export function WithdrawFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="by" label={t('caseFile.field.withdrawBy')}>
        <Select disabled options={[{ value: 'APPLICANT', label: t('caseFile.field.applicant') }]} />
      </Form.Item>
      <Form.Item name="reason" label={t('caseFile.field.reason')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

function useCourts() {
  return useQuery({
    queryKey: ['organizations', 'COURT'],
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { kind: 'COURT' } } })),
    staleTime: Infinity,
  });
}

function CourtField({ help }: { help?: string }) {
  const { t } = useTranslation();
  const courts = useCourts();
  return (
    <Form.Item name="courtId" label={t('caseFile.field.court')} extra={help}>
      <Select allowClear loading={courts.isPending} options={(courts.data ?? []).map((court) => ({ value: court.id, label: court.name }))} />
    </Form.Item>
  );
}

export function RequestJudicialConfirmationFields({ context }: { context: EventFormContext }) {
  const { t } = useTranslation();
  const entrusted = context.detail.source === 'COURT_ENTRUSTED';
  return (
    <>
      {entrusted ? null : (
        <Form.Item
          name="jointApplication"
          valuePropName="checked"
          rules={[{ validator: (_, value?: boolean) => (value === true ? Promise.resolve() : Promise.reject(new Error(t('caseFile.field.required')))) }]}
        >
          <Checkbox>{t('caseFile.field.jointApplication')}</Checkbox>
        </Form.Item>
      )}
      <CourtField help={context.detail.courtOrgId ? t('caseFile.field.courtDefault') : undefined} />
      <Form.Item name="appliedOn" label={t('caseFile.field.appliedOn')} {...dateValueProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

export function ConfirmJudiciallyFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="rulingNumber" label={t('caseFile.field.rulingNumber')} rules={[useRequired(), { min: 5, max: 64 }]}>
        <Input maxLength={64} placeholder="（2026）吉0402民特123号" />
      </Form.Item>
      <Form.Item name="ruledOn" label={t('caseFile.field.ruledOn')} rules={[useRequired()]} {...dateValueProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

export function RefuseConfirmationFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="reason" label={t('caseFile.field.refusalReason')} rules={[useRequired(), { max: 2000 }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="ruledOn" label={t('caseFile.field.ruledOn')} rules={[useRequired()]} {...dateValueProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

/** An antd rule for a decimal-string amount greater than zero. */
export function useAmountRule(): Rule {
  const { t } = useTranslation();
  return { validator: (_, value?: string) => (value === undefined || value === '' || isAmount(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('caseFile.terms.moneyFormat')))) };
}

export function RecordPerformanceFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="amountPaid" label={t('caseFile.field.amountPaid')} rules={[useRequired(), useAmountRule()]}>
        <Input inputMode="decimal" placeholder="6400.00" />
      </Form.Item>
      <Form.Item name="paidOn" label={t('caseFile.field.paidOn')} rules={[useRequired()]} {...dateValueProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <NoteField />
    </>
  );
}

export function PerformedInFullFields({ context }: { context: EventFormContext }) {
  const { t } = useTranslation();
  const items = (context.detail.terms as { items?: { kind: string }[] } | null)?.items ?? [];
  if (!items.some((item) => item.kind === 'NON_MONETARY')) return null;
  return (
    <Form.Item name="nonMonetaryDone" valuePropName="checked">
      <Checkbox>{t('caseFile.field.nonMonetaryDone')}</Checkbox>
    </Form.Item>
  );
}

export function ReferFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="route" label={t('caseFile.field.route')} rules={[useRequired()]}>
        <Select options={REFERRAL_ROUTES.map((value) => ({ value, label: t(`caseFile.referralRoute.${value}`) }))} />
      </Form.Item>
      <CourtField />
      <NoteField />
    </>
  );
}

