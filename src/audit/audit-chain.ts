import { hash as hashOnce } from 'node:crypto';
import { canonicalJson, CanonicalJsonError, compareUtf16 } from '../common/json/canonical-json';

/**
 * The audit trail's hash chains (DOMAIN §7), framework-free so that the append path, the verifier and an offline
 * check of an export all share one definition of a row's hash.
 */

/** prevHash of the first row of every chain, and prevCpHash of the first checkpoint. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  /** Global bigint sequence as a decimal string; gaps are allowed. */
  seq: string;
  chainId: string;
  /** 1, 2, 3, … within the chain, without gaps. */
  chainSeq: number;
  /** UTC with milliseconds and 'Z', exactly as hashed; see normalizeAt. */
  at: string;
  actorUserId: string | null;
  actorRole: string;
  orgId: string | null;
  caseId: string | null;
  category: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  caseVersion: number | null;
  requestId: string | null;
  /** Already masked: raw PII never enters the audit trail (DOMAIN §1). */
  payload: unknown;
  prevHash: string;
  hash: string;
}

type OptionalField = 'actorUserId' | 'orgId' | 'caseId' | 'fromState' | 'toState' | 'caseVersion' | 'requestId' | 'payload';

/** A row before its hash is computed. Optional fields may be left out; they are hashed and stored as null. */
export type UnsealedAuditRecord = Omit<AuditRecord, 'hash' | OptionalField> & Partial<Pick<AuditRecord, OptionalField>>;

export interface ChainHead {
  lastChainSeq: number;
  lastHash: string;
}

/** One chain's position as a checkpoint recorded it. */
export type CheckpointHead = readonly [chainId: string, chainSeq: number, hash: string];

export interface CheckpointRecord {
  cpSeq: number;
  at: string;
  heads: readonly CheckpointHead[];
  prevCpHash: string;
  hash: string;
}

export type BreakKind = 'ALTERED' | 'MISSING_OR_INSERTED';

export interface ChainBreak {
  /** null only when a whole chain is gone, so that no row survives to point at. */
  seq: string | null;
  chainId: string;
  /** 0 when a whole chain is gone. */
  chainSeq: number;
  caseId?: string;
  kind: BreakKind;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken?: ChainBreak;
}

