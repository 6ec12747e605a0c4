import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import { IntakeForm } from './intake-form';
import type { CreateCaseBody, IntakeValues } from './intake-values';

const user = userEvent.setup({ delay: null });
// Validation of a form this size can take more than the default second on two shared cores.
configure({ asyncUtilTimeout: 5000 });

const VALID_ID = '220402199003071231';
const COURTS = [{ id: '7d1f1a54-5f0e-4c55-9a55-1f1c3bdbd0a1', name: '辽源市龙山区人民法院' }];

function renderForm(onSubmit: (body: CreateCaseBody) => Promise<unknown> = () => Promise.resolve(), defaults: Partial<IntakeValues> = {}) {
  const spy = vi.fn(onSubmit);
  render(
    <IntakeForm
      courts={COURTS}
      onSubmit={spy}
      defaults={{ receivedAt: dayjs('2026-11-30T09:30:00+08:00'), knewOrShouldHaveKnownAt: dayjs('2026-11-01'), arrearsMonths: 2, ...defaults }}
    />,
  );
  return { onSubmit: spy, submit: () => user.click(screen.getByRole('button', { name: /登\s*记/ })) };
}

const field = (label: string, row = 1) => screen.getByLabelText(`${label} 第 ${row} 行`);
// A big antd form types slowly in happy-dom: pasting fills a field in one go.
const TIMEOUT = 30_000;

async function fill(element: HTMLElement, text: string) {
  await user.click(element);
  await user.paste(text);
}

async function fillIndividual({ id = VALID_ID, phone = '13843712345' } = {}) {
  await fill(field('姓名'), '张伟');
  await fill(field('证件号码'), id);
  await fill(field('手机或电话'), phone);
  await fill(screen.getByLabelText('名称'), '辽源市某建筑劳务有限公司');
  await fill(screen.getByLabelText('金额（元）'), '18600.50');
  await fill(screen.getByLabelText('具体请求'), '拖欠 2026 年 9 月至 10 月工资');
}

