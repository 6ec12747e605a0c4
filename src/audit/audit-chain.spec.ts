import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  type AuditRecord,
  type ChainHead,
  ChainVerifier,
  chainIdFor,
  checkpointHash,
  type CheckpointRecord,
  GENESIS_HASH,
  hashRecord,
  InvalidAuditRecordError,
  mergeVerifications,
  nextLink,
  normalizeAt,
  sealRecord,
  type UnsealedAuditRecord,
  verifyChains,
  verifyCheckpoints,
} from './audit-chain';
import { compareUtf16 } from '../common/json/canonical-json';

interface Scope {
  caseId?: string | null;
  orgId?: string | null;
}

const CASE_A: Scope = { caseId: 'a', orgId: 'o1' };
const CASE_B: Scope = { caseId: 'b', orgId: 'o1' };
const ORG: Scope = { orgId: 'o1' };
const SYSTEM: Scope = {};
const SCOPES = [CASE_A, CASE_B, ORG, SYSTEM];
const START = Date.UTC(2026, 8, 15, 1, 30);

/** Appends rows the way the audit service does: seq from a sequence, link from the chain head. */
class Ledger {
  readonly rows: AuditRecord[] = [];
  readonly heads = new Map<string, ChainHead>();
  private seq = 100n;

  append(scope: Scope, options: { gap?: number; payload?: unknown } = {}): AuditRecord {
    this.seq += BigInt(options.gap ?? 1);
    const chainId = chainIdFor(scope);
    const row = sealRecord({
      seq: String(this.seq),
      chainId,
      ...nextLink(this.heads.get(chainId)),
      at: normalizeAt(new Date(START + Number(this.seq) * 60_000)),
      actorUserId: 'u-mediator',
      actorRole: 'MEDIATOR',
      orgId: scope.orgId ?? null,
      caseId: scope.caseId ?? null,
      category: scope.caseId ? 'CASE' : 'ADMIN',
      action: 'CASE_EVENT',
      caseVersion: scope.caseId ? this.rows.length + 1 : null,
      payload: options.payload ?? { n: this.rows.length, 申请人: '张*' },
    });
    this.rows.push(row);
    this.heads.set(chainId, { lastChainSeq: row.chainSeq, lastHash: row.hash });
    return row;
  }

  appendMany(scope: Scope, count: number): AuditRecord[] {
    return Array.from({ length: count }, () => this.append(scope));
  }
}

function ordered(rows: readonly AuditRecord[]): AuditRecord[] {
  return [...rows].sort(
    (a, b) => compareUtf16(a.chainId, b.chainId) || a.chainSeq - b.chainSeq || Number(BigInt(a.seq) - BigInt(b.seq)),
  );
}

function replace(rows: readonly AuditRecord[], target: AuditRecord, replacement: AuditRecord): AuditRecord[] {
  return rows.map((row) => (row === target ? replacement : row));
}

function without(rows: readonly AuditRecord[], target: AuditRecord): AuditRecord[] {
  return rows.filter((row) => row !== target);
}

function at(row: AuditRecord, kind: string): object {
  return { seq: row.seq, chainId: row.chainId, chainSeq: row.chainSeq, kind };
}

function flipLastHex(hex: string): string {
  return hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');
}

