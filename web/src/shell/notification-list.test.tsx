import { QueryClient, QueryClientProvider, type UseQueryResult } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../auth/session-store';
import { NotificationList } from './notification-list';
import type { Notification } from './notifications-query';

const user = userEvent.setup({ delay: null });

const DIGEST: Notification = {
  id: '0b6f2c1e-6a53-4e4e-9f3e-2f1d7f3a9c01',
  kind: 'SCREENING_ALERTS',
  title: '风险排查新增预警 1,234 条（截至 2027-01-20）',
  body: '2027-01-20 风险排查新增预警 1,234 条：红色 3 条，黄色 1,231 条。其中新开 1,200 条，原有预警升至更高等级 34 条。涉及案件 1,234 件：LY-2027-000001 等。',
  caseId: null,
  alertId: null,
  screeningId: '5d1c3b7e-1f0a-4c2b-8e8d-3a6b9c2d1e00',
  createdAt: '2027-01-20T00:05:00.000Z',
  readAt: '2027-01-20T01:00:00.000Z',
};

function Where() {
  return <span data-testid="where">{useLocation().pathname}</span>;
}

function renderList(items: Notification[], role: Role) {
  const onOpened = vi.fn();
  const notifications = { isPending: false, isError: false, data: { items } } as UseQueryResult<{ items: Notification[] }>;
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter initialEntries={['/risk']}>
        <NotificationList notifications={notifications} markAllError={null} onOpened={onOpened} role={role} />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { onOpened };
}

describe(NotificationList.name, { timeout: 20_000 }, () => {
  it("shows a screening's digest with its title and counts, and opens the screening's ledger for a supervisor", async () => {
    const { onOpened } = renderList([DIGEST], 'SUPERVISOR');
    expect(screen.getByText('风险排查')).toBeTruthy();
    expect(screen.getByText(DIGEST.title)).toBeTruthy();
    expect(screen.getByText(DIGEST.body)).toBeTruthy();
    await user.click(screen.getByText('打开本次排查台账'));
    expect(screen.getByTestId('where').textContent).toBe(`/screenings/${DIGEST.screeningId}`);
    expect(onOpened).toHaveBeenCalled();
  });

  it('sends a mediator, who may not read the ledger, to the desk that lists their alerts', async () => {
    renderList([DIGEST], 'MEDIATOR');
    await user.click(screen.getByText('到工作页逐条处置'));
    expect(screen.getByTestId('where').textContent).toBe('/desk');
  });

  it("still opens an alert's notice at its case, with no screening words", async () => {
    const alert: Notification = { ...DIGEST, kind: 'ALERT_RAISED', title: '新预警（红色）：LY-2027-000001', body: '风险等级红色', caseId: 'c-1', alertId: 'a-1', screeningId: null };
    renderList([alert], 'SUPERVISOR');
    expect(screen.queryByText('风险排查')).toBeNull();
    await user.click(screen.getByText(alert.title));
    expect(screen.getByTestId('where').textContent).toBe('/cases/c-1');
  });
});
