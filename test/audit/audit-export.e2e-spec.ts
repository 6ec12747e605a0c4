import { randomUUID } from 'node:crypto';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import { AuditRecord, hashRecord } from '../../src/audit/audit-chain';
import { AuditCheckpointService } from '../../src/audit/audit-checkpoint.service';
import { AUDIT_EXPORT_BATCH_SIZE, AuditExportService } from '../../src/audit/audit-export.service';
import { AUDIT_RECORD_COLUMNS } from '../../src/audit/audit-record-columns';
import { AuditService } from '../../src/audit/audit.service';
import { AUDIT_EXPORT_CSV_COLUMNS } from '../../src/audit/dto/audit-export-file';
import { FixedClock } from '../../src/common/clock/clock';
import { canonicalJson } from '../../src/common/json/canonical-json';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import { appendRow, chainRows, countRows, seedOrganization, SeededOrganization, tamper, waitFor } from './audit-fixtures';

type Auth = { authorization: string };

interface Trailer {
  format: string;
  exportedAt: string;
  exportedBy: { userId: string; role: string };
  filters: { caseId: string | null; from: string | null; to: string | null };
  rows: number;
  heads: [string, number, string][];
  checkpoint: { cpSeq: number; at: string; hash: string } | null;
  verify: { ok: boolean; checked: number; firstBroken?: Record<string, unknown> };
  exportAudit: { seq: string; chainId: string; chainSeq: number; hash: string };
}

interface JsonLinesExport {
  lines: string[];
  records: AuditRecord[];
  trailer: Trailer;
}

interface CsvExport {
  header: string[];
  records: AuditRecord[];
  trailer: string[][];
}