describe('audit chain', () => {
  describe(normalizeAt.name, () => {
    it('writes a Date as UTC with milliseconds and Z', () => {
      expect(normalizeAt(new Date('2026-09-16T01:30:00+08:00'))).toBe('2026-09-15T17:30:00.000Z');
    });

    it('truncates microseconds from PostgreSQL text instead of rounding them', () => {
      expect(normalizeAt('2026-09-15 17:30:00.123999+00')).toBe('2026-09-15T17:30:00.123Z');
      expect(normalizeAt('2026-09-16T01:30:00.9999+08:00')).toBe('2026-09-15T17:30:00.999Z');
    });

    it('refuses text without an offset, an impossible day and an invalid Date', () => {
      expect(() => normalizeAt('2026-09-15T17:30:00')).toThrow(RangeError);
      expect(() => normalizeAt('2026-02-30T00:00:00Z')).toThrow(RangeError);
      expect(() => normalizeAt(new Date(NaN))).toThrow(RangeError);
    });
  });

  describe(chainIdFor.name, () => {
    it('puts every row with a case on the case chain, even when it names an org', () => {
      expect(chainIdFor({ caseId: 'c1', orgId: 'o1' })).toBe('case:c1');
    });

    it('puts org-level rows on the org chain and the rest on the system chain', () => {
      expect(chainIdFor({ caseId: null, orgId: 'o1' })).toBe('org:o1');
      expect(chainIdFor({ caseId: null, orgId: null })).toBe('system');
      expect(chainIdFor({})).toBe('system');
    });
  });

  describe(nextLink.name, () => {
    it('starts a chain at 1 after the genesis hash, then follows the head', () => {
      expect(nextLink(undefined)).toEqual({ chainSeq: 1, prevHash: GENESIS_HASH });
      expect(nextLink({ lastChainSeq: 7, lastHash: 'f'.repeat(64) })).toEqual({ chainSeq: 8, prevHash: 'f'.repeat(64) });
    });
  });

  describe(hashRecord.name, () => {
    const record: UnsealedAuditRecord = {
      seq: '1',
      chainId: 'case:c1',
      chainSeq: 1,
      at: '2026-09-15T09:30:00.000Z',
      actorUserId: 'u1',
      actorRole: 'MEDIATOR',
      orgId: 'o1',
      caseId: 'c1',
      category: 'CASE',
      action: 'CASE_CREATED',
      caseVersion: 1,
      payload: { idNumber: '2204**********1231', applicant: '张*' },
      prevHash: GENESIS_HASH,
    };

    it('is SHA-256 of prevHash followed by the canonical row, absent optionals written as null', () => {
      const canonical =
        '{"action":"CASE_CREATED","actorRole":"MEDIATOR","actorUserId":"u1","at":"2026-09-15T09:30:00.000Z",' +
        '"caseId":"c1","caseVersion":1,"category":"CASE","chainId":"case:c1","chainSeq":1,"fromState":null,' +
        '"orgId":"o1","payload":{"applicant":"张*","idNumber":"2204**********1231"},' +
        `"prevHash":"${GENESIS_HASH}","requestId":null,"seq":"1","toState":null}`;
      const expected = createHash('sha256').update(GENESIS_HASH + canonical, 'utf8').digest('hex');
      expect(hashRecord(record)).toBe(expected);
    });

    it('hashes an absent optional exactly like an explicit null', () => {
      expect(hashRecord({ ...record, fromState: null, requestId: null })).toBe(hashRecord(record));
      const { payload: _payload, ...withoutPayload } = record;
      expect(hashRecord(withoutPayload)).toBe(hashRecord({ ...record, payload: null }));
    });

    it('ignores properties that are not audit columns', () => {
      expect(hashRecord({ ...record, extra: 'x' } as UnsealedAuditRecord)).toBe(hashRecord(record));
    });

    it('changes when the previous hash changes, so rows cannot be spliced between chains', () => {
      expect(hashRecord({ ...record, prevHash: 'a'.repeat(64) })).not.toBe(hashRecord(record));
    });
  });

  describe(sealRecord.name, () => {
    const base: UnsealedAuditRecord = {
      seq: '5',
      chainId: 'org:o1',
      chainSeq: 1,
      at: '2026-09-15T09:30:00.000Z',
      actorRole: 'ADMIN',
      orgId: 'o1',
      category: 'ADMIN',
      action: 'USER_CREATED',
      prevHash: GENESIS_HASH,
    };

    it('fills absent optionals with null and sets the hash', () => {
      const sealed = sealRecord(base);
      expect(sealed).toMatchObject({ caseId: null, fromState: null, payload: null, requestId: null });
      expect(sealed.hash).toBe(hashRecord(base));
    });

    it.each([
      ['an at without milliseconds', { at: '2026-09-15T09:30:00Z' }],
      ['an at with an offset', { at: '2026-09-15T17:30:00.000+08:00' }],
      ['a row on the wrong chain', { chainId: 'system' }],
      ['a chainSeq of 0', { chainSeq: 0 }],
      ['a seq that is not a decimal', { seq: '0x10' }],
      ['an uppercase prevHash', { prevHash: 'A'.repeat(64) }],
    ])('refuses %s, which could never verify later', (_label, change) => {
      expect(() => sealRecord({ ...base, ...change })).toThrow(InvalidAuditRecordError);
    });
  });

  describe(ChainVerifier.name, () => {
    it('verifies a chain of many rows, counting every row checked', () => {
      const ledger = new Ledger();
      ledger.appendMany(CASE_A, 25);
      expect(verifyChains(ledger.rows, ledger.heads)).toEqual({ ok: true, checked: 25 });
    });

    it('verifies several interleaved chains and an empty table', () => {
      const ledger = new Ledger();
      for (let i = 0; i < 12; i += 1) ledger.append(SCOPES[i % SCOPES.length], { gap: 1 + (i % 3) });
      expect(verifyChains(ordered(ledger.rows), ledger.heads)).toEqual({ ok: true, checked: 12 });
      expect(verifyChains([], new Map())).toEqual({ ok: true, checked: 0 });
    });

    it('reports an altered payload as ALTERED at that row, with its case', () => {
      const ledger = new Ledger();
      const [, , third] = ledger.appendMany(CASE_A, 5);
      const rows = replace(ledger.rows, third, { ...third, payload: { n: 2, 申请人: '李*' } });
      expect(verifyChains(rows, ledger.heads)).toEqual({
        ok: false,
        checked: 5,
        firstBroken: { ...at(third, 'ALTERED'), caseId: 'a' },
      });
    });

    it('reports a row altered and rehashed as MISSING_OR_INSERTED at the next row, whose link no longer fits', () => {
      const ledger = new Ledger();
      const [, second, third] = ledger.appendMany(CASE_A, 4);
      const forged = sealRecord({ ...second, payload: { n: 1, 申请人: '李*' } });
      const result = verifyChains(replace(ledger.rows, second, forged), ledger.heads);
      expect(result.firstBroken).toMatchObject(at(third, 'MISSING_OR_INSERTED'));
    });

    it('reports a last row altered and rehashed as ALTERED there, because the head remembers its hash', () => {
      const ledger = new Ledger();
      const [, , last] = ledger.appendMany(CASE_A, 3);
      const forged = sealRecord({ ...last, payload: { n: 2, 申请人: '李*' } });
      expect(verifyChains(replace(ledger.rows, last, forged), ledger.heads).firstBroken).toMatchObject(at(forged, 'ALTERED'));
    });

    it('reports a deleted middle row as MISSING_OR_INSERTED at the row after it', () => {
      const ledger = new Ledger();
      const [, second, third] = ledger.appendMany(CASE_A, 5);
      expect(verifyChains(without(ledger.rows, second), ledger.heads)).toEqual({
        ok: false,
        checked: 4,
        firstBroken: { ...at(third, 'MISSING_OR_INSERTED'), caseId: 'a' },
      });
    });

    it('reports a deleted first row at the new first row', () => {
      const ledger = new Ledger();
      const [first, second] = ledger.appendMany(ORG, 3);
      expect(verifyChains(without(ledger.rows, first), ledger.heads).firstBroken).toEqual(at(second, 'MISSING_OR_INSERTED'));
    });

    it('reports a deleted tail as MISSING_OR_INSERTED at the last surviving row, given the head', () => {
      const ledger = new Ledger();
      const [, second, third, fourth] = ledger.appendMany(CASE_A, 4);
      const rows = without(without(ledger.rows, fourth), third);
      expect(verifyChains(rows, ledger.heads).firstBroken).toMatchObject(at(second, 'MISSING_OR_INSERTED'));
    });

    it('still finds a deleted tail when the head was rolled back too, if a checkpoint saw the tail', () => {
      const ledger = new Ledger();
      const [, second, third] = ledger.appendMany(CASE_A, 3);
      const rolledBack = new Map([[second.chainId, { lastChainSeq: 2, lastHash: second.hash }]]);
      const checkpoint = [[third.chainId, 3, third.hash] as const];
      const rows = without(ledger.rows, third);
      expect(verifyChains(rows, rolledBack).ok).toBe(true);
      expect(verifyChains(rows, rolledBack, checkpoint).firstBroken).toMatchObject(at(second, 'MISSING_OR_INSERTED'));
    });

    it('reports a chain whose rows are all gone first, since its lost rows may have had the lowest seqs', () => {
      const ledger = new Ledger();
      const [earliest] = ledger.appendMany(ORG, 2);
      ledger.appendMany(CASE_B, 2);
      const rows = replace(
        ledger.rows.filter((row) => row.chainId !== 'case:b'),
        earliest,
        { ...earliest, action: 'FORGED' },
      );
      expect(verifyChains(ordered(rows), ledger.heads).firstBroken).toEqual({
        seq: null,
        chainId: 'case:b',
        chainSeq: 0,
        caseId: 'b',
        kind: 'MISSING_OR_INSERTED',
      });
    });

    it('reports a forged row squeezed in with a duplicate chainSeq at the forged row, not at the genuine ones after it', () => {
      const ledger = new Ledger();
      const [, second] = ledger.appendMany(CASE_A, 4);
      const forged = sealRecord({ ...second, seq: '999', chainSeq: 3, prevHash: second.hash, payload: { forged: true } });
      const result = verifyChains(ordered([...ledger.rows, forged]), ledger.heads);
      expect(result).toEqual({ ok: false, checked: 5, firstBroken: { ...at(forged, 'MISSING_OR_INSERTED'), caseId: 'a' } });
    });

    it('reports a forged row appended without touching the head at that row', () => {
      const ledger = new Ledger();
      const [, last] = ledger.appendMany(CASE_A, 2);
      const forged = sealRecord({ ...last, seq: '999', ...nextLink(ledger.heads.get(last.chainId)), payload: { forged: true } });
      expect(verifyChains([...ledger.rows, forged], ledger.heads).firstBroken).toMatchObject(at(forged, 'MISSING_OR_INSERTED'));
    });

    it('reports a whole forged chain, which has no head, at its first row', () => {
      const ledger = new Ledger();
      ledger.appendMany(CASE_A, 2);
      const [first] = ledger.appendMany(CASE_B, 2);
      const heads = new Map([...ledger.heads].filter(([chainId]) => chainId !== 'case:b'));
      expect(verifyChains(ordered(ledger.rows), heads).firstBroken).toMatchObject(at(first, 'MISSING_OR_INSERTED'));
    });

    it('reports a chain rewritten and rehashed up to its head as ALTERED at the row a checkpoint anchored', () => {
      const ledger = new Ledger();
      const genuine = ledger.appendMany(CASE_A, 5);
      const checkpoint = [['case:a', 4, genuine[3].hash] as const];
      const rewritten: AuditRecord[] = [];
      for (const row of genuine) {
        const payload = row.chainSeq === 2 ? { rewritten: true } : row.payload;
        rewritten.push(sealRecord({ ...row, payload, ...nextLink(headOf(rewritten)) }));
      }
      const rewrittenHeads = new Map([['case:a', headOf(rewritten) as ChainHead]]);
      expect(verifyChains(rewritten, rewrittenHeads).ok).toBe(true);
      expect(verifyChains(rewritten, rewrittenHeads, checkpoint).firstBroken).toMatchObject(at(rewritten[3], 'ALTERED'));
    });

    it('checks a row against every anchor at its position, so a head and a checkpoint that disagree are caught', () => {
      const ledger = new Ledger();
      const [, last] = ledger.appendMany(CASE_A, 2);
      const tamperedHead = new Map([['case:a', { lastChainSeq: 2, lastHash: 'e'.repeat(64) }]]);
      const result = verifyChains(ledger.rows, tamperedHead, [['case:a', 2, last.hash]]);
      expect(result.firstBroken).toMatchObject(at(last, 'ALTERED'));
    });

    it('reports the break with the lowest seq when two chains are broken, whatever their order', () => {
      const ledger = new Ledger();
      const a = ledger.appendMany(CASE_A, 3);
      const b = ledger.appendMany(CASE_B, 3);
      const rows = replace(without(ledger.rows, b[0]), a[2], { ...a[2], action: 'FORGED' });
      expect(verifyChains(ordered(rows), ledger.heads).firstBroken).toMatchObject(at(a[2], 'ALTERED'));

      const laterFirst = new Ledger();
      const b2 = laterFirst.appendMany(CASE_B, 3);
      const a2 = laterFirst.appendMany(CASE_A, 3);
      const rows2 = replace(without(laterFirst.rows, a2[1]), b2[1], { ...b2[1], action: 'FORGED' });
      expect(verifyChains(ordered(rows2), laterFirst.heads).firstBroken).toMatchObject(at(b2[1], 'ALTERED'));
    });

    it('compares seqs as numbers, not as text', () => {
      const ledger = new Ledger();
      const b = ledger.append(CASE_B, { gap: 899 });
      const a = ledger.append(CASE_A, { gap: 1 });
      expect([b.seq, a.seq]).toEqual(['999', '1000']);
      const rows = [{ ...a, action: 'FORGED' }, { ...b, action: 'FORGED' }];
      expect(verifyChains(rows, ledger.heads).firstBroken).toMatchObject(at(b, 'ALTERED'));
    });

    it('reports a stored row that cannot even be canonicalized as ALTERED instead of crashing', () => {
      const ledger = new Ledger();
      const [row] = ledger.appendMany(CASE_A, 1);
      const result = verifyChains([{ ...row, payload: { amount: Number.NaN } }], ledger.heads);
      expect(result.firstBroken).toMatchObject(at(row, 'ALTERED'));
    });

    it('streams: rows pushed one by one give the same answer, and misuse is refused', () => {
      const ledger = new Ledger();
      ledger.appendMany(CASE_A, 2);
      ledger.appendMany(ORG, 2);
      const verifier = new ChainVerifier(ledger.heads);
      const [a1, a2, o1, o2] = ledger.rows;
      verifier.push(a1);
      verifier.push(a2);
      verifier.push(o1);
      expect(() => verifier.push(a1)).toThrow(/grouped by chain/);
      verifier.push(o2);
      expect(verifier.finish()).toEqual({ ok: true, checked: 4 });
      expect(() => verifier.push(o2)).toThrow(/after finish/);
    });

    describe('properties', () => {
      const append = fc.record({ scope: fc.integer({ min: 0, max: SCOPES.length - 1 }), gap: fc.integer({ min: 1, max: 3 }) });
      const appends = fc.array(append, { minLength: 1, maxLength: 40 });
      const tamperings: Record<string, (row: AuditRecord) => AuditRecord> = {
        payload: (row) => ({ ...row, payload: { tampered: true } }),
        action: (row) => ({ ...row, action: `${row.action}_X` }),
        at: (row) => ({ ...row, at: '2020-01-01T00:00:00.000Z' }),
        actorUserId: (row) => ({ ...row, actorUserId: 'u-intruder' }),
        actorRole: (row) => ({ ...row, actorRole: 'ADMIN' }),
        caseVersion: (row) => ({ ...row, caseVersion: 999 }),
        requestId: (row) => ({ ...row, requestId: 'req-forged' }),
        seq: (row) => ({ ...row, seq: String(BigInt(row.seq) + 100_000n) }),
        prevHash: (row) => ({ ...row, prevHash: flipLastHex(row.prevHash) }),
        hash: (row) => ({ ...row, hash: flipLastHex(row.hash) }),
        chainSeqForward: (row) => ({ ...row, chainSeq: row.chainSeq + 1_000 }),
      };

      function build(plan: { scope: number; gap: number }[]): Ledger {
        const ledger = new Ledger();
        for (const { scope, gap } of plan) ledger.append(SCOPES[scope], { gap });
        return ledger;
      }

      it('finds exactly the row that was altered, whichever field changed', () => {
        fc.assert(
          fc.property(appends, fc.nat(), fc.constantFrom(...Object.keys(tamperings)), (plan, pick, field) => {
            const ledger = build(plan);
            const target = ledger.rows[pick % ledger.rows.length];
            const altered = tamperings[field](target);
            const result = verifyChains(ordered(replace(ledger.rows, target, altered)), ledger.heads);
            expect(result).toEqual({
              ok: false,
              checked: ledger.rows.length,
              firstBroken: expect.objectContaining(at(altered, 'ALTERED')),
            });
          }),
        );
      });

      it('reports a deleted row at the next row of its chain, at the last survivor for a tail, or the chain itself', () => {
        fc.assert(
          fc.property(appends, fc.nat(), (plan, pick) => {
            const ledger = build(plan);
            const target = ledger.rows[pick % ledger.rows.length];
            const chain = ledger.rows.filter((row) => row.chainId === target.chainId);
            const next = chain.find((row) => row.chainSeq === target.chainSeq + 1);
            const previous = chain.find((row) => row.chainSeq === target.chainSeq - 1);
            const expected =
              next !== undefined
                ? at(next, 'MISSING_OR_INSERTED')
                : previous !== undefined
                  ? at(previous, 'MISSING_OR_INSERTED')
                  : { seq: null, chainId: target.chainId, chainSeq: 0, kind: 'MISSING_OR_INSERTED' };
            const result = verifyChains(ordered(without(ledger.rows, target)), ledger.heads);
            expect(result.firstBroken).toMatchObject(expected);
          }),
        );
      });

      it('gives the same answer when the chains are verified in two groups and merged, whatever was tampered with', () => {
        const change = fc.record({ pick: fc.nat(), remove: fc.boolean() });
        fc.assert(
          fc.property(appends, fc.array(change, { maxLength: 2 }), fc.nat(), (plan, changes, cut) => {
            const ledger = build(plan);
            let rows: AuditRecord[] = ledger.rows;
            for (const { pick, remove } of changes) {
              const target = rows[pick % rows.length];
              if (target === undefined) continue;
              rows = remove ? without(rows, target) : replace(rows, target, { ...target, action: 'FORGED' });
            }
            const chainIds = [...ledger.heads.keys()].sort(compareUtf16);
            const first = new Set(chainIds.slice(0, cut % (chainIds.length + 1)));
            const group = (inFirst: boolean) =>
              verifyChains(
                ordered(rows.filter((row) => first.has(row.chainId) === inFirst)),
                new Map([...ledger.heads].filter(([chainId]) => first.has(chainId) === inFirst)),
              );
            expect(mergeVerifications([group(true), group(false)])).toEqual(verifyChains(ordered(rows), ledger.heads));
          }),
        );
      });

      it('accepts every untouched ledger', () => {
        fc.assert(
          fc.property(appends, (plan) => {
            const ledger = build(plan);
            expect(verifyChains(ordered(ledger.rows), ledger.heads)).toEqual({ ok: true, checked: plan.length });
          }),
        );
      });
    });
  });

  describe(mergeVerifications.name, () => {
    it('adds up the rows and keeps the break with the lowest seq, a removed chain before any row', () => {
      const altered = { seq: '120', chainId: 'case:b', chainSeq: 3, kind: 'ALTERED' } as const;
      const earlier = { seq: '9', chainId: 'case:z', chainSeq: 1, kind: 'MISSING_OR_INSERTED' } as const;
      const removed = { seq: null, chainId: 'case:y', chainSeq: 0, kind: 'MISSING_OR_INSERTED' } as const;
      expect(mergeVerifications([])).toEqual({ ok: true, checked: 0 });
      expect(mergeVerifications([{ ok: true, checked: 5 }, { ok: true, checked: 7 }])).toEqual({ ok: true, checked: 12 });
      expect(mergeVerifications([{ ok: false, checked: 5, firstBroken: altered }, { ok: false, checked: 7, firstBroken: earlier }])).toEqual({
        ok: false,
        checked: 12,
        firstBroken: earlier,
      });
      expect(mergeVerifications([{ ok: false, checked: 1, firstBroken: earlier }, { ok: true, checked: 2 }, { ok: false, checked: 0, firstBroken: removed }])).toEqual({
        ok: false,
        checked: 3,
        firstBroken: removed,
      });
    });
  });

  describe('checkpoints', () => {
    function seal(cpSeq: number, heads: CheckpointRecord['heads'], prevCpHash: string): CheckpointRecord {
      const body = { cpSeq, at: normalizeAt(new Date(START + cpSeq * 3_600_000)), heads, prevCpHash };
      return { ...body, hash: checkpointHash(body) };
    }

    function threeCheckpoints(): CheckpointRecord[] {
      const first = seal(1, [['case:a', 3, 'a'.repeat(64)]], GENESIS_HASH);
      const second = seal(2, [['org:o1', 1, 'b'.repeat(64)], ['case:a', 5, 'c'.repeat(64)]], first.hash);
      return [first, second, seal(3, [['system', 2, 'd'.repeat(64)]], second.hash)];
    }

    it('hashes heads in chainId order, whatever order they were collected in', () => {
      const body = { cpSeq: 1, at: '2026-09-15T10:00:00.000Z', prevCpHash: GENESIS_HASH };
      const forward = checkpointHash({ ...body, heads: [['case:a', 1, 'a'.repeat(64)], ['org:o1', 2, 'b'.repeat(64)]] });
      const backward = checkpointHash({ ...body, heads: [['org:o1', 2, 'b'.repeat(64)], ['case:a', 1, 'a'.repeat(64)]] });
      expect(forward).toBe(backward);
      expect(checkpointHash({ ...body, heads: [['case:a', 1, 'a'.repeat(64)]] })).not.toBe(forward);
    });

    it('refuses a checkpoint that names a chain twice', () => {
      const heads = [['case:a', 1, 'a'.repeat(64)], ['case:a', 2, 'b'.repeat(64)]] as const;
      expect(() => checkpointHash({ cpSeq: 1, at: '2026-09-15T10:00:00.000Z', heads, prevCpHash: GENESIS_HASH })).toThrow(
        InvalidAuditRecordError,
      );
    });

    it('verifies an intact checkpoint chain', () => {
      expect(verifyCheckpoints(threeCheckpoints())).toEqual({ ok: true, checked: 3 });
    });

    it('reports an altered checkpoint as ALTERED and a removed one as MISSING_OR_INSERTED at the next', () => {
      const [first, second, third] = threeCheckpoints();
      const altered = { ...second, heads: [['case:a', 4, 'c'.repeat(64)] as const] };
      expect(verifyCheckpoints([first, altered, third]).firstBroken).toEqual({ cpSeq: 2, kind: 'ALTERED' });
      expect(verifyCheckpoints([first, third]).firstBroken).toEqual({ cpSeq: 3, kind: 'MISSING_OR_INSERTED' });
    });
  });
});

function headOf(rows: readonly AuditRecord[]): ChainHead | undefined {
  const last = rows.at(-1);
  return last === undefined ? undefined : { lastChainSeq: last.chainSeq, lastHash: last.hash };
}
