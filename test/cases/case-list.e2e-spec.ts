import { DataSource } from 'typeorm';
import { CaseQueryService } from '../../src/cases/case-query.service';
import { FixedClock } from '../../src/common/clock/clock';
import {
  applicant,
  assignMediator,
  collectiveCaseBody,
  createCase,
  individualCaseBody,
  INTAKE_NOW,
  moveToState,
  residentId,
  type CaseDetail,
} from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

interface Summary {
  id: string;
  caseNumber: string;
  state: string;
  riskLevel: string;
}

describe(CaseQueryService.name, () => {
  let t: TestApp;
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  const created: Record<string, CaseDetail> = {};
  const liId = residentId();

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date(INTAKE_NOW)) });
    const studio = await createOrganization(t, { kind: 'UNION' });
    const court = await createOrganization(t, { kind: 'COURT' });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    const person = (name: string, idNumber = residentId(), phone?: string) => [applicant({ name, idNumber, ...(phone ? { phone } : {}) })];

    // Received on successive days, so that receivedAt orders them: wang (oldest) … collective (newest).
    created.wang = await createCase(t, supervisor, individualCaseBody({ applicants: person('王小明'), receivedAt: '2026-09-12T09:00:00+08:00' }));
    created.li = await createCase(t, supervisor, individualCaseBody({ applicants: person('李秀英', liId, '13500001111'), receivedAt: '2026-09-13T09:00:00+08:00' }));
    created.hotline = await createCase(
      t,
      supervisor,
      individualCaseBody({ source: 'HOTLINE', applicants: person('赵敏'), receivedAt: '2026-09-14T09:00:00+08:00', respondent: { name: '龙山区某物业公司' } }),
    );
    created.delegated = await createCase(
      t,
      supervisor,
      individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: court.id, applicants: person('钱进'), receivedAt: '2026-09-15T09:00:00+08:00' }),
    );
    created.collective = await createCase(t, supervisor, collectiveCaseBody({ receivedAt: '2026-09-16T09:00:00+08:00' }));
    await assignMediator(t, created.li.id, mediator.user.id);
    await moveToState(t, created.li.id, 'mediation', 'active');
    await moveToState(t, created.delegated.id, 'agreement', 'signing');
    const db = t.app.get(DataSource);
    await db.query(`UPDATE cases SET risk_level = 'RED' WHERE id = $1`, [created.collective.id]);
    await db.query(`UPDATE cases SET risk_level = 'YELLOW' WHERE id = $1`, [created.hotline.id]);
  });

  afterAll(async () => {
    await t.close();
  });

  async function list(query: string, user: SignedInUser = supervisor) {
    const res = await t.request({ method: 'GET', url: `/api/cases${query}`, headers: user.auth });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Summary[]; total: number; page: number; pageSize: number };
  }

  const ids = (items: Summary[]) => items.map((item) => item.id);
  const idsOf = (...keys: string[]) => keys.map((key) => created[key].id);

  it('lists newest received first by default, 20 to a page', async () => {
    const page = await list('');

    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(ids(page.items)).toEqual(idsOf('collective', 'delegated', 'hotline', 'li', 'wang'));
  });

  it('pages with page and pageSize, and counts every match', async () => {
    const second = await list('?pageSize=2&page=2&sort=receivedAt');
    const beyond = await list('?pageSize=2&page=4');

    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(ids(second.items)).toEqual(idsOf('hotline', 'delegated'));
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('filters by an exact dotted state or by a state group', async () => {
    expect(ids((await list('?state=mediation.active')).items)).toEqual(idsOf('li'));
    expect(ids((await list('?state=agreement')).items)).toEqual(idsOf('delegated'));
    expect(ids((await list('?state=intake&sort=receivedAt')).items)).toEqual(idsOf('wang', 'hotline', 'collective'));
  });

  it('filters by source and by risk level', async () => {
    expect(ids((await list('?source=HOTLINE')).items)).toEqual(idsOf('hotline'));
    expect(ids((await list('?riskLevel=RED')).items)).toEqual(idsOf('collective'));
  });

  it('shows a mediator only their cases with mine=true', async () => {
    expect(ids((await list('?mine=true', mediator)).items)).toEqual(idsOf('li'));
  });

  it('sorts by risk level, most severe first with -riskLevel', async () => {
    const page = await list('?sort=-riskLevel');

    expect(page.items.slice(0, 2).map((item) => item.riskLevel)).toEqual(['RED', 'YELLOW']);
  });

  it('sorts by case number', async () => {
    const page = await list('?sort=caseNumber');

    expect(page.items.map((item) => item.caseNumber)).toEqual(page.items.map((item) => item.caseNumber).sort());
    expect(ids(page.items)).toEqual(idsOf('wang', 'li', 'hotline', 'delegated', 'collective'));
  });

  it('searches applicant names, the respondent name and the case number', async () => {
    expect(ids((await list(`?q=${encodeURIComponent('秀英')}`)).items)).toEqual(idsOf('li'));
    expect(ids((await list(`?q=${encodeURIComponent('物业')}`)).items)).toEqual(idsOf('hotline'));
    expect(ids((await list(`?q=${encodeURIComponent('刘强')}`)).items)).toEqual(idsOf('collective'));
    expect(ids((await list(`?q=${created.wang.caseNumber.slice(-6)}`)).items)).toEqual(idsOf('wang'));
    expect(ids((await list(`?q=${created.wang.caseNumber.toLowerCase()}`)).items)).toEqual(idsOf('wang'));
  });

  it('finds a case by a complete ID number or phone through the blind index', async () => {
    expect(ids((await list(`?q=${liId}`)).items)).toEqual(idsOf('li'));
    expect(ids((await list(`?q=${liId.toLowerCase()}`)).items)).toEqual(idsOf('li'));
    expect(ids((await list('?q=13500001111')).items)).toEqual(idsOf('li'));
    // A fragment of an ID number matches nothing: the ciphertexts cannot be searched.
    expect((await list(`?q=${liId.slice(0, 10)}`)).total).toBe(0);
  });

  it('treats % and _ in the search text literally', async () => {
    expect((await list('?q=%25')).total).toBe(0);
    expect((await list('?q=_')).total).toBe(0);
  });

  it('keeps to open or to closed cases with open=true|false, alongside the other filters', async () => {
    const rejected = await createCase(t, supervisor, individualCaseBody({ applicants: [applicant({ name: '孙立' })], receivedAt: '2026-09-11T09:00:00+08:00' }));
    await moveToState(t, rejected.id, 'closed', 'rejected');

    expect(ids((await list('?open=true&sort=receivedAt')).items)).toEqual(idsOf('wang', 'li', 'hotline', 'delegated', 'collective'));
    expect(ids((await list('?open=false')).items)).toEqual([rejected.id]);
    expect(await list('?open=true&riskLevel=RED&pageSize=1')).toMatchObject({ total: 1 });
    expect(await list('?open=false&state=intake')).toMatchObject({ total: 0 });
  });

  it.each([
    ['?open=maybe', 'open', 'INVALID_FORMAT'],
    ['?state=mediation.nowhere', 'state', 'INVALID_FORMAT'],
    ['?page=0', 'page', 'OUT_OF_RANGE'],
    ['?pageSize=101', 'pageSize', 'OUT_OF_RANGE'],
    ['?pageSize=ten', 'pageSize', 'INVALID_FORMAT'],
    ['?sort=name', 'sort', 'INVALID_FORMAT'],
    ['?riskLevel=PURPLE', 'riskLevel', 'INVALID_FORMAT'],
    ['?mine=yes', 'mine', 'INVALID_FORMAT'],
    ['?colour=red', 'colour', 'FORBIDDEN'],
  ])('answers 400 for %s', async (query, field, code) => {
    const res = await t.request({ method: 'GET', url: `/api/cases${query}`, headers: supervisor.auth });

    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field, code })]);
  });
});
