import { describe, expect, it } from 'vitest';
import { pageFromSearch } from './page-params';

describe(pageFromSearch.name, () => {
  it('reads a page from 1 and a page size the list offers', () => {
    expect(pageFromSearch(new URLSearchParams('page=3&pageSize=50'), [20, 50], 20)).toEqual({ page: 3, pageSize: 50 });
  });

  it('falls back to the first page and the default size for anything else', () => {
    for (const query of ['', 'page=0&pageSize=7', 'page=1.5&pageSize=', 'page=two&pageSize=-20', 'page=-1&pageSize=20.0x']) {
      expect(pageFromSearch(new URLSearchParams(query), [20, 50], 20)).toEqual({ page: 1, pageSize: 20 });
    }
  });
});
