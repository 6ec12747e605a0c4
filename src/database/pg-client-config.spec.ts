import { dataSourceOptions } from './data-source';
import { pgClientConfigOf } from './pg-client-config';

describe(pgClientConfigOf.name, () => {
  it("connects like the pool: same server, the pool's role and connect timeout, under its own application name", () => {
    const options = dataSourceOptions({ url: 'postgres://app@db.internal:5432/tiaojie', role: 'tiaojie_app' });
    expect(pgClientConfigOf(options, 'tiaojie-audit-verification')).toEqual({
      connectionString: 'postgres://app@db.internal:5432/tiaojie',
      application_name: 'tiaojie-audit-verification',
      connectionTimeoutMillis: 5000,
      options: '-c role=tiaojie_app',
    });
  });

  it('adds no role when the pool has none', () => {
    const config = pgClientConfigOf(dataSourceOptions({ url: 'postgres://postgres@127.0.0.1:5432/postgres' }), 'x');
    expect(config).not.toHaveProperty('options');
  });

  it('refuses options that are not PostgreSQL with a url', () => {
    expect(() => pgClientConfigOf({ type: 'postgres', host: 'db' }, 'x')).toThrow('Expected PostgreSQL data source options with a url');
  });
});
