import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { App as AntdApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import type { User } from '../../auth/session-store';
import type { CaseDetail } from '../case-vocabulary';
import { EVENT_FORMS, userEvents } from './event-form-registry';
import { EventFormModal } from './event-form-modal';
import type { CaseEventType, EventFormContext, FormValues } from './event-form-types';

const user = userEvent.setup({ delay: null });
// antd's forms in happy-dom take a few seconds for a dozen fields.
const FORM_TIMEOUT = 30_000;

async function fill(input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

// Every event type of the API (CASE_EVENT_TYPES, as schema.d.ts has it): the Record stops compiling when the service
// adds or drops one, and the registry must then follow.
const API_EVENT_TYPES: Record<CaseEventType, true> = {
  ACCEPT: true,
  REJECT: true,
  ASSIGN_MEDIATOR: true,
  RESPONDENT_CONSENTS: true,
  RESPONDENT_REFUSES: true,
  SCHEDULE_SESSION: true,
  RECORD_SESSION: true,
  EXTEND: true,
  SUSPEND: true,
  RESUME: true,
  REACH_AGREEMENT: true,
  MEDIATION_FAILED: true,
  DEADLINE_EXPIRED: true,
  SIGN: true,
  REFUSE_TO_SIGN: true,
  WITHDRAW: true,
  REQUEST_JUDICIAL_CONFIRMATION: true,
  CONFIRM_JUDICIALLY: true,
  REFUSE_CONFIRMATION: true,
  RECORD_PERFORMANCE: true,
  PERFORMED_IN_FULL: true,
  REPORT_DEFAULT: true,
  REFER: true,
};

const MEDIATOR = { id: '00000000-0000-4000-8000-000000000001', username: 'wangjh', displayName: '王建华', role: 'MEDIATOR', organizationId: 'org', active: true } as unknown as User;

function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    caseNumber: 'LY-2026-000001',
    state: 'mediation.active',
    version: 7,
    source: 'WALK_IN',
    collective: false,
    courtOrgId: null,
    assignedMediator: { id: MEDIATOR.id, displayName: MEDIATOR.displayName },
    sessions: { scheduled: [], recorded: [] },
    signatures: {},
    terms: null,
    applicants: [],
    allowedEvents: [],
    ...overrides,
  } as unknown as CaseDetail;
}

function context(overrides: Partial<CaseDetail> = {}): EventFormContext {
  return { detail: caseDetail(overrides), user: MEDIATOR, today: '2026-12-01' };
}

