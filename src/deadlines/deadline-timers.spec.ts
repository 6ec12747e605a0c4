import { expiresAt, timerKey, timersFor } from './deadline-timers';

const at = (iso: string) => new Date(iso);
const summary = (timers: { action: string; at: Date }[]) => timers.map((t) => `${t.action}@${t.at.toISOString()}`);

describe('timersFor', () => {
  it('expires a deadline due on D at 00:00 Asia/Shanghai on D+1', () => {
    expect(expiresAt('2026-10-08').toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(expiresAt('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('warns at 08:00 Asia/Shanghai three days and one day before, then expires', () => {
    const timers = timersFor({ id: 'd', kind: 'MEDIATION_PERIOD', dueOn: '2026-10-08' }, at('2026-09-16T02:00:00Z'));
    expect(summary(timers)).toEqual([
      'WARN_3@2026-10-05T00:00:00.000Z',
      'WARN_1@2026-10-07T00:00:00.000Z',
      'EXPIRE@2026-10-08T16:00:00.000Z',
    ]);
  });

  it('skips a warning whose time has passed but keeps an expiry in the past, which fires at once', () => {
    expect(summary(timersFor({ id: 'd', kind: 'PAYMENT_DUE', dueOn: '2026-10-08' }, at('2026-10-06T00:00:00Z')))).toEqual([
      'WARN_1@2026-10-07T00:00:00.000Z',
      'EXPIRE@2026-10-08T16:00:00.000Z',
    ]);
    expect(summary(timersFor({ id: 'd', kind: 'ACCEPTANCE_DECISION', dueOn: '2026-09-01' }, at('2026-09-16T02:00:00Z')))).toEqual([
      'EXPIRE@2026-09-01T16:00:00.000Z',
    ]);
  });

  it('gives the judicial-confirmation window no warnings, since letting it pass is the parties\' choice', () => {
    expect(summary(timersFor({ id: 'd', kind: 'JUDICIAL_CONFIRMATION_WINDOW', dueOn: '2026-11-30' }, at('2026-10-30T00:00:00Z')))).toEqual([
      'EXPIRE@2026-11-30T16:00:00.000Z',
    ]);
  });

  it('watches the limitation from 30 days before it runs out, even when that day has passed', () => {
    expect(summary(timersFor({ id: 'd', kind: 'ARBITRATION_LIMITATION', dueOn: '2026-10-08' }, at('2026-01-01T00:00:00Z')))).toEqual([
      'WATCH@2026-09-08T00:00:00.000Z',
      'EXPIRE@2026-10-08T16:00:00.000Z',
    ]);
    expect(summary(timersFor({ id: 'd', kind: 'ARBITRATION_LIMITATION', dueOn: '2026-10-08' }, at('2026-09-20T00:00:00Z')))).toEqual([
      'WATCH@2026-09-08T00:00:00.000Z',
      'EXPIRE@2026-10-08T16:00:00.000Z',
    ]);
  });

  it('keys a timer by deadline, action and due date, so a moved deadline gets fresh timers', () => {
    expect(timerKey('d1', 'EXPIRE', '2026-10-08')).not.toBe(timerKey('d1', 'EXPIRE', '2026-10-19'));
  });
});
