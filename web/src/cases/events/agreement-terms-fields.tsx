import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Select, Statistic, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_ITEM_KINDS,
  dueOnProblem,
  instalmentAmountProblem,
  itemAmountProblem,
  MAX_INSTALMENTS,
  MAX_ITEMS,
  termsTotals,
  type TermsDraft,
  type TermsItemDraft,
} from './agreement-terms';
import type { EventFormContext } from './event-form-types';
import { dateValueProps } from './form-values';

const TERMS = 'terms';

function useRequired(): Rule {
  const { t } = useTranslation();
  return { required: true, whitespace: true, message: t('caseFile.field.required') };
}

function Items() {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <Card size="small" title={t('caseFile.terms.items')} data-testid="terms-items">
      <Form.List
        name={[TERMS, 'items']}
        rules={[{ validator: (_, items?: unknown[]) => (items && items.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('caseFile.terms.atLeastOneItem')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap="small">
            {fields.map((field, index) => (
              <Flex key={field.key} gap="small" align="start" wrap data-testid={`terms-item-${index}`}>
                <Form.Item name={[field.name, 'kind']} rules={[required]} style={{ width: 190, marginBottom: 0 }} aria-label={t('caseFile.terms.itemKind')}>
                  <Select
                    aria-label={t('caseFile.terms.itemKind')}
                    placeholder={t('caseFile.terms.itemKind')}
                    options={AGREEMENT_ITEM_KINDS.map((value) => ({ value, label: t(`caseFile.itemKind.${value}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} rules={[required, { max: 1000 }]} style={{ flex: 1, minWidth: 220, marginBottom: 0 }}>
                  <Input aria-label={t('caseFile.terms.itemDescription')} placeholder={t('caseFile.terms.itemDescription')} maxLength={1000} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  dependencies={[[TERMS, 'items', field.name, 'kind']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: () => {
                        const problem = itemAmountProblem(getFieldValue([TERMS, 'items', field.name]) as TermsItemDraft | undefined);
                        return problem ? Promise.reject(new Error(t(`caseFile.terms.${problem}`))) : Promise.resolve();
                      },
                    }),
                  ]}
                  style={{ width: 160, marginBottom: 0 }}
                >
                  <Input aria-label={t('caseFile.terms.itemAmount')} placeholder={t('caseFile.terms.itemAmount')} inputMode="decimal" />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('caseFile.terms.removeItem')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'WAGES' })} disabled={fields.length >= MAX_ITEMS} style={{ width: 'fit-content' }}>
              {t('caseFile.terms.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

function Schedule({ today }: { today: string }) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <Card size="small" title={t('caseFile.terms.schedule')} data-testid="terms-schedule">
      <Form.List
        name={[TERMS, 'schedule']}
        rules={[{ validator: (_, rows?: unknown[]) => (rows && rows.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('caseFile.terms.atLeastOneInstalment')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap="small">
            {fields.map((field, index) => (
              <Flex key={field.key} gap="small" align="start" wrap data-testid={`terms-instalment-${index}`}>
                <Typography.Text style={{ width: 72, lineHeight: '32px' }}>{t('caseFile.deadlines.instalment', { no: index + 1 })}</Typography.Text>
                <Form.Item
                  name={[field.name, 'dueOn']}
                  {...dateValueProps}
                  dependencies={index > 0 ? [[TERMS, 'schedule', index - 1, 'dueOn']] : undefined}
                  rules={[
                    required,
                    ({ getFieldValue }) => ({
                      validator: () => {
                        const problem = dueOnProblem(getFieldValue([TERMS, 'schedule']) as TermsDraft['schedule'], index, today);
                        return problem ? Promise.reject(new Error(t(`caseFile.terms.${problem}`))) : Promise.resolve();
                      },
                    }),
                  ]}
                  style={{ width: 180, marginBottom: 0 }}
                >
                  <DatePicker aria-label={t('caseFile.terms.dueOn')} placeholder={t('caseFile.terms.dueOn')} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  rules={[
                    {
                      validator: (_, value?: string) => {
                        const problem = instalmentAmountProblem(value);
                        return problem ? Promise.reject(new Error(t(`caseFile.terms.${problem}`))) : Promise.resolve();
                      },
                    },
                  ]}
                  style={{ width: 160, marginBottom: 0 }}
                >
                  <Input aria-label={t('caseFile.terms.instalmentAmount')} placeholder={t('caseFile.terms.instalmentAmount')} inputMode="decimal" />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('caseFile.terms.removeInstalment')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= MAX_INSTALMENTS} style={{ width: 'fit-content' }}>
              {t('caseFile.terms.addInstalment')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

/** The running totals, recomputed on every keystroke; the schedule's own field carries the "must add up" error. */
function Totals() {
  const { t } = useTranslation();
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) => {
        const totals = termsTotals((getFieldValue(TERMS) ?? {}) as TermsDraft);
        return (
          <Flex vertical gap="small" data-testid="terms-totals">
            <Flex gap="large" wrap>
              <Statistic title={t('caseFile.terms.agreedTotal')} value={totals.agreedTotal} data-testid="terms-agreed-total" />
              <Statistic title={t('caseFile.terms.scheduledTotal')} value={totals.scheduledTotal} data-testid="terms-scheduled-total" />
              <Statistic title={t('caseFile.terms.difference')} value={totals.difference} styles={{ content: { color: totals.balanced ? undefined : '#cf1322' } }} />
            </Flex>
            {totals.balanced ? null : <Alert type="warning" showIcon title={t('caseFile.terms.scheduleMustMatch', { total: totals.agreedTotal })} data-testid="terms-unbalanced" />}
          </Flex>
        );
      }}
    </Form.Item>
  );
}

/** A hidden field whose only job is to refuse a schedule that does not add up to the agreed total. */
function BalanceCheck() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={[TERMS, 'balance']}
      hidden
      rules={[
        ({ getFieldValue }) => ({
          validator: () => {
            const totals = termsTotals((getFieldValue(TERMS) ?? {}) as TermsDraft);
            return totals.balanced ? Promise.resolve() : Promise.reject(new Error(t('caseFile.terms.scheduleMustMatch', { total: totals.agreedTotal })));
          },
        }),
      ]}
    >
      <Input />
    </Form.Item>
  );
}

export function AgreementTermsFields({ context }: { context: EventFormContext }) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <Flex vertical gap="middle" data-testid="agreement-terms-form">
      <Form.Item name={[TERMS, 'facts']} label={t('caseFile.terms.facts')} rules={[required, { max: 10000 }]} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Form.Item name={[TERMS, 'disputedMatters']} label={t('caseFile.terms.disputedMatters')} rules={[required, { max: 10000 }]} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Items />
      <Schedule today={context.today} />
      <Totals />
      <BalanceCheck />
      <Form.Item name={[TERMS, 'defaultClause']} label={t('caseFile.terms.defaultClause')} rules={[{ max: 2000 }]} style={{ marginBottom: 0 }}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name={[TERMS, 'waiverOfOtherClaims']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('caseFile.terms.waiverOfOtherClaims')}</Checkbox>
      </Form.Item>
      {context.detail.collective ? (
        <Form.Item
          name={[TERMS, 'collectiveConsentRecorded']}
          valuePropName="checked"
          rules={[{ validator: (_, value?: boolean) => (value === true ? Promise.resolve() : Promise.reject(new Error(t('caseFile.field.required')))) }]}
          style={{ marginBottom: 0 }}
        >
          <Checkbox>{t('caseFile.terms.collectiveConsentRecorded')}</Checkbox>
        </Form.Item>
      ) : null}
    </Flex>
  );
}
