import type { EntityManager } from 'typeorm';
import { preparedQuery, preparedStatement } from './prepared-query';

describe('preparedQuery', () => {
  it('names each text once, the same name for the same text and another for another', () => {
    const a = preparedStatement('SELECT 1 WHERE $1::int = 1');
    expect(a).toEqual({ name: expect.stringMatching(/^tj_[0-9a-f]{24}$/), text: 'SELECT 1 WHERE $1::int = 1' });
    expect(preparedStatement('SELECT 1 WHERE $1::int = 1')).toBe(a);
    expect(preparedStatement('SELECT 2 WHERE $1::int = 1').name).not.toBe(a.name);
  });

  it('hands the manager the named statement with the parameters', async () => {
    const query = jest.fn().mockResolvedValue([{ one: 1 }]);
    const rows = await preparedQuery<{ one: number }[]>({ query } as unknown as EntityManager, 'SELECT $1::int AS one', [1]);
    expect(rows).toEqual([{ one: 1 }]);
    expect(query).toHaveBeenCalledWith(preparedStatement('SELECT $1::int AS one'), [1]);
  });
});
