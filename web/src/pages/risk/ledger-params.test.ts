import { describe, expect, it } from 'vitest';
import { ledgerQueryFromSearch, searchFromLedgerQuery } from './ledger-params';

describe(ledgerQueryFromSearch.name, () => {
  it('reads the level and the page from the address and drops values the API would refuse', () => {
    expect(ledgerQueryFromSearch(new URLSearchParams('level=RED&page=3&pageSize=200'))).toEqual({ level: 'RED', page: 3, pageSize: 200 });
    expect(ledgerQueryFromSearch(new URLSearchParams('level=PURPLE&page=0&pageSize=7'))).toEqual({ level: undefined, page: 1, pageSize: 100 });
  });

  it('writes back only what differs from the defaults', () => {
    expect(searchFromLedgerQuery({ level: undefined, page: 1, pageSize: 100 }).toString()).toBe('');
    expect(searchFromLedgerQuery(ledgerQueryFromSearch(new URLSearchParams('pageSize=50&level=ORANGE&page=2'))).toString()).toBe('level=ORANGE&page=2&pageSize=50');
  });
});
