import { describe, expect, it } from 'vitest';
import { alertQueryFromSearch, searchFromAlertQuery } from './alert-list-params';

describe(alertQueryFromSearch.name, () => {
  it('reads the filters from the address and drops values the API would refuse', () => {
    const query = alertQueryFromSearch(new URLSearchParams('level=RED&kind=NOPE&status=OPEN&escalated=true&page=0&pageSize=7'));
    expect(query).toEqual({ level: 'RED', kind: undefined, status: 'OPEN', escalated: true, page: 1, pageSize: 20 });
  });

  it('writes back only what differs from the defaults', () => {
    const query = alertQueryFromSearch(new URLSearchParams('level=ORANGE&escalated=true'));
    expect(searchFromAlertQuery(query).toString()).toBe('level=ORANGE&escalated=true');
  });
});
