import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';
import { ErrorAlert } from '../../common/error-result';
import { AdminFormButtons } from './admin-form-buttons';
import type { User } from './admin-queries';
import { placeServerError } from './server-errors';
import { confirmationProblem, passwordProblem, type UserFormProblem } from './user-form-rules';

interface Values {
  readonly newPassword: string;
  readonly confirmPassword: string;
}

interface Props {
  readonly user: User;
  readonly onSubmit: (newPassword: string) => Promise<unknown>;
  readonly onCancel: () => void;
}

/** A new password for someone who forgot theirs (POST /api/users/:id/password); every session of theirs ends. */
export function PasswordResetForm({ user, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { describeError, describeProblem } = useErrorText();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const rule = (check: (value: string | undefined) => UserFormProblem | undefined) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const problem = check(value);
      if (problem) throw new Error(t(`admin.users.form.${problem}`));
    },
  });
  const submit = async (values: Values) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await onSubmit(values.newPassword);
    } catch (error) {
      if (!placeServerError(form, error, { WEAK_PASSWORD: 'newPassword' }, describeProblem, describeError)) setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={submitting} aria-label={t('admin.users.resetPassword')} data-testid="password-reset-form">
      {failure ? <ErrorAlert error={failure} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="newPassword" label={t('admin.users.form.newPassword')} extra={t('admin.users.form.passwordHint')} required rules={[rule((password) => passwordProblem(password, user.username))]}>
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('admin.users.form.confirmPassword')}
        dependencies={['newPassword']}
        required
        rules={[
          { required: true, message: t('admin.users.form.confirmPasswordRequired') },
          rule((confirmation) => confirmationProblem(form.getFieldValue('newPassword') as string | undefined, confirmation)),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <AdminFormButtons submitting={submitting} onCancel={onCancel} />
    </Form>
  );
}
