import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import { SensitivePeriodForm } from './sensitive-period-form';
import type { PeriodDraft } from './sensitive-period-rules';

const user = userEvent.setup({ delay: null });

const CONGRESS: PeriodDraft = {
  name: '市第九次党代会',
  kind: 'PARTY_CONGRESS',
  startsOn: '2026-06-08',
  endsOn: '2026-06-12',
  leadDays: 7,
  milestones: [{ on: '2026-06-08', label: '开幕' }],
  verified: true,
  basis: '',
  active: true,
  orgId: 'every',
};

function renderForm(initial?: PeriodDraft, onSubmit: (draft: PeriodDraft) => Promise<unknown> = () => Promise.resolve()) {
  const spy = vi.fn(onSubmit);
  render(<SensitivePeriodForm initial={initial} role="SUPERVISOR" onSubmit={spy} onCancel={() => undefined} />);
  return { onSubmit: spy, save: screen.getByRole('button', { name: /保\s*存/ }) };
}

async function typeDate(label: string, date: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  // Typed, then Tab to the next field; Enter would confirm the date and submit the form at once.
  await user.type(input, date);
  await user.tab();
}

// antd's date pickers render a whole calendar panel per keystroke: on the two shared cores that takes seconds.
describe(SensitivePeriodForm.name, { timeout: 30_000 }, () => {
  it('asks for the name, kind and both dates, and does not save without them', async () => {
    const { onSubmit, save } = renderForm();
    await user.click(save);
    // antd settles each field's rules on its own promise: one message shown does not mean the others are.
    expect(await screen.findByText('请填写名称')).toBeTruthy();
    expect(await screen.findByText('请选择类型')).toBeTruthy();
    expect(await screen.findByText('请选择开始日期')).toBeTruthy();
    expect(await screen.findByText('请选择结束日期')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a last day before the first', async () => {
    const { onSubmit, save } = renderForm(CONGRESS);
    await typeDate('结束日期（含）', '2026-06-01');
    await user.click(save);
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a milestone outside the lead time and the period', async () => {
    const { onSubmit, save } = renderForm({ ...CONGRESS, milestones: [{ on: '2026-05-31', label: '预备会议' }] });
    await user.click(save);
    expect(await screen.findByText('节点须在提前期开始日至结束日之间（2026-06-01 至 2026-06-12）')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a name of blanks', async () => {
    const { onSubmit, save } = renderForm(CONGRESS);
    await user.clear(screen.getByLabelText('名称'));
    await user.type(screen.getByLabelText('名称'), '   ');
    await user.click(save);
    expect(await screen.findByText('请填写名称')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('saves the period with its dates as YYYY-MM-DD and its milestones', async () => {
    const { onSubmit, save } = renderForm(CONGRESS);
    await typeDate('结束日期（含）', '2026-06-14');
    await user.click(save);
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ name: '市第九次党代会', kind: 'PARTY_CONGRESS', startsOn: '2026-06-08', endsOn: '2026-06-14', leadDays: 7, milestones: [{ on: '2026-06-08', label: '开幕' }], active: true });
  });

  it("puts the service's field problems under their fields, a milestone's included", async () => {
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'The request has 2 invalid fields.', 'req-7', [
      { field: 'endsOn', code: 'OUT_OF_RANGE', message: 'a period lasts at most 366 days' },
      { field: 'milestones[0].label', code: 'REQUIRED', message: 'label should not be empty' },
    ]);
    const { save } = renderForm(CONGRESS, () => Promise.reject(invalid));
    await user.click(save);
    expect(await screen.findByText('a period lasts at most 366 days')).toBeTruthy();
    expect(await screen.findByText('必填')).toBeTruthy();
    expect(screen.queryByText('The request has 2 invalid fields.')).toBeNull();
  });
});