describe('EVENT_FORMS', () => {
  it('has a form for every event type of the API, and for nothing else', () => {
    expect(Object.keys(EVENT_FORMS).sort()).toEqual(Object.keys(API_EVENT_TYPES).sort());
  });

  it('offers every event as a button except the timer-only DEADLINE_EXPIRED', () => {
    const all = Object.keys(API_EVENT_TYPES) as CaseEventType[];
    expect(all.filter((type) => EVENT_FORMS[type].systemOnly)).toEqual(['DEADLINE_EXPIRED']);
    expect(userEvents(all)).toEqual(all.filter((type) => type !== 'DEADLINE_EXPIRED'));
  });

  it.each([
    ['ACCEPT', { note: '  ' }, {}],
    ['REJECT', { reason: 'OTHER', note: ' 重复 ' }, { reason: 'OTHER', note: '重复' }],
    ['SCHEDULE_SESSION', { at: '2026-12-03T09:30:00+08:00', mode: 'online', location: '会议室' }, { at: '2026-12-03T09:30:00+08:00', online: true }],
    ['SCHEDULE_SESSION', { at: '2026-12-03T09:30:00+08:00', mode: 'inPerson', location: ' 二楼 ' }, { at: '2026-12-03T09:30:00+08:00', location: '二楼' }],
    ['RECORD_SESSION', { heldAt: '2026-12-01T09:00:00+08:00', summary: '双方陈述' }, { heldAt: '2026-12-01T09:00:00+08:00', summary: '双方陈述', withoutPrejudice: false }],
    ['EXTEND', { days: 10, applicantConsents: true }, { days: 10, applicantConsents: true, respondentConsents: false }],
    ['WITHDRAW', { reason: '' }, { by: 'APPLICANT' }],
    ['SIGN', { party: 'APPLICANT' }, { party: 'APPLICANT' }],
    ['CONFIRM_JUDICIALLY', { rulingNumber: '（2026）吉0402民特12号', ruledOn: '2026-12-01' }, { rulingNumber: '（2026）吉0402民特12号', ruledOn: '2026-12-01' }],
    ['RECORD_PERFORMANCE', { amountPaid: ' 6400.00 ', paidOn: '2026-12-01' }, { amountPaid: '6400.00', paidOn: '2026-12-01' }],
  ] as [CaseEventType, FormValues, Record<string, unknown>][])('builds the %s payload the API expects from the form values', (type, values, payload) => {
    expect(EVENT_FORMS[type].toPayload(values, context())).toEqual(payload);
  });

  it('asks an entrusted case for no joint application, any other for one', () => {
    const spec = EVENT_FORMS.REQUEST_JUDICIAL_CONFIRMATION;
    expect(spec.toPayload({ appliedOn: '2026-12-01' }, context({ source: 'COURT_ENTRUSTED' }))).toEqual({ appliedOn: '2026-12-01' });
    expect(spec.toPayload({ appliedOn: '2026-12-01' }, context())).toEqual({ appliedOn: '2026-12-01', jointApplication: false });
  });
});

function renderForm(type: CaseEventType, initialValues?: FormValues, detail: Partial<CaseDetail> = {}) {
  const onClose = vi.fn();
  const onConflict = vi.fn();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <AntdApp>
        <EventFormModal type={type} context={context(detail)} onClose={onClose} onConflict={onConflict} initialValues={initialValues} />
      </AntdApp>
    </QueryClientProvider>,
  );
  return { onClose, onConflict, form: screen.getByTestId(`event-form-${type}`), submit: screen.getByTestId('event-submit') };
}

function answer(status: number, body: unknown) {
  return Promise.resolve({ data: status < 300 ? body : undefined, error: status >= 300 ? body : undefined, response: new Response(JSON.stringify(body), { status }) }) as never;
}

const TERMS = {
  terms: {
    facts: '拖欠三个月工资',
    disputedMatters: '工资数额',
    items: [{ kind: 'WAGES', description: '工资' }, { kind: 'NON_MONETARY', description: '出具离职证明' }],
    schedule: [{ dueOn: '2026-12-10' }, { dueOn: '2027-01-10' }],
    waiverOfOtherClaims: true,
  },
};

