import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';
import { showFieldErrors } from '../../api/form-errors';
import type { Role } from '../../auth/session-store';
import { ErrorAlert } from '../../common/error-result';
import { SubmitButton } from '../../common/submit-button';
import { PERIOD_LIMITS, SENSITIVE_PERIOD_KINDS, type SensitivePeriodKind } from './risk-vocabulary';
import { endsOnProblem, EVERY_ORGANIZATION, isInside, milestoneWindow, type PeriodDraft } from './sensitive-period-rules';

interface FormValues {
  name: string;
  kind?: SensitivePeriodKind;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  leadDays: number | null;
  milestones: { on?: Dayjs | null; label?: string }[];
  verified: boolean;
  basis?: string;
  orgId?: string;
}

const DATE = 'YYYY-MM-DD';
const day = (value: Dayjs | null | undefined) => value?.format(DATE);

function valuesOf(draft: PeriodDraft | undefined): FormValues {
  if (!draft) return { name: '', leadDays: PERIOD_LIMITS.defaultLeadDays, milestones: [], verified: true, basis: '', orgId: EVERY_ORGANIZATION };
  return {
    ...draft,
    startsOn: dayjs(draft.startsOn),
    endsOn: dayjs(draft.endsOn),
    milestones: draft.milestones.map((milestone) => ({ on: dayjs(milestone.on), label: milestone.label })),
  };
}

/** Only reached once the form's rules passed, so every required value is there. A new period starts active. */
function draftOf(values: FormValues, active: boolean): PeriodDraft {
  return {
    name: values.name,
    kind: values.kind as SensitivePeriodKind,
    startsOn: day(values.startsOn) ?? '',
    endsOn: day(values.endsOn) ?? '',
    leadDays: values.leadDays ?? PERIOD_LIMITS.defaultLeadDays,
    milestones: values.milestones.map((milestone) => ({ on: day(milestone.on) ?? '', label: milestone.label ?? '' })),
    verified: values.verified,
    basis: values.basis ?? '',
    active,
    orgId: values.orgId,
  };
}

interface Props {
  /** The period being edited; a new one when absent. */
  readonly initial?: PeriodDraft;
  readonly role: Role;
  /** An ADMIN chooses the organization (or every one); a supervisor's periods are their own organization's. */
  readonly organizations?: readonly { id: string; name: string }[];
  readonly onSubmit: (draft: PeriodDraft) => Promise<unknown>;
  readonly onCancel: () => void;
}

/**
 * A sensitive period: name, kind, dates, lead days and milestones, checked here as the service checks them, and the
 * service's own field problems shown under the same fields.
 */
