import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';
import { ErrorAlert } from '../../common/error-result';
import { AdminFormButtons } from './admin-form-buttons';
import type { Organization } from './admin-queries';
import { placeServerError } from './server-errors';
import type { OrganizationKind } from './user-form-rules';

export const CASE_NUMBER_PREFIX = /^[A-Z]{2,6}$/;
const NAME_MAX_LENGTH = 100;
const KINDS: OrganizationKind[] = ['UNION', 'COURT'];

export interface OrganizationDraft {
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly region: string;
  /** Absent: the service generates one (at creation) or keeps the current one (on edit). */
  readonly caseNumberPrefix?: string;
}

interface Props {
  readonly organization?: Organization;
  readonly onSubmit: (draft: OrganizationDraft) => Promise<unknown>;
  readonly onCancel: () => void;
}

const FIELD_OF_CODE = { CASE_NUMBER_PREFIX_TAKEN: 'caseNumberPrefix', ROLE_ORGANIZATION_MISMATCH: 'kind' } as const;

/** Creates or edits an organization: a union mediation studio or a court. */
export function OrganizationForm({ organization, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { describeError, describeProblem } = useErrorText();
  const [form] = Form.useForm<OrganizationDraft>();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: OrganizationDraft) => {
    setFailure(null);
    setSubmitting(true);
    try {
      const prefix = values.caseNumberPrefix?.trim().toUpperCase();
      await onSubmit({ name: values.name.trim(), kind: values.kind, region: values.region.trim(), caseNumberPrefix: prefix || undefined });
    } catch (error) {
      if (!placeServerError(form, error, FIELD_OF_CODE, describeProblem, describeError)) setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<OrganizationDraft>
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={submitting}
      initialValues={organization ?? { kind: 'UNION' }}
      aria-label={organization ? t('admin.organizations.edit') : t('admin.organizations.create')}
      data-testid="organization-form"
    >
      {failure ? <ErrorAlert error={failure} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="name"
        label={t('admin.organizations.form.name')}
        rules={[
          { required: true, whitespace: true, message: t('admin.organizations.form.nameRequired') },
          { max: NAME_MAX_LENGTH, message: t('admin.organizations.form.nameTooLong') },
        ]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('admin.organizations.form.kind')}
        extra={t('admin.organizations.form.kindHint')}
        rules={[{ required: true, message: t('admin.organizations.form.kindRequired') }]}
      >
        <Select options={KINDS.map((kind) => ({ value: kind, label: t(`admin.organizations.kind.${kind}`) }))} />
      </Form.Item>
      <Form.Item
        name="region"
        label={t('admin.organizations.form.region')}
        rules={[
          { required: true, whitespace: true, message: t('admin.organizations.form.regionRequired') },
          { max: NAME_MAX_LENGTH, message: t('admin.organizations.form.regionTooLong') },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="caseNumberPrefix"
        label={t('admin.organizations.form.caseNumberPrefix')}
        extra={t('admin.organizations.form.caseNumberPrefixHint')}
        normalize={(value: string) => value.toUpperCase()}
        rules={[{ pattern: CASE_NUMBER_PREFIX, message: t('admin.organizations.form.caseNumberPrefixInvalid') }]}
      >
        <Input maxLength={6} autoCapitalize="characters" spellCheck={false} style={{ width: 160 }} />
      </Form.Item>
      <AdminFormButtons submitting={submitting} onCancel={onCancel} />
    </Form>
  );
}
