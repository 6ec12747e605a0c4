import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, queryFromSearch, searchFromQuery } from './case-list-params';

describe('case list address', () => {
  it('reads every filter the API takes', () => {
    const query = queryFromSearch(new URLSearchParams('state=mediation&source=HOTLINE&riskLevel=RED&q=%20张伟%20&mine=true&open=true&sort=caseNumber&page=3&pageSize=50'));
    expect(query).toEqual({ state: 'mediation', source: 'HOTLINE', riskLevel: 'RED', q: '张伟', mine: true, open: true, sort: 'caseNumber', page: 3, pageSize: 50 });
  });

  it('drops values the API would refuse instead of asking for a 400', () => {
    const query = queryFromSearch(new URLSearchParams('state=open&source=EMAIL&riskLevel=PURPLE&q=%20&mine=yes&open=1&sort=name&page=0&pageSize=7'));
    expect(query).toEqual({ state: undefined, source: undefined, riskLevel: undefined, q: undefined, mine: undefined, open: undefined, sort: DEFAULT_SORT, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });

  it('accepts a dotted state as well as a stage', () => {
    expect(queryFromSearch(new URLSearchParams('state=agreement.judicialReview')).state).toBe('agreement.judicialReview');
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(searchFromQuery(queryFromSearch(new URLSearchParams(''))).toString()).toBe('');
    const query = queryFromSearch(new URLSearchParams('riskLevel=ORANGE&page=2'));
    const search = searchFromQuery(query);
    expect(search.toString()).toBe('riskLevel=ORANGE&page=2');
    expect(queryFromSearch(search)).toEqual(query);
  });
});
