import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select, Typography, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { legalDateOf } from '../desk/legal-date';
import {
  duplicateOf,
  EMPLOYMENT_RELATIONS,
  ID_TYPES,
  idNumberRule,
  newApplicant,
  phoneRule,
  representativeCount,
  representativesOk,
  type ApplicantValues,
  type IntakeValues,
} from './intake-values';

const NAME_MAX_LENGTH = 100;

interface Column {
  readonly key: string;
  readonly width: number;
}

const COLUMNS: readonly Column[] = [
  { key: 'row', width: 40 },
  { key: 'name', width: 120 },
  { key: 'idType', width: 120 },
  { key: 'idNumber', width: 210 },
  { key: 'phone', width: 150 },
  { key: 'employmentRelation', width: 120 },
  { key: 'employmentEndedOn', width: 150 },
  { key: 'migrantWorker', width: 64 },
  { key: 'isRepresentative', width: 64 },
  { key: 'remove', width: 40 },
];

const cell = (width: number): CSSProperties => ({ flex: `0 0 ${width}px`, minWidth: 0 });
const item: CSSProperties = { marginBottom: 0 };

function Header({ collective }: { collective: boolean }) {
  const { t } = useTranslation();
  const labels: Record<string, ReactNode> = {
    row: '#',
    name: t('intake.applicant.name'),
    idType: t('intake.applicant.idType'),
    idNumber: t('intake.applicant.idNumber'),
    phone: t('intake.applicant.phone'),
    employmentRelation: t('intake.applicant.employmentRelation'),
    employmentEndedOn: t('intake.applicant.employmentEndedOn'),
    migrantWorker: t('intake.applicant.migrantWorker'),
    isRepresentative: t('intake.applicant.isRepresentative'),
    remove: '',
  };
  return (
    <div style={{ display: 'flex', gap: 8, fontWeight: 500, paddingBottom: 4 }} aria-hidden>
      {COLUMNS.filter((column) => collective || column.key !== 'isRepresentative').map((column) => (
        <div key={column.key} style={cell(column.width)}>
          {labels[column.key]}
        </div>
      ))}
    </div>
  );
}

interface RowProps {
  readonly form: FormInstance<IntakeValues>;
  readonly index: number;
  readonly collective: boolean;
  readonly removable: boolean;
  readonly onRemove: () => void;
}

