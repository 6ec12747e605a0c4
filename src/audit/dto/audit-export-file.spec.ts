import { GENESIS_HASH, hashRecord, sealRecord, type AuditRecord } from '../audit-chain';
import { AUDIT_EXPORT_FORMAT_VERSION, type AuditExportTrailer, exportWriterFor } from './audit-export-file';

const row: AuditRecord = sealRecord({
  seq: '42',
  chainId: 'case:6f9c2b1e-3d4a-4c5b-8e7f-0a1b2c3d4e5f',
  chainSeq: 1,
  at: '2026-11-25T08:00:00.123Z',
  actorRole: 'MEDIATOR',
  actorUserId: '0d4a3b8e-4c61-4f3e-9a0e-2b7d5f6c1e22',
  orgId: '1d4a3b8e-4c61-4f3e-9a0e-2b7d5f6c1e22',
  caseId: '6f9c2b1e-3d4a-4c5b-8e7f-0a1b2c3d4e5f',
  category: 'CASE',
  action: 'CASE_EVENT',
  fromState: 'mediation.active',
  toState: 'mediation.suspended',
  caseVersion: 5,
  payload: { note: '双方同意, 分两期 "支付"\r\n第二行', phone: '138****5678' },
  prevHash: GENESIS_HASH,
});

const trailer: AuditExportTrailer = {
  format: AUDIT_EXPORT_FORMAT_VERSION,
  exportedAt: '2026-11-25T08:00:01.000Z',
  exportedBy: { userId: 'u1', role: 'SUPERVISOR' },
  filters: { caseId: null, from: '2026-11-01T00:00:00+08:00', to: null },
  rows: 1,
  heads: [[row.chainId, 1, row.hash]],
  checkpoint: null,
  verify: { ok: false, checked: 1, checkpointBroken: { cpSeq: 3, kind: 'ALTERED' } },
  exportAudit: { seq: '43', chainId: 'org:o1', chainSeq: 9, hash: 'a'.repeat(64) },
};

describe('audit export file', () => {
  describe('CSV', () => {
    const csv = exportWriterFor('csv');

    it('starts with a BOM and the header line, ending lines with CRLF', () => {
      expect(csv.header()).toBe(
        '\uFEFFseq,chainId,chainSeq,at,actorUserId,actorRole,orgId,caseId,category,action,fromState,toState,caseVersion,requestId,payload,prevHash,hash\r\n',
      );
    });

    it('writes null as an empty cell, the payload as canonical JSON, and quotes only cells that need it', () => {
      const line = csv.rows([row]);
      expect(line).toBe(
        `42,${row.chainId},1,2026-11-25T08:00:00.123Z,${row.actorUserId},MEDIATOR,${row.orgId},${row.caseId},CASE,CASE_EVENT,` +
          `mediation.active,mediation.suspended,5,,"{""note"":""双方同意, 分两期 \\""支付\\""\\r\\n第二行"",""phone"":""138****5678""}",${GENESIS_HASH},${row.hash}\r\n`,
      );
    });

    it('writes the trailer as #-lines, naming a missing checkpoint and a broken checkpoint chain', () => {
      expect(csv.trailer(trailer).split('\r\n')).toEqual([
        '#TRAILER,tiaojie-audit-export/1',
        '#EXPORTED,2026-11-25T08:00:01.000Z,u1,SUPERVISOR',
        '#FILTERS,,2026-11-01T00:00:00+08:00,',
        '#ROWS,1',
        `#CHAIN_HEAD,${row.chainId},1,${row.hash}`,
        '#CHECKPOINT,none',
        '#VERIFY,false,1',
        '#VERIFY_CHECKPOINT_BROKEN,3,ALTERED',
        `#EXPORT_AUDIT,43,org:o1,9,${'a'.repeat(64)}`,
        '#END',
        '',
      ]);
    });
  });

  describe('JSON Lines', () => {
    const jsonl = exportWriterFor('jsonl');

    it('writes each row as one line that re-hashes to its stored hash', () => {
      const [line, rest] = jsonl.rows([row]).split('\n');
      expect(rest).toBe('');
      const parsed = JSON.parse(line) as AuditRecord;
      expect(parsed).toEqual(row);
      expect(hashRecord(parsed)).toBe(row.hash);
      expect(line.startsWith('{"action":"CASE_EVENT","actorRole":"MEDIATOR"')).toBe(true);
    });

    it('still writes a row altered into something canonical JSON refuses, so that verification can name it', () => {
      const line = jsonl.rows([{ ...row, payload: { amount: Infinity } }]);
      expect(JSON.parse(line)).toMatchObject({ seq: '42', payload: { amount: null } });
    });

    it('ends with one {"trailer": …} line', () => {
      const text = jsonl.trailer({ ...trailer, checkpoint: { cpSeq: 2, at: '2026-11-25T07:00:00.000Z', hash: 'c'.repeat(64) } });
      expect(text.endsWith('}\n')).toBe(true);
      expect(JSON.parse(text)).toEqual({ trailer: { ...trailer, checkpoint: { cpSeq: 2, at: '2026-11-25T07:00:00.000Z', hash: 'c'.repeat(64) } } });
    });
  });
});
