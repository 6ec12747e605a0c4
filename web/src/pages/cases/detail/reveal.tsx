import { EyeOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { fieldProblemsOf, showFieldErrors } from '../../../api/form-errors';
import { unwrap } from '../../../api/unwrap';
import { useSession } from '../../../auth/use-session';
import { caseQueryKey } from '../../../cases/events/send-case-event';
import { ErrorAlert } from '../../../common/error-result';

interface Revealed {
  readonly values: ReadonlyMap<string, string>;
  readonly remember: (field: string, value: string) => void;
}

const RevealedContext = createContext<Revealed | undefined>(undefined);

/**
 * The raw values revealed on this page. They live in React state only: leaving the page or reloading forgets them,
 * so a revealed ID number is seen for the view it was asked for (DOMAIN §1) and never cached or stored.
 */
export function RevealedValues({ children }: { children: ReactNode }) {
  const [values, setValues] = useState<ReadonlyMap<string, string>>(new Map());
  const remember = (field: string, value: string) => setValues((current) => new Map(current).set(field, value));
  return <RevealedContext.Provider value={{ values, remember }}>{children}</RevealedContext.Provider>;
}

function useRevealed(): Revealed {
  const revealed = useContext(RevealedContext);
  if (!revealed) throw new Error('MaskedValue needs RevealedValues above it');
  return revealed;
}

function RevealDialog({ caseId, field, label, onClose }: { caseId: string; field: string; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { describeProblem } = useErrorText();
  const { remember } = useRevealed();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/cases/{id}/reveal', { params: { path: { id: caseId } }, body: { field, reason } })),
    // The reveal is in the case's history now (PII_REVEALED, without the value).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId, 'history') }),
  });
  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      const answer = await reveal.mutateAsync(reason.trim());
      remember(answer.field, answer.value);
      onClose();
    } catch (error) {
      showFieldErrors(form, error, describeProblem);
    }
  };
  return (
    <Modal
      open
      title={`${t('caseFile.reveal.title')}：${label}`}
      okText={t('caseFile.reveal.submit')}
      cancelText={t('caseFile.actions.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={reveal.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={() => void submit().catch(() => undefined)} data-testid="reveal-form">
        <Form.Item
          name="reason"
          label={t('caseFile.reveal.reason')}
          extra={t('caseFile.reveal.reasonHint')}
          rules={[{ required: true, whitespace: true, min: 4, max: 500, message: t('caseFile.reveal.reasonLength') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
        {reveal.isError && fieldProblemsOf(reveal.error).length === 0 ? <ErrorAlert error={reveal.error} /> : null}
      </Form>
    </Modal>
  );
}

/**
 * A masked personal value with a "reveal" button for those who may reveal it (the case's supervisors and the linked
 * court's liaison; the assigned mediator already sees it raw, an administrator never). Revealing asks for a reason.
 */
export function MaskedValue({ caseId, field, value, label, masked }: { caseId: string; field: string; value: string | null; label: string; masked: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { values } = useRevealed();
  const [asking, setAsking] = useState(false);
  if (value === null) return <>{t('common.none')}</>;
  const raw = values.get(field);
  if (raw !== undefined) {
    return (
      <Tooltip title={t('caseFile.reveal.revealed')}>
        <Typography.Text mark data-testid={`revealed-${field}`}>
          {raw}
        </Typography.Text>
      </Tooltip>
    );
  }
  const mayReveal = masked && (user.role === 'SUPERVISOR' || user.role === 'COURT_LIAISON');
  return (
    <Space size={4}>
      <span>{value}</span>
      {mayReveal ? (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setAsking(true)} aria-label={`${t('caseFile.reveal.action')} ${label}`} data-testid={`reveal-${field}`}>
          {t('caseFile.reveal.action')}
        </Button>
      ) : null}
      {asking ? <RevealDialog caseId={caseId} field={field} label={label} onClose={() => setAsking(false)} /> : null}
    </Space>
  );
}