/** RFC 4180, as a spreadsheet program reads it: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      line.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      lines.push([...line, cell]);
      line = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || line.length > 0) throw new Error('the CSV does not end with CRLF');
  return lines;
}

function recordFromCsv(cells: string[]): AuditRecord {
  const text = (i: number) => (cells[i] === '' ? null : cells[i]);
  const number = (i: number) => (cells[i] === '' ? null : Number(cells[i]));
  return {
    seq: cells[0],
    chainId: cells[1],
    chainSeq: Number(cells[2]),
    at: cells[3],
    actorUserId: text(4),
    actorRole: cells[5],
    orgId: text(6),
    caseId: text(7),
    category: cells[8],
    action: cells[9],
    fromState: text(10),
    toState: text(11),
    caseVersion: number(12),
    requestId: text(13),
    payload: JSON.parse(cells[14]) as unknown,
    prevHash: cells[15],
    hash: cells[16],
  };
}

describe(AuditExportService.name, () => {
  let t: TestApp;
  let admin: SignedInUser;
  const clock = new FixedClock(new Date('2026-11-25T08:00:00.123Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await createSignedInUser(t, { role: 'ADMIN' });
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  function get(auth: Auth, query: string) {
    return t.request({ method: 'GET', url: `/api/audit/export${query}`, headers: auth });
  }

  async function exportJsonLines(auth: Auth, query = ''): Promise<JsonLinesExport> {
    const res = await get(auth, `?format=jsonl${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.body.endsWith('\n')).toBe(true);
    const lines = res.body.slice(0, -1).split('\n');
    const last = JSON.parse(lines.at(-1)!) as { trailer: Trailer };
    return { lines: lines.slice(0, -1), records: lines.slice(0, -1).map((line) => JSON.parse(line) as AuditRecord), trailer: last.trailer };
  }

  async function exportCsv(auth: Auth, query = ''): Promise<CsvExport> {
    const res = await get(auth, query);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rest] = parseCsv(res.body.replace(/^\uFEFF/, ''));
    const firstTrailer = rest.findIndex((cells) => cells[0].startsWith('#'));
    return { header, records: rest.slice(0, firstTrailer).map(recordFromCsv), trailer: rest.slice(firstTrailer) };
  }

  /** What the export should contain: the stored rows of an organization, oldest first, read before it runs. */
  async function storedRows(where: string, params: unknown[]): Promise<AuditRecord[]> {
    return (await t.app.get(DataSource).query(`SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries WHERE ${where} ORDER BY audit_entries.seq`, params)) as AuditRecord[];
  }

  async function headsOf(chainIds: string[]): Promise<[string, number, string][]> {
    const rows = (await t.app.get(DataSource).query(
      'SELECT chain_id, last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = ANY($1::text[]) ORDER BY chain_id COLLATE "C"',
      [chainIds],
    )) as { chain_id: string; last_chain_seq: number; last_hash: string }[];
    return rows.map((row) => [row.chain_id, row.last_chain_seq, row.last_hash]);
  }

  function chainsOf(seeded: SeededOrganization): string[] {
    return [...seeded.caseIds.map((id) => `case:${id}`), `org:${seeded.org.id}`];
  }

  /** Records the row counts of every FETCH on the export's cursor. */
  function watchExportCursor(): number[] {
    const fetched: number[] = [];
    const dataSource = t.app.get(DataSource);
    const create = dataSource.createQueryRunner.bind(dataSource);
    jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((...args: Parameters<DataSource['createQueryRunner']>) => {
      const runner = create(...args);
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      runner.query = (async (sql: string, ...rest: unknown[]) => {
        const result = await query(sql, ...rest);
        if (/^FETCH \d+ FROM audit_export$/.test(sql)) fetched.push((result as unknown[]).length);
        return result;
      }) as QueryRunner['query'];
      return runner;
    });
    return fetched;
  }

  describe('JSON Lines', () => {
    it('writes every row of the supervisor\'s organization, oldest first, each line the canonical JSON that was hashed', async () => {
      const seeded = await seedOrganization(t, { cases: 2, rowsPerCase: 3 });
      const expected = await storedRows('org_id = $1', [seeded.org.id]);
      const { lines, records, trailer } = await exportJsonLines(seeded.supervisor.auth);
      expect(records).toEqual(expected);
      expect(records.map((row) => row.seq)).toEqual(expected.map((row) => row.seq));
      for (const [index, record] of records.entries()) {
        expect(lines[index]).toBe(canonicalJson(record));
        const { hash, ...hashed } = record;
        expect(hashRecord(hashed)).toBe(hash);
      }
      expect(trailer).toMatchObject({ format: 'tiaojie-audit-export/1', rows: 7, filters: { caseId: null, from: null, to: null } });
    });

    it('ends with a trailer: the heads of the chains in scope, the latest checkpoint and verify ok for the same scope', async () => {
      const seeded = await seedOrganization(t, { cases: 2, rowsPerCase: 2 });
      const checkpoint = await t.app.get(AuditCheckpointService).createCheckpoint(t.app.get(DataSource).manager);
      const heads = await headsOf(chainsOf(seeded));
      const { trailer } = await exportJsonLines(seeded.supervisor.auth);
      expect(trailer.heads).toEqual(heads);
      expect(trailer.checkpoint).toEqual({ cpSeq: checkpoint!.cpSeq, at: checkpoint!.at, hash: checkpoint!.hash });
      expect(trailer.verify).toEqual({ ok: true, checked: 5 });
      expect(trailer.exportedBy).toEqual({ userId: seeded.supervisor.user.id, role: 'SUPERVISOR' });
    });

    it('reports ok:false with the first break after the trail was tampered with, and exports the altered row as stored', async () => {
      const seeded = await seedOrganization(t, { cases: 2, rowsPerCase: 3 });
      const target = (await chainRows(t, `case:${seeded.caseIds[1]}`))[1];
      await tamper(t, (tx) => tx.query(`UPDATE audit_entries SET payload = '{"position": 99}' WHERE seq = $1`, [target.seq]));
      const { records, trailer } = await exportJsonLines(seeded.supervisor.auth);
      expect(trailer.verify).toEqual({
        ok: false,
        checked: 7,
        firstBroken: { seq: target.seq, chainId: `case:${seeded.caseIds[1]}`, chainSeq: 2, caseId: seeded.caseIds[1], kind: 'ALTERED' },
      });
      const altered = records.find((row) => row.seq === target.seq)!;
      expect(altered.payload).toEqual({ position: 99 });
      expect(hashRecord(altered)).not.toBe(altered.hash);
    });
  });

  describe('CSV', () => {
    it('starts with a BOM and the fixed columns, and holds the same rows with the same hashes', async () => {
      const seeded = await seedOrganization(t, { cases: 2, rowsPerCase: 2 });
      await appendRow(t, { orgId: seeded.org.id, caseId: seeded.caseIds[0], payload: { note: '调解员备注：双方同意, 分两期 "支付"\n第二行' } });
      const expected = await storedRows('org_id = $1', [seeded.org.id]);
      const { header, records } = await exportCsv(seeded.supervisor.auth);
      expect(header).toEqual([...AUDIT_EXPORT_CSV_COLUMNS]);
      expect(header).toEqual(['seq', 'chainId', 'chainSeq', 'at', 'actorUserId', 'actorRole', 'orgId', 'caseId', 'category', 'action',
        'fromState', 'toState', 'caseVersion', 'requestId', 'payload', 'prevHash', 'hash']);
      expect(records).toEqual(expected);
      for (const record of records) expect(hashRecord(record)).toBe(record.hash);
    });

    it('ends with #-lines: rows, a head per chain, the checkpoint, the verify result, the export\'s own audit row and #END', async () => {
      const seeded = await seedOrganization(t, { cases: 1, rowsPerCase: 2 });
      const target = (await chainRows(t, `case:${seeded.caseIds[0]}`))[0];
      await tamper(t, (tx) => tx.query(`UPDATE audit_entries SET action = 'FORGED' WHERE seq = $1`, [target.seq]));
      const heads = await headsOf(chainsOf(seeded));
      const latest = await t.app.get(DataSource).query('SELECT max(cp_seq)::int AS n FROM audit_checkpoints');
      const { trailer } = await exportCsv(seeded.supervisor.auth);
      const exported = (await chainRows(t, `org:${seeded.org.id}`)).at(-1)!;
      expect(trailer.map((cells) => cells[0])).toEqual([
        '#TRAILER', '#EXPORTED', '#FILTERS', '#ROWS', '#CHAIN_HEAD', '#CHAIN_HEAD', '#CHECKPOINT', '#VERIFY', '#VERIFY_FIRST_BROKEN', '#EXPORT_AUDIT', '#END',
      ]);
      expect(trailer[0]).toEqual(['#TRAILER', 'tiaojie-audit-export/1']);
      expect(trailer[1]).toEqual(['#EXPORTED', exported.at, seeded.supervisor.user.id, 'SUPERVISOR']);
      expect(trailer[2]).toEqual(['#FILTERS', '', '', '']);
      expect(trailer[3]).toEqual(['#ROWS', '3']);
      expect(trailer.slice(4, 6)).toEqual(heads.map(([chainId, chainSeq, hash]) => ['#CHAIN_HEAD', chainId, String(chainSeq), hash]));
      expect(trailer[6][0]).toBe('#CHECKPOINT');
      expect(trailer[6][1]).toBe(latest[0].n === null ? 'none' : String(latest[0].n));
      expect(trailer[7]).toEqual(['#VERIFY', 'false', '3']);
      expect(trailer[8]).toEqual(['#VERIFY_FIRST_BROKEN', target.seq, `case:${seeded.caseIds[0]}`, '1', seeded.caseIds[0], 'ALTERED']);
      expect(trailer[9]).toEqual(['#EXPORT_AUDIT', exported.seq, exported.chainId, String(exported.chainSeq), exported.hash]);
      expect(trailer[10]).toEqual(['#END']);
    });
  });

  it('writes only masked personal data, exactly as it was stored', async () => {
    const seeded = await seedOrganization(t, { cases: 1, rowsPerCase: 1 });
    await appendRow(t, {
      orgId: seeded.org.id,
      caseId: seeded.caseIds[0],
      action: 'PII_REVEALED',
      category: 'ACCESS',
      payload: { field: 'applicants[0].idNumber', idNumber: '220402199003071231', phone: '13812345678', reason: '核对身份 13843712345' },
    });
    for (const format of ['csv', 'jsonl']) {
      const res = await get(seeded.supervisor.auth, `?format=${format}`);
      expect(res.body).toContain('2204**********1231');
      expect(res.body).toContain('138****5678');
      expect(res.body).toContain('138****2345');
      expect(res.body).not.toMatch(/220402199003071231|13812345678|13843712345/);
    }
  });

  describe('scope', () => {
    it('gives a supervisor only their organization\'s rows and chains, and nothing of another\'s case even by its id', async () => {
      const mine = await seedOrganization(t, { cases: 1, rowsPerCase: 2 });
      const theirs = await seedOrganization(t, { cases: 1, rowsPerCase: 2 });
      const { records, trailer } = await exportJsonLines(mine.supervisor.auth);
      expect(records.length).toBe(3);
      expect(records.every((row) => row.orgId === mine.org.id)).toBe(true);
      expect(trailer.heads.map(([chainId]) => chainId).sort()).toEqual(chainsOf(mine).sort());

      const probe = await exportJsonLines(mine.supervisor.auth, `&caseId=${theirs.caseIds[0]}`);
      expect(probe.records).toEqual([]);
      expect(probe.trailer).toMatchObject({ rows: 0, heads: [], verify: { ok: true, checked: 0 } });
    });

    it('narrows to one case: its rows, its chain\'s head, its chain verified', async () => {
      const seeded = await seedOrganization(t, { cases: 2, rowsPerCase: 3 });
      const caseId = seeded.caseIds[1];
      const { records, trailer } = await exportJsonLines(seeded.supervisor.auth, `&caseId=${caseId.toUpperCase()}`);
      expect(records).toEqual(await chainRows(t, `case:${caseId}`));
      expect(trailer).toMatchObject({ rows: 3, heads: await headsOf([`case:${caseId}`]), verify: { ok: true, checked: 3 }, filters: { caseId } });
    });

    it('filters by time, from inclusive and to exclusive, while the heads and verification still cover whole chains', async () => {
      const org = await createOrganization(t, { kind: 'UNION' });
      const supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: org.id });
      const caseId = randomUUID();
      for (const hour of ['01', '02', '03', '04']) {
        clock.set(`2026-11-26T${hour}:00:00.000Z`);
        await appendRow(t, { orgId: org.id, caseId, payload: { hour } });
      }
      clock.set('2026-11-25T08:00:00.123Z');
      const { records, trailer } = await exportJsonLines(supervisor.auth, '&from=2026-11-26T10:00:00%2B08:00&to=2026-11-26T04:00:00Z');
      expect(records.map((row) => row.payload)).toEqual([{ hour: '02' }, { hour: '03' }]);
      expect(trailer.filters).toEqual({ caseId: null, from: '2026-11-26T10:00:00+08:00', to: '2026-11-26T04:00:00Z' });
      expect(trailer.verify).toEqual({ ok: true, checked: 4 });
      expect(trailer.heads).toEqual(await headsOf([`case:${caseId}`]));
    });

    it('gives an ADMIN every row of every organization and the system chain', async () => {
      await seedOrganization(t, { cases: 1, rowsPerCase: 1 });
      await appendRow(t, { orgId: null, category: 'SYSTEM', action: 'DEMO_DATA_LOADED' });
      const expected = await storedRows('TRUE', []);
      const { records, trailer } = await exportJsonLines(admin.auth);
      expect(records).toEqual(expected);
      expect(trailer.heads.some(([chainId]) => chainId === 'system')).toBe(true);
      expect(trailer.verify.checked).toBe(expected.length);
    });

    it.each(['MEDIATOR', 'COURT_LIAISON'] as const)('answers 403 to a %s', async (role) => {
      const user = await createSignedInUser(t, { role });
      const res = await get(user.auth, '');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    });
  });

  describe('its own audit row', () => {
    it('writes exactly one AUDIT_EXPORTED row with the filters and row count, after the rows, in the exporter\'s chain', async () => {
      const seeded = await seedOrganization(t, { cases: 1, rowsPerCase: 2 });
      const before = await countRows(t, "action = 'AUDIT_EXPORTED'");
      const res = await get({ ...seeded.supervisor.auth, 'x-request-id': 'export-desk-1' } as Auth, `?format=jsonl&caseId=${seeded.caseIds[0]}`);
      expect(res.statusCode).toBe(200);
      expect(await countRows(t, "action = 'AUDIT_EXPORTED'")).toBe(before + 1);
      const [row] = await storedRows("action = 'AUDIT_EXPORTED' AND org_id = $1", [seeded.org.id]);
      expect(row).toMatchObject({
        chainId: `org:${seeded.org.id}`,
        caseId: null,
        category: 'SYSTEM',
        actorUserId: seeded.supervisor.user.id,
        actorRole: 'SUPERVISOR',
        requestId: 'export-desk-1',
        payload: { format: 'jsonl', filters: { caseId: seeded.caseIds[0], from: null, to: null }, rows: 2, verified: { ok: true, checked: 2 } },
      });
      const trailer = (JSON.parse(res.body.trimEnd().split('\n').at(-1)!) as { trailer: Trailer }).trailer;
      expect(trailer.exportAudit).toEqual({ seq: row.seq, chainId: row.chainId, chainSeq: row.chainSeq, hash: row.hash });
      expect(res.body).not.toContain('"AUDIT_EXPORTED"');
    });

    it('writes none when the stream fails halfway, and leaves the file without its trailer', async () => {
      const seeded = await seedOrganization(t, { cases: 1, rowsPerCase: 1 });
      const caseId = seeded.caseIds[0];
      await t.app.get(DataSource).transaction(async (tx) => {
        for (let i = 0; i < AUDIT_EXPORT_BATCH_SIZE + 10; i += 1) {
          await t.app.get(AuditService).append(tx, { actor: { userId: null, role: 'SYSTEM' }, orgId: seeded.org.id, caseId, category: 'CASE', action: 'CASE_EVENT', payload: { i } });
        }
      });
      const dataSource = t.app.get(DataSource);
      const create = dataSource.createQueryRunner.bind(dataSource);
      let fetches = 0;
      jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((...args: Parameters<DataSource['createQueryRunner']>) => {
        const runner = create(...args);
        const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
        runner.query = ((sql: string, ...rest: unknown[]) => {
          if (/^FETCH \d+ FROM audit_export$/.test(sql) && ++fetches === 2) return Promise.reject(new Error('connection lost'));
          return query(sql, ...rest);
        }) as QueryRunner['query'];
        return runner;
      });
      const before = await countRows(t, "action = 'AUDIT_EXPORTED'");
      await expect(get(seeded.supervisor.auth, '?format=csv')).rejects.toThrow(/destroyed before completion/);
      jest.restoreAllMocks();
      expect(await countRows(t, "action = 'AUDIT_EXPORTED'")).toBe(before);
      // The snapshot's connection went back to the pool: the next export runs and verifies.
      expect((await exportJsonLines(seeded.supervisor.auth)).trailer).toMatchObject({ rows: AUDIT_EXPORT_BATCH_SIZE + 12, verify: { ok: true } });
    });
  });

  describe('a long trail', () => {
    let seeded: SeededOrganization;
    const extra = 5000;

    beforeAll(async () => {
      seeded = await seedOrganization(t, { cases: 1, rowsPerCase: 1 });
      await t.app.get(DataSource).transaction(async (tx) => {
        for (let i = 0; i < extra; i += 1) {
          const caseId = seeded.caseIds[0];
          await t.app.get(AuditService).append(tx, { actor: { userId: null, role: 'SYSTEM' }, orgId: seeded.org.id, caseId, category: 'CASE', action: 'CASE_EVENT', payload: { i } });
        }
      });
    });

    it(`exports 5,000+ rows in batches of ${AUDIT_EXPORT_BATCH_SIZE} from the cursor, all of them, in order`, async () => {
      const fetched = watchExportCursor();
      const { records, trailer } = await exportJsonLines(seeded.supervisor.auth);
      const total = extra + 2;
      expect(records.length).toBe(total);
      expect(records.map((row) => BigInt(row.seq))).toEqual(records.map((row) => BigInt(row.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(trailer).toMatchObject({ rows: total, verify: { ok: true, checked: total } });
      expect(fetched).toEqual([1000, 1000, 1000, 1000, 1000, 2]);
    });

    /** Sessions inside an export's snapshot, seen as the owner: the application's role cannot see other sessions' queries. */
    async function openExportSnapshots(): Promise<number> {
      const [{ n }] = (await (await t.owner()).query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query LIKE '%audit_export%'`,
      )) as { n: number }[];
      return n;
    }

    it('writes no AUDIT_EXPORTED row when the client goes away mid-file, and gives the snapshot\'s connection back', async () => {
      // The second FETCH waits for the test, so that the export cannot finish before the client has left.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const dataSource = t.app.get(DataSource);
      const create = dataSource.createQueryRunner.bind(dataSource);
      let fetches = 0;
      jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((...args: Parameters<DataSource['createQueryRunner']>) => {
        const runner = create(...args);
        const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
        runner.query = (async (sql: string, ...rest: unknown[]) => {
          if (/^FETCH \d+ FROM audit_export$/.test(sql) && ++fetches === 2) await gate;
          return query(sql, ...rest);
        }) as QueryRunner['query'];
        return runner;
      });
      try {
        const before = await countRows(t, "action = 'AUDIT_EXPORTED'");
        await t.app.listen(0, '127.0.0.1');
        const server = t.app.getHttpServer();
        const { port } = server.address() as AddressInfo;
        await new Promise<void>((resolve, reject) => {
          const request = httpGet({ host: '127.0.0.1', port, path: '/api/audit/export?format=csv', headers: seeded.supervisor.auth }, (response) => {
            response.once('data', () => {
              response.pause();
              openExportSnapshots().then((open) => {
                request.destroy();
                if (open === 1) resolve();
                else reject(new Error(`expected the export's snapshot to be open, found ${open}`));
              }, reject);
            });
          });
          request.on('error', () => undefined);
        });
        const connections = () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
        await waitFor(async () => (await connections()) === 0);
        release();
        await waitFor(async () => (await openExportSnapshots()) === 0);
        expect(await countRows(t, "action = 'AUDIT_EXPORTED'")).toBe(before);
      } finally {
        release();
      }
    });

    it('reads the next batch only as the client takes the file, so at most a few batches are ever held', async () => {
      const fetched = watchExportCursor();
      const res = await t.request({ method: 'GET', url: '/api/audit/export?format=csv', headers: seeded.supervisor.auth, payloadAsStream: true });
      expect(res.statusCode).toBe(200);
      const stream = res.stream() as Readable;
      const fetchedWhenRead: number[] = [];
      let bytes = 0;
      for await (const chunk of stream) {
        fetchedWhenRead.push(fetched.length);
        bytes += (chunk as Buffer).length;
      }
      expect(bytes).toBeGreaterThan(extra * 300);
      expect(fetched.length).toBe(6);
      // Chunk 0 is the header, chunk i the i-th batch, the last the trailer. Backpressure lets the cursor run ahead of the reader only by
      // what the buffers between them hold (a chunk in the response, one in the export stream, one being fetched), so
      // the first rows reached the client while most of the table was still unread in the database.
      expect(fetchedWhenRead.length).toBe(8);
      fetchedWhenRead.forEach((fetchedSoFar, chunk) => expect(fetchedSoFar).toBeLessThanOrEqual(chunk + 3));
    });
  });

  describe('validation', () => {
    it.each([
      ['format=xml', 'format', 'INVALID_FORMAT'],
      ['from=2026-11-01T00:00:00', 'from', 'INVALID_FORMAT'],
      ['from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', 'to', 'INCONSISTENT'],
      ['to=tomorrow', 'to', 'INVALID_FORMAT'],
      ['caseId=12', 'caseId', 'INVALID_FORMAT'],
      ['page=2', 'page', 'FORBIDDEN'],
    ])('answers 400 VALIDATION_FAILED to ?%s', async (query, field, code) => {
      const res = await get(admin.auth, `?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field, code }] });
    });
  });

  it('is in the OpenAPI document', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs-json' });
    const operation = (res.json() as { paths: Record<string, { get?: { parameters: { name: string }[] } }> }).paths['/api/audit/export'];
    expect(operation?.get?.parameters.map((p) => p.name).sort()).toEqual(['caseId', 'format', 'from', 'to']);
  });
});
