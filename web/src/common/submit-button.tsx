import { LoadingOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';

type Props = Omit<ButtonProps, 'loading' | 'icon'> & {
  /** The form's own state: true from sending until the answer, refusal or not, has come back. */
  readonly submitting: boolean;
};

/**
 * The primary button of a form. Not antd's `loading`: after a refusal answered within ~20 ms, the leave animation of
 * its spinner at times never ended (in Chromium, 1–3 of 20 submits, until the next click), and the icon, named
 * "loading", stayed in a button that browser tests then no longer found as "登记". Here disabled and spinner follow
 * `submitting` and nothing else.
 */
export function SubmitButton({ submitting, type = 'primary', htmlType = 'submit', disabled, ...rest }: Props) {
  return <Button type={type} htmlType={htmlType} {...rest} disabled={submitting || disabled} icon={submitting ? <LoadingOutlined /> : undefined} />;
}
