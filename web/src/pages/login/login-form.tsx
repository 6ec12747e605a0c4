import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';
import { showFieldErrors } from '../../api/form-errors';
import type { Credentials } from '../../auth/sign-in';
import { ErrorAlert } from '../../common/error-result';
import { SubmitButton } from '../../common/submit-button';

export const USERNAME_MAX_LENGTH = 64;

interface Props {
  readonly onSignIn: (credentials: Credentials) => Promise<unknown>;
}

/** Username and password; Enter submits from either field. Server problems land on their field or above the form. */
export function LoginForm({ onSignIn }: Props) {
  const { t } = useTranslation();
  const { describeProblem } = useErrorText();
  const [form] = Form.useForm<Credentials>();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Credentials) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await onSignIn({ username: values.username.trim(), password: values.password });
    } catch (error) {
      const { placed, unplaced } = showFieldErrors(form, error, describeProblem);
      if (placed === 0 || unplaced.length > 0) setFailure(error);
      // The password is what was wrong, or what is being guessed: never leave it filled in.
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={submitting} aria-label={t('login.title')}>
      {failure ? <ErrorAlert error={failure} style={{ marginBottom: 16 }} testId="login-error" /> : null}
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[
          { required: true, whitespace: true, message: t('login.usernameRequired') },
          { max: USERNAME_MAX_LENGTH, message: t('login.usernameTooLong') },
        ]}
      >
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      <SubmitButton submitting={submitting} block>
        {t('login.submit')}
      </SubmitButton>
    </Form>
  );
}
