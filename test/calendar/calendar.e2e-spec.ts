import { createSignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('calendar API', () => {
  let t: TestApp;
  let auth: { authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    ({ auth } = await createSignedInUser(t));
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.request({ method: 'GET', url, headers: auth });

  it('computes a 15-day period that rolls past National Day (DOMAIN E1)', async () => {
    const res = await get('/api/calendar/compute?start=2026-09-16&days=15&kind=CALENDAR');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      start: '2026-09-16', days: 15, kind: 'CALENDAR', dueOn: '2026-10-08', verified: true, rolled: true, unrolledDueOn: '2026-10-01', basis: 'CPL Art.85',
    });
  });

  it('counts working days over a make-up Saturday (DOMAIN E3)', async () => {
    const res = await get('/api/calendar/compute?start=2026-02-13&days=3&kind=WORKING');
    expect(res.json()).toMatchObject({ dueOn: '2026-02-25', verified: true });
  });

  it('marks a period reaching into a year without data as unverified (DOMAIN E10)', async () => {
    const res = await get('/api/calendar/compute?start=2026-12-20&days=15&kind=CALENDAR');
    expect(res.json()).toMatchObject({ dueOn: '2027-01-04', verified: false });
  });

  it('rejects an impossible date, a bad kind and a fractional length field by field', async () => {
    const res = await get('/api/calendar/compute?start=2026-02-30&days=1.5&kind=MOON');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((d: { field: string }) => d.field).sort()).toEqual(['days', 'kind', 'start']);
  });

  it('rejects zero working days', async () => {
    const res = await get('/api/calendar/compute?start=2026-02-13&days=0&kind=WORKING');
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'days', code: 'OUT_OF_RANGE', message: 'days must be 1-1000 working days' }]);
  });

  it('lists a year with its holidays, make-up workdays and rest days', async () => {
    const body = (await get('/api/calendar/2026')).json();
    expect(body).toMatchObject({ year: 2026, verified: true, version: 1 });
    expect(body.holidays).toContainEqual({ from: '2026-10-01', to: '2026-10-07', name: '国庆节' });
    expect(body.makeUpWorkdays).toContain('2026-10-10');
    expect(body.restDays).toContain('2026-02-17');
    expect(body.restDays).not.toContain('2026-02-14');
  });

  it('answers a year without a notice with weekends only, unverified', async () => {
    const body = (await get('/api/calendar/2027')).json();
    expect(body).toMatchObject({ year: 2027, verified: false, holidays: [], makeUpWorkdays: [] });
    expect(body.restDays).toHaveLength(104);
  });

  it('rejects a year that is not a number', async () => {
    const res = await get('/api/calendar/next');
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ field: 'year' });
  });
});
