import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api/error-text';
import { showFieldErrors } from '../../api/form-errors';
import { ErrorAlert } from '../../common/error-result';
import { RESOLUTION_NOTE, type Alert } from './risk-vocabulary';

interface Props {
  readonly alert: Alert;
  readonly onResolve: (note: string) => Promise<unknown>;
  readonly onClose: () => void;
}

/** Resolving needs a note saying what was done (DOMAIN §5); it goes into the audit trail. */
export function ResolveAlertDialog({ alert, onResolve, onClose }: Props) {
  const { t } = useTranslation();
  const { describeProblem } = useErrorText();
  const [form] = Form.useForm<{ note: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async ({ note }: { note: string }) => {
    setFailure(null);
    setSubmitting(true);
    try {
      await onResolve(note.trim());
      onClose();
    } catch (error) {
      const { placed, unplaced } = showFieldErrors(form, error, describeProblem);
      if (placed === 0 || unplaced.length > 0) setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={t('risk.alerts.resolveTitle', { caseNumber: alert.caseNumber })}
      okText={t('risk.alerts.resolve')}
      cancelText={t('risk.periods.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
      data-testid="resolve-dialog"
    >
      <Typography.Paragraph>{alert.message}</Typography.Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} disabled={submitting} style={{ marginTop: 12 }}>
        <Form.Item
          name="note"
          label={t('risk.alerts.note')}
          rules={[
            { required: true, whitespace: true, message: t('risk.alerts.noteRequired') },
            {
              validator: (_, value: string | undefined) => {
                const length = (value ?? '').trim().length;
                return length === 0 || (length >= RESOLUTION_NOTE.min && length <= RESOLUTION_NOTE.max) ? Promise.resolve() : Promise.reject(new Error(t('risk.alerts.noteLength')));
              },
            },
          ]}
        >
          <Input.TextArea rows={4} autoFocus maxLength={RESOLUTION_NOTE.max} showCount placeholder={t('risk.alerts.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
