import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import { ResolveAlertDialog } from './resolve-alert-dialog';
import type { Alert } from './risk-vocabulary';

const user = userEvent.setup({ delay: null });

const ALERT = { id: 'a1', caseId: 'c1', caseNumber: 'LY-2026-000013', message: 'LY-2026-000013 风险等级红色' } as Alert;

function renderDialog(onResolve: (note: string) => Promise<unknown> = () => Promise.resolve()) {
  const resolve = vi.fn(onResolve);
  const close = vi.fn();
  render(<ResolveAlertDialog alert={ALERT} onResolve={resolve} onClose={close} />);
  return { resolve, close, note: screen.getByLabelText('处置情况'), submit: screen.getByRole('button', { name: /办\s*结/ }) };
}

describe(ResolveAlertDialog.name, { timeout: 20_000 }, () => {
  it('needs a note of at least 4 characters, blanks not counted', async () => {
    const { resolve, note, submit } = renderDialog();
    await user.click(submit);
    expect(await screen.findByText('请填写处置情况')).toBeTruthy();
    await user.type(note, '  已联系  ');
    await user.click(submit);
    expect(await screen.findByText('处置情况为 4–500 个字')).toBeTruthy();
    expect(resolve).not.toHaveBeenCalled();
  });

  it('resolves with the note trimmed and closes', async () => {
    const { resolve, close, note, submit } = renderDialog();
    await user.type(note, ' 已电话联系用人单位负责人 ');
    await user.click(submit);
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(resolve).toHaveBeenCalledWith('已电话联系用人单位负责人');
  });

  it('stays open and shows a refusal with its request id', async () => {
    const refusal = new ApiError(409, 'ALERT_ALREADY_RESOLVED', 'Alert a1 is already resolved', 'req-42');
    const { close, note, submit } = renderDialog(() => Promise.reject(refusal));
    await user.type(note, '已电话联系用人单位负责人');
    await user.click(submit);
    expect(await screen.findByText('Alert a1 is already resolved')).toBeTruthy();
    expect(screen.getByText('req-42')).toBeTruthy();
    expect(close).not.toHaveBeenCalled();
  });
});
