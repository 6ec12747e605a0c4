import { SqlConditions } from './sql-conditions';

describe(SqlConditions.name, () => {
  it('is no clause at all without conditions', () => {
    expect(new SqlConditions()).toMatchObject({ where: '', params: [] });
  });

  it('numbers each condition\'s parameter in the order the conditions were added, casts and all', () => {
    const conditions = new SqlConditions().add('org_id = ?', 'o1').add('chain_id = ANY(?::text[])', ['a', 'b']).add('at < ?::timestamptz', '2026-12-02');
    expect(conditions.where).toBe('WHERE org_id = $1 AND chain_id = ANY($2::text[]) AND at < $3::timestamptz');
    expect(conditions.params).toEqual(['o1', ['a', 'b'], '2026-12-02']);
  });
});
