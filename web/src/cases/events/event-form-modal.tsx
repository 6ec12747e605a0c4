import { Alert, App, Button, Drawer, Flex, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isVersionConflict } from '../../api/api-error';
import { useErrorText } from '../../api/error-text';
import { showFieldErrors, type FieldProblem } from '../../api/form-errors';
import { ErrorAlert } from '../../common/error-result';
import { SubmitButton } from '../../common/submit-button';
import { EVENT_FORMS } from './event-form-registry';
import type { CaseEventType, EventFormContext, FormValues } from './event-form-types';
import { newIdempotencyKey, useSendCaseEvent } from './send-case-event';

interface Props {
  readonly type: CaseEventType;
  readonly context: EventFormContext;
  readonly onClose: () => void;
  /** 412: someone else changed the case since it was loaded; the page says so and shows the new version. */
  readonly onConflict: () => void;
  /** Values to start from over the event's own defaults (a screen that knows more, such as a ruling's number). */
  readonly initialValues?: FormValues;
}

function isFormValidationError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'errorFields' in error;
}

/**
 * The form of one event, in a modal (a wide drawer for the agreement terms). It is mounted when opened, so each
 * opening starts clean with its own idempotency key. Field problems of a 400 go under their fields; other refusals
 * (403, 409, 422) are shown above the buttons with the service's words.
 */
export function EventFormModal({ type, context, onClose, onConflict, initialValues }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { describeProblem } = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [refusal, setRefusal] = useState<unknown>();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const send = useSendCaseEvent(context.detail.id);
  const spec = EVENT_FORMS[type];
  const title = t(`caseFile.event.${type}`);

  const submit = async () => {
    setRefusal(undefined);
    setUnplaced([]);
    try {
      await form.validateFields();
    } catch (error) {
      if (isFormValidationError(error)) return;
      throw error;
    }
    // Every value, also of fields a condition hides now (the form keeps them in the payload's shape).
    const payload = spec.toPayload(form.getFieldsValue(true) as FormValues, context);
    try {
      await send.mutateAsync({ caseId: context.detail.id, version: context.detail.version, type, payload, idempotencyKey });
      void message.success(t('caseFile.actions.done', { event: title }));
      onClose();
    } catch (error) {
      // A refused request was not recorded under its key: a corrected retry is a new request.
      setIdempotencyKey(newIdempotencyKey());
      if (isVersionConflict(error)) {
        onClose();
        onConflict();
        return;
      }
      const placed = showFieldErrors(form, error, describeProblem);
      setUnplaced(placed.unplaced);
      if (placed.placed === 0 && placed.unplaced.length === 0) setRefusal(error);
    }
  };

  const body: ReactNode = (
    <Form form={form} layout="vertical" initialValues={{ ...spec.initialValues?.(context), ...initialValues }} onFinish={() => void submit()} data-testid={`event-form-${type}`}>
      <spec.Fields context={context} />
      {unplaced.length > 0 ? <Alert type="error" showIcon title={unplaced.map((problem) => `${problem.field}: ${describeProblem(problem)}`).join('；')} /> : null}
      {refusal !== undefined ? <ErrorAlert error={refusal} /> : null}
    </Form>
  );
  const footer = (
    <Flex justify="flex-end" gap="small">
      <Button onClick={onClose}>{t('caseFile.actions.cancel')}</Button>
      {/* In the footer, outside the form: a plain button that submits by hand. */}
      <SubmitButton submitting={send.isPending} htmlType="button" danger={spec.danger} onClick={() => void submit()} data-testid="event-submit">
        {t('caseFile.actions.submit')}
      </SubmitButton>
    </Flex>
  );

  if (spec.wide) {
    return (
      <Drawer open title={title} size={960} onClose={onClose} footer={footer} destroyOnHidden>
        {body}
      </Drawer>
    );
  }
  return (
    <Modal open title={title} onCancel={onClose} footer={footer} destroyOnHidden>
      {body}
    </Modal>
  );
}