export function SensitivePeriodForm({ initial, role, organizations = [], onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { describeProblem } = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: FormValues) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await onSubmit(draftOf(values, initial?.active ?? true));
    } catch (error) {
      const { placed, unplaced } = showFieldErrors(form, error, describeProblem);
      if (placed === 0 || unplaced.length > 0) setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  const windowOf = () => {
    const startsOn = day(form.getFieldValue('startsOn'));
    const endsOn = day(form.getFieldValue('endsOn'));
    const leadDays = form.getFieldValue('leadDays') as number | null;
    return startsOn && endsOn && typeof leadDays === 'number' ? milestoneWindow(startsOn, endsOn, leadDays) : undefined;
  };

  return (
    <Form<FormValues>
      form={form}
      name="sensitive-period"
      layout="vertical"
      initialValues={valuesOf(initial)}
      onFinish={submit}
      disabled={submitting}
      aria-label={initial ? t('risk.periods.form.editTitle') : t('risk.periods.form.createTitle')}
      data-testid="period-form"
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form.Item
        name="name"
        label={t('risk.periods.form.name')}
        rules={[
          { required: true, whitespace: true, message: t('risk.periods.form.nameRequired') },
          { max: PERIOD_LIMITS.nameMax, message: t('risk.periods.form.nameTooLong') },
        ]}
      >
        <Input placeholder={t('risk.periods.form.namePlaceholder')} autoFocus />
      </Form.Item>
      <Form.Item name="kind" label={t('risk.periods.form.kind')} rules={[{ required: true, message: t('risk.periods.form.kindRequired') }]}>
        <Select options={SENSITIVE_PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`risk.periodKind.${kind}`) }))} />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item name="startsOn" label={t('risk.periods.form.startsOn')} rules={[{ required: true, message: t('risk.periods.form.startsOnRequired') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('risk.periods.form.endsOn')}
          dependencies={['startsOn']}
          rules={[
            { required: true, message: t('risk.periods.form.endsOnRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const problem = endsOnProblem(day(getFieldValue('startsOn') as Dayjs | null), day(value));
                return problem ? Promise.reject(new Error(t(`risk.periods.form.${problem}`))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="leadDays"
          label={t('risk.periods.form.leadDays')}
          tooltip={t('risk.periods.form.leadDaysHint')}
          rules={[{ required: true, type: 'integer', min: 0, max: PERIOD_LIMITS.leadDaysMax, message: t('risk.periods.form.leadDaysRange') }]}
        >
          <InputNumber min={0} max={PERIOD_LIMITS.leadDaysMax} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Flex>
      <Form.List
        name="milestones"
        rules={[
          {
            validator: (_, milestones: unknown[] | undefined) =>
              (milestones?.length ?? 0) > PERIOD_LIMITS.milestonesMax ? Promise.reject(new Error(t('risk.periods.form.tooManyMilestones'))) : Promise.resolve(),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('risk.periods.form.milestones')} data-testid="milestones">
            <Flex vertical gap={0}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'on']}
                    aria-label={t('risk.periods.form.milestoneOn')}
                    dependencies={[['startsOn'], ['endsOn'], ['leadDays']]}
                    rules={[
                      { required: true, message: t('risk.periods.form.milestoneOnRequired') },
                      {
                        validator: (_, value: Dayjs | null | undefined) => {
                          const window = windowOf();
                          const on = day(value);
                          if (!window || !on || isInside(on, window)) return Promise.resolve();
                          return Promise.reject(new Error(t('risk.periods.form.milestoneOutside', window)));
                        },
                      },
                    ]}
                  >
                    <DatePicker placeholder={t('risk.periods.form.milestoneOn')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={[
                      { required: true, whitespace: true, message: t('risk.periods.form.milestoneLabelRequired') },
                      { max: PERIOD_LIMITS.milestoneLabelMax, message: t('risk.periods.form.milestoneLabelTooLong') },
                    ]}
                  >
                    <Input placeholder={t('risk.periods.form.milestoneLabel')} aria-label={t('risk.periods.form.milestoneLabel')} style={{ width: 280 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('risk.periods.form.removeMilestone')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ label: '' })} disabled={fields.length >= PERIOD_LIMITS.milestonesMax} style={{ width: 'fit-content' }}>
                {t('risk.periods.form.addMilestone')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      {role === 'ADMIN' ? (
        <Form.Item name="orgId" label={t('risk.periods.form.organization')}>
          <Select
            options={[{ value: EVERY_ORGANIZATION, label: t('risk.periods.everyOrganization') }, ...organizations.map((organization) => ({ value: organization.id, label: organization.name }))]}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="verified" label={t('risk.periods.form.verified')} tooltip={t('risk.periods.form.verifiedHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="basis" label={t('risk.periods.form.basis')} rules={[{ max: PERIOD_LIMITS.basisMax, message: t('risk.periods.form.basisTooLong') }]}>
        <Input.TextArea rows={2} placeholder={t('risk.periods.form.basisPlaceholder')} />
      </Form.Item>
      <Flex justify="end" gap="small">
        <Button onClick={onCancel}>{t('risk.periods.form.cancel')}</Button>
        <SubmitButton submitting={submitting}>{t('risk.periods.form.save')}</SubmitButton>
      </Flex>
    </Form>
  );
}
