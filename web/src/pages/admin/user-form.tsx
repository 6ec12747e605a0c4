import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';
import { ErrorAlert } from '../../common/error-result';
import { AdminFormButtons } from './admin-form-buttons';
import type { Organization, User } from './admin-queries';
import { placeServerError } from './server-errors';
import {
  confirmationProblem,
  displayNameProblem,
  normalizeUsername,
  organizationKindFor,
  passwordProblem,
  ROLES,
  usernameProblem,
  type Role,
  type UserFormProblem,
} from './user-form-rules';

export interface UserFormValues {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string;
  readonly password: string;
  readonly confirmPassword: string;
}

/** What a create sends (POST /api/users) or an edit changes (PATCH /api/users/:id). */
export interface UserDraft {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string;
  readonly password?: string;
}

interface Props {
  /** The user being edited; absent when creating one. */
  readonly user?: User;
  readonly organizations: readonly Organization[];
  readonly onSubmit: (draft: UserDraft) => Promise<unknown>;
  readonly onCancel: () => void;
}

const FIELD_OF_CODE = { USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password', ROLE_ORGANIZATION_MISMATCH: 'organizationId' } as const;

/** Most new accounts are mediators of the one studio: both chosen already when there is only one. */
function newUserDefaults(organizations: readonly Organization[]): Partial<UserFormValues> {
  const unions = organizations.filter((organization) => organization.kind === organizationKindFor('MEDIATOR'));
  return { role: 'MEDIATOR', organizationId: unions.length === 1 ? unions[0].id : undefined };
}

/** Creates or edits a user account. The username and password are set at creation only. */
export function UserForm({ user, organizations, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { describeError, describeProblem } = useErrorText();
  const [form] = Form.useForm<UserFormValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const role = Form.useWatch('role', form) ?? user?.role;
  const creating = user === undefined;
  const kind = organizationKindFor(role);
  const fitting = organizations.filter((organization) => organization.kind === kind);

  const rule = (check: (value: string | undefined) => UserFormProblem | undefined) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const problem = check(value);
      if (problem) throw new Error(t(`admin.users.form.${problem}`));
    },
  });

  const submit = async (values: UserFormValues) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await onSubmit({
        username: normalizeUsername(values.username ?? user?.username ?? ''),
        displayName: values.displayName.trim(),
        role: values.role,
        organizationId: values.organizationId,
        password: creating ? values.password : undefined,
      });
    } catch (error) {
      if (!placeServerError(form, error, FIELD_OF_CODE, describeProblem, describeError)) setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<UserFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={submitting}
      initialValues={user ? { displayName: user.displayName, role: user.role, organizationId: user.organizationId } : newUserDefaults(organizations)}
      onValuesChange={(changed: Partial<UserFormValues>) => {
        // A new role may not fit the chosen organization: pick the only one that fits, or ask again.
        if (changed.role === undefined) return;
        const fits = organizations.filter((organization) => organization.kind === organizationKindFor(changed.role));
        const current = form.getFieldValue('organizationId') as string | undefined;
        if (!fits.some((organization) => organization.id === current)) form.setFieldValue('organizationId', fits.length === 1 ? fits[0].id : undefined);
      }}
      aria-label={creating ? t('admin.users.create') : t('admin.users.edit')}
      data-testid="user-form"
    >
      {failure ? <ErrorAlert error={failure} style={{ marginBottom: 16 }} /> : null}
      {creating ? (
        <Form.Item name="username" label={t('admin.users.form.username')} extra={t('admin.users.form.usernameHint')} rules={[rule(usernameProblem)]} required>
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
        </Form.Item>
      ) : null}
      <Form.Item name="displayName" label={t('admin.users.form.displayName')} rules={[rule(displayNameProblem)]} required>
        <Input autoFocus={!creating} />
      </Form.Item>
      <Form.Item name="role" label={t('admin.users.form.role')} rules={[{ required: true, message: t('admin.users.form.roleRequired') }]}>
        <Select options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="organizationId"
        label={t('admin.users.form.organization')}
        extra={t('admin.users.form.organizationHint')}
        rules={[{ required: true, message: t('admin.users.form.organizationRequired') }]}
      >
        <Select options={fitting.map((organization) => ({ value: organization.id, label: organization.name }))} />
      </Form.Item>
      {creating ? (
        <>
          <Form.Item
            name="password"
            label={t('admin.users.form.password')}
            extra={t('admin.users.form.passwordHint')}
            dependencies={['username']}
            required
            rules={[rule((password) => passwordProblem(password, form.getFieldValue('username') as string | undefined))]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('admin.users.form.confirmPassword')}
            dependencies={['password']}
            required
            rules={[
              { required: true, message: t('admin.users.form.confirmPasswordRequired') },
              rule((confirmation) => confirmationProblem(form.getFieldValue('password') as string | undefined, confirmation)),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      ) : null}
      <AdminFormButtons submitting={submitting} onCancel={onCancel} />
    </Form>
  );
}
