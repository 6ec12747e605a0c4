import { formatTable } from './output';

describe(formatTable.name, () => {
  it('right-aligns numeric columns and left-aligns text, with one rule under the header', () => {
    const table = formatTable(['scenario', 'req/s'], [['(a) transitions', 1234.5], ['(c) read', 7.25]]);
    expect(table.split('\n')).toEqual(['scenario         req/s', '---------------  -----', '(a) transitions   1235', '(c) read          7.25']);
  });
});
