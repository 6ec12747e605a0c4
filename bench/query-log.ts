import { Api } from './lib/api';
import { withLoggedService } from './lib/logged-service';
import { say } from './lib/output';
import { activate, createCases, seedDirectory } from './lib/seed';

/**
 * `node dist/bench/bench/query-log.js` (after `npm run bench` or `tsc -p bench/tsconfig.json`): the SQL statements that one request of each scenario sends, read from the
 * server's statement log. The round trips per request are what a loaded service pays for most, so this is where an
 * N+1 or a redundant read shows first.
 */
async function main(): Promise<void> {
  await withLoggedService('query-log', async ({ service, log, setForService }) => {
    const api = new Api(service.baseUrl);
    const directory = await seedDirectory(api, service.admin, 1, 'Q');
    const [c] = await createCases(api, directory, 1, 1);
    await activate(api, [c], 1);
    await setForService("log_statement = 'all'");
    await api.call('GET', '/api/health/ready');
    await api.call('GET', '/api/health/ready');
    const probes: [string, () => Promise<unknown>][] = [
      ['GET /api/cases/:id', () => api.expect(200, 'GET', `/api/cases/${c.id}`, { token: directory.supervisor.token })],
      ['SCHEDULE_SESSION', async () => (c.version = await api.event(c.mediator.token, c.id, c.version, { type: 'SCHEDULE_SESSION', at: new Date(Date.now() + 7 * 86400000).toISOString(), online: true }))],
      ['GET /api/audit?pageSize=50', () => api.expect(200, 'GET', '/api/audit?pageSize=50', { token: directory.supervisor.token })],
    ];
    for (const [name, probe] of probes) {
      await new Promise((r) => setTimeout(r, 300));
      log.length = 0;
      await probe();
      await new Promise((r) => setTimeout(r, 300));
      // One log entry per statement; a multi-line statement continues on lines that start with white space.
      const statements = log
        .join('')
        .split(/\n(?=\S)/)
        .filter((entry) => /LOG:\s+(statement|execute)/.test(entry) && !/pgboss/.test(entry))
        .map((entry) => entry.replace(/\s+/g, ' '));
      say(`\n== ${name}: ${statements.length} statements`);
      for (const s of statements) say(`  ${s.replace(/^.*?LOG:\s+/, '').slice(0, 220)}`);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
