import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe(isDatabaseUnavailable.name, () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a connection reset mid-query', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection node-postgres saw drop', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a server still recovering (57P03)', withCode('the database system is starting up', '57P03')],
    ['a backend killed by shutdown, wrapped by TypeORM (57P01)', new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01'))],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505'))],
    ['a missing relation', new QueryFailedError('SELECT', [], withCode('relation "x" does not exist', '42P01'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'Connection terminated unexpectedly'],
    ['nothing', undefined],
  ])('leaves %s to be reported as unexpected', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