describe(IntakeForm.name, { timeout: TIMEOUT }, () => {
  it('sends an individual walk-in case as the API takes it: amounts as strings, workers counted from the applicants', async () => {
    const { onSubmit, submit } = renderForm();
    await fillIndividual({ id: '11010519491231002x' });
    await submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const body = onSubmit.mock.calls[0][0];
    expect(body).toMatchObject({
      source: 'WALK_IN',
      receivedAt: dayjs('2026-11-30T09:30:00+08:00').format(),
      applicants: [{ name: '张伟', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13843712345', employmentRelation: 'CURRENT', migrantWorker: false, isRepresentative: false }],
      respondent: { name: '辽源市某建筑劳务有限公司' },
      claims: [{ type: 'WAGE_ARREARS', amount: '18600.50', description: '拖欠 2026 年 9 月至 10 月工资' }],
      workerCount: 1,
      migrantWorkers: 0,
      arrearsMonths: 2,
      knewOrShouldHaveKnownAt: '2026-11-01',
    });
    expect(body.courtOrgId).toBeUndefined();
    expect(body.courtProcedure).toBeUndefined();
    expect(screen.getByTestId('total-claimed').textContent).toContain('18600.50');
  });

  it('refuses a resident ID with a wrong check character and puts the cursor on it', async () => {
    const { onSubmit, submit } = renderForm();
    await fillIndividual({ id: '220402199003071232' });
    await submit();
    expect(await screen.findByText('身份证号码校验位不正确，请核对是否输错')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(field('证件号码')));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a phone that is neither a mobile nor a landline', async () => {
    const { onSubmit, submit } = renderForm();
    await fillIndividual({ phone: '1384371234' });
    await submit();
    expect(await screen.findByText('请输入手机号码（1 开头 11 位）或带区号的固定电话')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('does not submit on Enter in a field', async () => {
    const { onSubmit } = renderForm();
    await fillIndividual();
    await user.type(field('姓名'), '{Enter}');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the court fields only for court-referred sources', async () => {
    renderForm(undefined, { source: 'COURT_ENTRUSTED' });
    expect(screen.getByTestId('court-fields')).toBeTruthy();
    expect(screen.getByText('审理程序')).toBeTruthy();
  });

  it('puts the service’s problems on their fields, list rows and the list itself included, and lists those without a field', async () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', 'The request has 3 invalid fields.', 'req-7', [
      { field: 'applicants[0].phone', code: 'INVALID_FORMAT', message: 'applicants[0].phone is not a phone number' },
      { field: 'applicants', code: 'TOO_FEW', message: 'A collective case needs 3–5 representatives; 0 marked' },
      { field: 'relatedCaseId', code: 'INCONSISTENT', message: 'relatedCaseId must name an existing case that you can see' },
    ]);
    const { submit } = renderForm(() => Promise.reject(refusal));
    await fillIndividual();
    await submit();
    const phoneCell = field('手机或电话').closest('.ant-form-item') as HTMLElement;
    expect(await within(phoneCell).findByText('格式不正确')).toBeTruthy();
    expect(await within(screen.getByTestId('applicant-rows')).findByText('集体争议需要 3–5 名代表人')).toBeTruthy();
    const alert = await screen.findByTestId('intake-error');
    expect(alert.textContent).toContain('relatedCaseId');
    expect(alert.textContent).toContain('与其他填写内容不一致');
    expect(alert.textContent).toContain('req-7');
    await waitFor(() => expect(document.activeElement).toBe(field('手机或电话')));
  });

  describe('collective mode', () => {
    const rows = (count: number, representatives: number) =>
      Array.from({ length: count }, (_, index) => {
        const first17 = `2204021990030${String(1000 + index).slice(-4)}`;
        return [`工人${index + 1}`, withCheck(first17), `1384371${String(2000 + index)}`, '已离职', '是', index < representatives ? '是' : '否'].join('\t');
      }).join('\n');

    async function pasteWorkers(text: string) {
      await user.click(screen.getByText('集体争议（10 人以上）'));
      const area = await screen.findByLabelText('从表格粘贴');
      fireEvent.change(area, { target: { value: text } });
      await user.click(screen.getByRole('button', { name: /导入名单/ }));
    }

    it('imports a pasted worker list, counts the workers and flags the bad rows', async () => {
      renderForm();
      await pasteWorkers(`姓名\t身份证号\t电话\n${rows(11, 3)}\n坏行\t220402199003071232\t12345`);
      expect(await screen.findByTestId('applicant-row-11')).toBeTruthy();
      expect(screen.queryByTestId('applicant-row-12')).toBeNull();
      expect((screen.getByLabelText('涉及职工人数') as HTMLInputElement).value).toBe('12');
      const summary = screen.getByTestId('paste-result');
      expect(summary.textContent).toContain('已导入 12 人');
      expect(summary.textContent).toContain('第 12 行：身份证号码校验位不正确，请核对是否输错；请输入手机号码（1 开头 11 位）或带区号的固定电话');
      const badRow = screen.getByTestId('applicant-row-11');
      expect(await within(badRow).findByText('身份证号码校验位不正确，请核对是否输错')).toBeTruthy();
      expect(screen.getByTestId('representative-count').textContent).toBe('已选代表人 3 名（需 3–5 名）');
    });

    it('asks for 3 to 5 representatives', async () => {
      const { onSubmit, submit } = renderForm();
      await pasteWorkers(rows(10, 2));
      await fill(screen.getByLabelText('名称'), '辽源市某建筑劳务有限公司');
      await fill(screen.getByLabelText('金额（元）'), '186000');
      await fill(screen.getByLabelText('具体请求'), '拖欠工资');
      await submit();
      expect(await screen.findByText('集体争议需要 3–5 名代表人，目前 2 名')).toBeTruthy();
      expect(onSubmit).not.toHaveBeenCalled();
      await user.click(field('代表人', 3));
      await submit();
      await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
      const body = onSubmit.mock.calls[0][0];
      expect(body.workerCount).toBe(10);
      expect(body.applicants.filter((applicant) => applicant.isRepresentative)).toHaveLength(3);
      expect(body.migrantWorkers).toBe(10);
    });
  });
});

function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return first17 + '10X98765432'[sum % 11];
}