/** One applicant on one line; every input is labelled with its column and row for screen readers. */
function ApplicantRow({ form, index, collective, removable, onRemove }: RowProps) {
  const { t } = useTranslation();
  const relation = Form.useWatch(['applicants', index, 'employmentRelation'], form);
  const row = index + 1;
  const label = (column: string) => `${t(`intake.applicant.${column}` as 'intake.applicant.name')} ${t('intake.applicant.row', { row })}`;
  const today = legalDateOf(new Date());
  const idRules: Rule[] = [
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) => {
        const problem = idNumberRule(getFieldValue(['applicants', index, 'idType']), value, today);
        if (problem) throw new Error(t(`intake.rules.${problem}`));
        const duplicate = duplicateOf(getFieldValue('applicants') as ApplicantValues[], index);
        if (duplicate !== undefined) throw new Error(t('intake.rules.duplicateId', { row: duplicate }));
      },
    }),
  ];
  const phoneRules: Rule[] = [
    {
      validator: async (_, value: string | undefined) => {
        const problem = phoneRule(value);
        if (problem) throw new Error(t(`intake.rules.${problem}`));
      },
    },
  ];
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', paddingBlock: 4 }} data-testid={`applicant-row-${index}`}>
      <div style={{ ...cell(40), paddingTop: 5 }}>
        <Typography.Text type="secondary">{row}</Typography.Text>
      </div>
      <div style={cell(120)}>
        <Form.Item
          name={[index, 'name']}
          style={item}
          rules={[
            { required: true, whitespace: true, message: t('intake.rules.required') },
            { max: NAME_MAX_LENGTH, message: t('intake.rules.tooLong', { max: NAME_MAX_LENGTH }) },
          ]}
        >
          <Input aria-label={label('name')} autoComplete="off" />
        </Form.Item>
      </div>
      <div style={cell(120)}>
        <Form.Item name={[index, 'idType']} style={item}>
          <Select aria-label={label('idType')} options={ID_TYPES.map((value) => ({ value, label: t(`intake.idType.${value}`) }))} />
        </Form.Item>
      </div>
      <div style={cell(210)}>
        <Form.Item
          name={[index, 'idNumber']}
          style={item}
          rules={idRules}
          dependencies={[['applicants', index, 'idType']]}
          normalize={(value: string) => value.toUpperCase()}
        >
          <Input aria-label={label('idNumber')} autoComplete="off" spellCheck={false} maxLength={32} />
        </Form.Item>
      </div>
      <div style={cell(150)}>
        <Form.Item name={[index, 'phone']} style={item} rules={phoneRules}>
          <Input aria-label={label('phone')} autoComplete="off" inputMode="tel" maxLength={16} />
        </Form.Item>
      </div>
      <div style={cell(120)}>
        <Form.Item name={[index, 'employmentRelation']} style={item} rules={[{ required: true, message: t('intake.rules.required') }]}>
          <Select aria-label={label('employmentRelation')} options={EMPLOYMENT_RELATIONS.map((value) => ({ value, label: t(`intake.employmentRelation.${value}`) }))} />
        </Form.Item>
      </div>
      <div style={cell(150)}>
        {relation === 'FORMER' ? (
          <Form.Item name={[index, 'employmentEndedOn']} style={item}>
            <DatePicker aria-label={label('employmentEndedOn')} disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </div>
      <div style={{ ...cell(64), paddingTop: 5 }}>
        <Form.Item name={[index, 'migrantWorker']} valuePropName="checked" style={item}>
          <Checkbox aria-label={label('migrantWorker')} />
        </Form.Item>
      </div>
      {collective ? (
        <div style={{ ...cell(64), paddingTop: 5 }}>
          <Form.Item name={[index, 'isRepresentative']} valuePropName="checked" style={item}>
            <Checkbox aria-label={label('isRepresentative')} />
          </Form.Item>
        </div>
      ) : null}
      <div style={cell(40)}>
        {removable ? <Button type="text" icon={<DeleteOutlined />} aria-label={t('intake.applicant.remove', { row })} onClick={onRemove} /> : null}
      </div>
    </div>
  );
}

/**
 * The applicants, as `applicants[i]` exactly as the API names them, so that a server problem such as
 * `applicants[3].idNumber` lands on row 4's ID cell. In a collective case the list is the worker table and 3–5 of
 * its rows are ticked as representatives.
 */
export function ApplicantRows({ form, collective }: { form: FormInstance<IntakeValues>; collective: boolean }) {
  const { t } = useTranslation();
  const applicants = Form.useWatch('applicants', form);
  const representatives = representativeCount(applicants);
  return (
    <Form.List
      name="applicants"
      rules={[
        {
          validator: async (_, list: ApplicantValues[] | undefined) => {
            if (!list || list.length === 0) throw new Error(t('intake.rules.applicantsMin'));
            const count = representativeCount(list);
            if (collective && !representativesOk(count)) throw new Error(t('intake.rules.representatives', { count }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div style={{ overflowX: 'auto' }} data-testid="applicant-rows">
          <div style={{ minWidth: 'max-content' }}>
            <Header collective={collective} />
            {fields.map((field) => (
              <ApplicantRow
                key={field.key}
                form={form}
                index={field.name}
                collective={collective}
                removable={fields.length > 1}
                onRemove={() => remove(field.name)}
              />
            ))}
          </div>
          <div style={{ display: 'flex', gap: 16, alignItems: 'center', paddingTop: 8 }}>
            <Button icon={<PlusOutlined />} onClick={() => add(newApplicant())}>
              {t(collective ? 'intake.addWorker' : 'intake.addApplicant')}
            </Button>
            {collective ? (
              <Typography.Text type={representativesOk(representatives) ? 'secondary' : 'warning'} data-testid="representative-count">
                {t('intake.representatives', { count: representatives })}
              </Typography.Text>
            ) : null}
          </div>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
