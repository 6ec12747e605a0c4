import { SnakeNamingStrategy } from './naming-strategy';

describe(SnakeNamingStrategy.name, () => {
  const strategy = new SnakeNamingStrategy();

  it('maps camelCase properties to snake_case columns', () => {
    expect(strategy.columnName('caseNumberPrefix', undefined, [])).toBe('case_number_prefix');
    expect(strategy.columnName('passwordHash', undefined, [])).toBe('password_hash');
  });

  it('keeps acronyms together', () => {
    expect(strategy.columnName('requestIDValue', undefined, [])).toBe('request_id_value');
  });

  it('joins embedded prefixes', () => {
    expect(strategy.columnName('dueOn', undefined, ['deadline'])).toBe('deadline_due_on');
  });

  it('names join columns after the relation', () => {
    expect(strategy.joinColumnName('organization', 'id')).toBe('organization_id');
  });
});