describe('the agreement terms form', () => {
  it('keeps a running total and refuses to send a schedule that does not add up', async () => {
    const post = vi.spyOn(api, 'POST');
    const { form, submit } = renderForm('REACH_AGREEMENT', TERMS);
    const amounts = within(form).getAllByLabelText('金额（元）');
    await fill(amounts[0], '12800.50');
    await fill(amounts[2], '10000');
    await fill(amounts[3], '2800.49');
    expect(screen.getByTestId('terms-agreed-total').textContent).toContain('12,800.50');
    expect(screen.getByTestId('terms-scheduled-total').textContent).toContain('12,800.49');
    expect(screen.getByTestId('terms-unbalanced').textContent).toContain('分期合计须等于协议金额合计（12800.50 元）');
    await user.click(submit);
    await waitFor(() => expect(within(form).getAllByText('分期合计须等于协议金额合计（12800.50 元）').length).toBeGreaterThan(0));
    expect(post).not.toHaveBeenCalled();
  }, FORM_TIMEOUT);

  it('refuses an amount with three decimals and an amount on a non-monetary item', async () => {
    const post = vi.spyOn(api, 'POST');
    const { form, submit } = renderForm('REACH_AGREEMENT', TERMS);
    const amounts = within(form).getAllByLabelText('金额（元）');
    await fill(amounts[0], '100.005');
    await fill(amounts[1], '5');
    await user.click(submit);
    expect(await within(form).findByText('请输入大于 0 的金额，最多两位小数，例如 12800.00')).toBeTruthy();
    expect(await within(form).findByText('非金钱条款不填写金额')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
  }, FORM_TIMEOUT);

  it('sends balanced terms with the case version as If-Match and an idempotency key', async () => {
    const post = vi.spyOn(api, 'POST').mockReturnValue(answer(200, { version: 8 }));
    const { form, submit, onClose } = renderForm('REACH_AGREEMENT', TERMS);
    const amounts = within(form).getAllByLabelText('金额（元）');
    await fill(amounts[0], '12800.50');
    await fill(amounts[2], '10000');
    await fill(amounts[3], '2800.50');
    await user.click(submit);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [path, init] = post.mock.calls[0] as unknown as [string, { params: { header: Record<string, string> }; body: Record<string, unknown> }];
    expect(path).toBe('/api/cases/{id}/events');
    expect(init.params.header['If-Match']).toBe('"7"');
    expect(init.params.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(init.body).toEqual({
      type: 'REACH_AGREEMENT',
      terms: {
        facts: '拖欠三个月工资',
        disputedMatters: '工资数额',
        items: [{ kind: 'WAGES', description: '工资', amount: '12800.50' }, { kind: 'NON_MONETARY', description: '出具离职证明' }],
        schedule: [{ no: 1, dueOn: '2026-12-10', amount: '10000' }, { no: 2, dueOn: '2027-01-10', amount: '2800.50' }],
        waiverOfOtherClaims: true,
      },
    });
  }, FORM_TIMEOUT);

  it("puts the service's field problems under the fields they name", async () => {
    vi.spyOn(api, 'POST').mockReturnValue(
      answer(400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'bad', requestId: 'r1', details: [{ field: 'terms.schedule[1].dueOn', code: 'INVALID_FORMAT', message: 'dueOn must be a real date' }] }),
    );
    const { form, submit } = renderForm('REACH_AGREEMENT', TERMS);
    const amounts = within(form).getAllByLabelText('金额（元）');
    await fill(amounts[0], '100');
    await fill(amounts[2], '50');
    await fill(amounts[3], '50');
    await user.click(submit);
    const row = within(form).getByTestId('terms-instalment-1');
    expect(await within(row).findByText('dueOn must be a real date')).toBeTruthy();
  }, FORM_TIMEOUT);
});

describe(EventFormModal.name, () => {
  it('hands a 412 to the page, which reloads the case and says so', async () => {
    vi.spyOn(api, 'POST').mockReturnValue(answer(412, { statusCode: 412, code: 'VERSION_CONFLICT', message: 'changed', requestId: 'r2', details: { currentVersion: 8 } }));
    const { submit, onClose, onConflict } = renderForm('ACCEPT');
    await user.click(submit);
    await waitFor(() => expect(onConflict).toHaveBeenCalledTimes(1));
    expect(onClose).toHaveBeenCalled();
  });

  it("shows a refusal such as 409 with the service's own words", async () => {
    vi.spyOn(api, 'POST').mockReturnValue(
      answer(409, { statusCode: 409, code: 'INVALID_TRANSITION', message: 'ACCEPT is not possible in mediation.active', requestId: 'r3', details: { allowedEvents: [] } }),
    );
    const { form, submit, onClose } = renderForm('ACCEPT');
    await user.click(submit);
    expect(await within(form).findByText('ACCEPT is not possible in mediation.active')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks for a note when the reason is Other', async () => {
    const post = vi.spyOn(api, 'POST');
    const { form, submit } = renderForm('SUSPEND', { reason: 'OTHER' });
    fireEvent.click(submit);
    expect(await within(form).findByText('原因为“其他”时须填写备注')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
  });
});