export class InvalidAuditRecordError extends Error {
  override readonly name = 'InvalidAuditRecordError';
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const DECIMAL = /^(0|[1-9]\d*)$/;
const NORMALIZED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// Accepts what PostgreSQL prints for timestamptz (space separator, microseconds, '+08') as well as ISO 8601.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * The instant as hashed and stored: UTC, truncated (not rounded) to milliseconds, `…sssZ`. PostgreSQL keeps
 * microseconds, so a value that is not cut to milliseconds before hashing would read back different from what was
 * hashed.
 */
export function normalizeAt(instant: Date | string): string {
  const date = typeof instant === 'string' ? parseInstant(instant) : new Date(instant.getTime());
  const text = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  if (!NORMALIZED_AT.test(text)) throw new RangeError(`Not a usable audit instant: ${String(instant)}`);
  return text;
}

function parseInstant(text: string): Date {
  const match = INSTANT.exec(text);
  if (match === null) return new Date(NaN);
  const [, year, month, day, time, fraction = '', offset] = match;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return new Date(NaN);
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  return new Date(`${year}-${month}-${day}T${time}.${millis}${isoOffset(offset)}`);
}

function isNormalizedAt(at: string): boolean {
  const date = parseInstant(at);
  return !Number.isNaN(date.getTime()) && date.toISOString() === at;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoOffset(offset: string): string {
  if (offset === 'Z') return offset;
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2).padEnd(2, '0')}`;
}

/**
 * The one chain a row belongs to. A row about a case joins the case's chain even when it also names an org, so that
 * a case's history verifies on its own and appends to different cases never wait on each other; org-level rows
 * (users, periods, rules, screenings) join the org's chain; rows with neither (such as platform administration) join
 * the single system chain.
 */
export function chainIdFor(row: { caseId?: string | null; orgId?: string | null }): string {
  if (isPresent(row.caseId)) return `case:${row.caseId}`;
  if (isPresent(row.orgId)) return `org:${row.orgId}`;
  return 'system';
}

function isPresent(value: string | null | undefined): value is string {
  return value !== null && value !== undefined;
}

/** Where the next row of a chain goes, given its head row (undefined for a chain that has no rows yet). */
export function nextLink(head: ChainHead | undefined): { chainSeq: number; prevHash: string } {
  if (head === undefined) return { chainSeq: 1, prevHash: GENESIS_HASH };
  return { chainSeq: head.lastChainSeq + 1, prevHash: head.lastHash };
}

/** hex SHA-256(prevHash ‖ canonicalJSON(row without hash)); optional fields that are absent count as null. */
export function hashRecord(record: UnsealedAuditRecord): string {
  return sha256Hex(record.prevHash, canonicalJson(hashedFields(record)));
}

// Named one by one, so that a column added to the table later, or a stray property on an entity, does not change
// the hash of rows already written. Listed in canonical (UTF-16) key order, which lets canonicalJson skip the sort on
// every row a verification rehashes.
function hashedFields(record: UnsealedAuditRecord): Omit<AuditRecord, 'hash'> {
  return {
    action: record.action,
    actorRole: record.actorRole,
    actorUserId: record.actorUserId ?? null,
    at: record.at,
    caseId: record.caseId ?? null,
    caseVersion: record.caseVersion ?? null,
    category: record.category,
    chainId: record.chainId,
    chainSeq: record.chainSeq,
    fromState: record.fromState ?? null,
    orgId: record.orgId ?? null,
    payload: record.payload ?? null,
    prevHash: record.prevHash,
    requestId: record.requestId ?? null,
    seq: record.seq,
    toState: record.toState ?? null,
  };
}

/**
 * The row to insert: optionals filled with null and the hash set. Refuses a row that would fail verification later
 * through no fault of an attacker (an `at` that PostgreSQL would not give back unchanged, a row in the wrong chain).
 */
export function sealRecord(record: UnsealedAuditRecord): AuditRecord {
  assertSealable(record);
  return { ...hashedFields(record), hash: hashRecord(record) };
}

function assertSealable(record: UnsealedAuditRecord): void {
  const problems = [
    DECIMAL.test(record.seq) ? '' : 'seq must be a decimal string',
    Number.isSafeInteger(record.chainSeq) && record.chainSeq >= 1 ? '' : 'chainSeq must be a positive integer',
    isNormalizedAt(record.at) ? '' : 'at must come from normalizeAt',
    record.chainId === chainIdFor(record) ? '' : `chainId must be ${chainIdFor(record)}`,
    SHA256_HEX.test(record.prevHash) ? '' : 'prevHash must be 64 lowercase hex digits',
  ].filter(Boolean);
  if (problems.length > 0) throw new InvalidAuditRecordError(`Cannot seal audit row ${record.seq}: ${problems.join('; ')}`);
}

/**
 * hex SHA-256(prevCpHash ‖ canonicalJSON({cpSeq, at, heads, prevCpHash})), with heads sorted by chainId so that
 * the order in which they were collected does not matter.
 */
export function checkpointHash(checkpoint: Omit<CheckpointRecord, 'hash'>): string {
  const heads = [...checkpoint.heads].sort(([a], [b]) => compareUtf16(a, b));
  const duplicate = heads.find(([chainId], index) => index > 0 && heads[index - 1][0] === chainId);
  if (duplicate !== undefined) throw new InvalidAuditRecordError(`Checkpoint names chain ${duplicate[0]} twice`);
  const body = { cpSeq: checkpoint.cpSeq, at: checkpoint.at, heads, prevCpHash: checkpoint.prevCpHash };
  return sha256Hex(checkpoint.prevCpHash, canonicalJson(body));
}

/**
 * Walks the checkpoint chain in cpSeq order. It cannot see checkpoints removed from its end: that is what the
 * checkpoint printed on every export is for.
 */
export function verifyCheckpoints(checkpoints: Iterable<CheckpointRecord>): {
  ok: boolean;
  checked: number;
  firstBroken?: { cpSeq: number; kind: BreakKind };
} {
  let expected = { cpSeq: 1, prevCpHash: GENESIS_HASH };
  let checked = 0;
  for (const checkpoint of checkpoints) {
    checked += 1;
    const kind = checkpointBreak(checkpoint, expected);
    if (kind !== undefined) return { ok: false, checked, firstBroken: { cpSeq: checkpoint.cpSeq, kind } };
    expected = { cpSeq: checkpoint.cpSeq + 1, prevCpHash: checkpoint.hash };
  }
  return { ok: true, checked };
}

function checkpointBreak(checkpoint: CheckpointRecord, expected: { cpSeq: number; prevCpHash: string }): BreakKind | undefined {
  if (!matchesOwnHash(() => checkpointHash(checkpoint), checkpoint.hash)) return 'ALTERED';
  if (checkpoint.cpSeq !== expected.cpSeq || checkpoint.prevCpHash !== expected.prevCpHash) return 'MISSING_OR_INSERTED';
  return undefined;
}

interface ChainCursor {
  chainId: string;
  expectedChainSeq: number;
  prevHash: string;
  /** The row that holds the chain's highest position so far. */
  last?: AuditRecord;
}

/**
 * Verifies audit chains from a stream of rows ordered by (chainId, chainSeq), keeping one chain's cursor and the
 * lowest break found so far, so that a whole table can be checked from a database cursor.
 *
 * The anchors are needed up front: a checkpoint usually names a row in the middle of a chain, and that row has to be
 * compared while it streams past. `heads` must cover the same chains as the rows: a head without rows means the
 * chain was removed, and rows without a head mean the chain was forged.
 *
 * Breaks (DOMAIN §7 table, plus the anchor cases it leaves open):
 * - a recomputed hash that differs from the stored one: ALTERED at that row;
 * - a chainSeq gap or duplicate, or a prevHash that does not match the row before: MISSING_OR_INSERTED at the first
 *   row after the break;
 * - a row beyond its chain's head: MISSING_OR_INSERTED at that row (the head is written in the same transaction as
 *   every row, so such a row was not written by the application);
 * - a row at a head's or checkpoint's position whose hash differs from the anchored one: ALTERED at that row (the
 *   chain up to it was rewritten and rehashed; the anchor cannot tell which earlier row changed);
 * - a chain that ends before its head or a checkpoint: MISSING_OR_INSERTED at the last surviving row, or with
 *   seq null and chainSeq 0 when no row survives.
 * Every row is checked even after a break, and the break with the lowest seq wins.
 */
export class ChainVerifier {
  /** chainId → chainSeq → every hash that a head or checkpoint recorded there. */
  private readonly anchors = new Map<string, Map<number, string[]>>();
  private readonly requiredLength = new Map<string, number>();
  private readonly heads: ReadonlyMap<string, ChainHead>;
  private readonly seen = new Set<string>();
  private cursor?: ChainCursor;
  private lowest?: ChainBreak;
  private checked = 0;
  private finished = false;

  constructor(heads: ReadonlyMap<string, ChainHead>, checkpointHeads: Iterable<CheckpointHead> = []) {
    this.heads = heads;
    for (const [chainId, head] of heads) this.anchor(chainId, head.lastChainSeq, head.lastHash);
    for (const [chainId, chainSeq, hash] of checkpointHeads) this.anchor(chainId, chainSeq, hash);
  }

  push(row: AuditRecord): void {
    if (this.finished) throw new Error('ChainVerifier.push after finish');
    if (this.cursor?.chainId !== row.chainId) this.startChain(row.chainId);
    const cursor = this.cursor as ChainCursor;
    this.checked += 1;
    const kind = this.breakAt(cursor, row);
    if (kind !== undefined) this.report(breakAtRow(row, kind));
    // A row that does not move the chain forward (a duplicate) is set aside, so that the rows after it are still
    // linked to the genuine predecessor and only the intruder is reported.
    if (row.chainSeq >= cursor.expectedChainSeq) {
      cursor.expectedChainSeq = row.chainSeq + 1;
      cursor.prevHash = row.hash;
      cursor.last = row;
    }
  }

  finish(): ChainVerification {
    if (!this.finished) {
      this.finished = true;
      if (this.cursor !== undefined) this.closeChain(this.cursor);
      this.reportRemovedChains();
    }
    const lowest = this.lowest;
    return lowest === undefined ? { ok: true, checked: this.checked } : { ok: false, checked: this.checked, firstBroken: lowest };
  }

  private anchor(chainId: string, chainSeq: number, hash: string): void {
    const byPosition = this.anchors.get(chainId) ?? new Map<number, string[]>();
    byPosition.set(chainSeq, [...(byPosition.get(chainSeq) ?? []), hash]);
    this.anchors.set(chainId, byPosition);
    this.requiredLength.set(chainId, Math.max(chainSeq, this.requiredLength.get(chainId) ?? 0));
  }

  private startChain(chainId: string): void {
    if (this.seen.has(chainId)) throw new Error(`Audit rows must arrive grouped by chain; ${chainId} came back`);
    if (this.cursor !== undefined) this.closeChain(this.cursor);
    this.seen.add(chainId);
    this.cursor = { chainId, expectedChainSeq: 1, prevHash: GENESIS_HASH };
  }

  private breakAt(cursor: ChainCursor, row: AuditRecord): BreakKind | undefined {
    if (!matchesOwnHash(() => hashRecord(row), row.hash)) return 'ALTERED';
    if (row.chainSeq !== cursor.expectedChainSeq || row.prevHash !== cursor.prevHash) return 'MISSING_OR_INSERTED';
    if (row.chainSeq > (this.heads.get(row.chainId)?.lastChainSeq ?? 0)) return 'MISSING_OR_INSERTED';
    const anchored = this.anchors.get(row.chainId)?.get(row.chainSeq) ?? [];
    return anchored.every((hash) => hash === row.hash) ? undefined : 'ALTERED';
  }

  private closeChain(cursor: ChainCursor): void {
    const required = this.requiredLength.get(cursor.chainId) ?? 0;
    if (cursor.last === undefined) this.report(removedChain(cursor.chainId));
    else if (cursor.last.chainSeq < required) this.report(breakAtRow(cursor.last, 'MISSING_OR_INSERTED'));
  }

  private reportRemovedChains(): void {
    for (const chainId of this.requiredLength.keys()) {
      if (!this.seen.has(chainId)) this.report(removedChain(chainId));
    }
  }

  private report(candidate: ChainBreak): void {
    if (this.lowest === undefined || compareBreaks(candidate, this.lowest) < 0) this.lowest = candidate;
  }
}

/** Thin wrapper over ChainVerifier for rows already in memory. */
export function verifyChains(
  rowsOrderedByChainAndChainSeq: Iterable<AuditRecord>,
  heads: ReadonlyMap<string, ChainHead>,
  checkpointHeads?: Iterable<CheckpointHead>,
): ChainVerification {
  const verifier = new ChainVerifier(heads, checkpointHeads);
  for (const row of rowsOrderedByChainAndChainSeq) verifier.push(row);
  return verifier.finish();
}

/** One answer for sets of chains verified apart: every row counted, and the lowest break among them. */
export function mergeVerifications(parts: readonly ChainVerification[]): ChainVerification {
  const checked = parts.reduce((sum, part) => sum + part.checked, 0);
  let lowest: ChainBreak | undefined;
  for (const { firstBroken } of parts) {
    if (firstBroken !== undefined && (lowest === undefined || compareBreaks(firstBroken, lowest) < 0)) lowest = firstBroken;
  }
  return lowest === undefined ? { ok: true, checked } : { ok: false, checked, firstBroken: lowest };
}

function breakAtRow(row: AuditRecord, kind: BreakKind): ChainBreak {
  const found: ChainBreak = { seq: row.seq, chainId: row.chainId, chainSeq: row.chainSeq, kind };
  if (isPresent(row.caseId)) found.caseId = row.caseId;
  return found;
}

function removedChain(chainId: string): ChainBreak {
  const found: ChainBreak = { seq: null, chainId, chainSeq: 0, kind: 'MISSING_OR_INSERTED' };
  if (chainId.startsWith('case:')) found.caseId = chainId.slice('case:'.length);
  return found;
}

// A removed chain has no seq to compare, and it could have held the lowest one, so it comes first. A seq that is not
// a decimal (a tampered row) comes after all real ones.
function compareBreaks(a: ChainBreak, b: ChainBreak): number {
  return compareSeq(a.seq, b.seq) || compareUtf16(a.chainId, b.chainId) || a.chainSeq - b.chainSeq;
}

function compareSeq(a: string | null, b: string | null): number {
  const rank = (seq: string | null): [number, bigint] => {
    if (seq === null) return [0, 0n];
    return DECIMAL.test(seq) ? [1, BigInt(seq)] : [2, 0n];
  };
  const [rankA, valueA] = rank(a);
  const [rankB, valueB] = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (valueA === valueB) return 0;
  return valueA < valueB ? -1 : 1;
}

// A stored row or checkpoint that cannot be hashed at all cannot be the one that was hashed.
function matchesOwnHash(recompute: () => string, stored: string): boolean {
  try {
    return recompute() === stored;
  } catch (error) {
    if (error instanceof CanonicalJsonError || error instanceof InvalidAuditRecordError) return false;
    throw error;
  }
}

// The one-shot hash: a Hash object and its three calls into C++ cost as much again as digesting the whole row.
function sha256Hex(prefix: string, json: string): string {
  return hashOnce('sha256', prefix + json, 'hex');
}
