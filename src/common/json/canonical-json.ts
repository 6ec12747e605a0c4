/**
 * RFC 8785 (JSON Canonicalization Scheme) serialization. Audit hashes are computed over this text, so two programs
 * that agree on the data must agree on every byte: keys sorted by UTF-16 code units, no whitespace, numbers written
 * as ECMAScript writes them, strings escaped only where JSON requires it.
 *
 * Input is read the way JSON.stringify reads it (toJSON is honoured, object members whose value is undefined are
 * left out), because a payload is hashed before it is stored as jsonb and must hash the same when read back. Anything
 * JSON.stringify would silently change or drop is refused instead, since a hash over lost data proves nothing.
 */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot canonicalize ${path}: ${reason}`);
  }
}

/**
 * Where in the value a node sits, spelled out only for an error message: every audit entry and every verified row
 * goes through here, and building each node's path text up front cost more than the serialization itself.
 */
type Path = () => string;

const ROOT: Path = () => '$';

export function canonicalJson(value: unknown): string {
  const text = serialize(value, ROOT, '', new Set());
  if (text === undefined) throw new CanonicalJsonError('$', 'undefined is not JSON');
  return text;
}

/** Returns undefined for a value that an enclosing object leaves out. */
function serialize(value: unknown, path: Path, key: string, ancestors: Set<object>): string | undefined {
  const json = withToJson(value, key);
  switch (typeof json) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return json ? 'true' : 'false';
    case 'number':
      return serializeNumber(json, path);
    case 'string':
      return serializeString(json, path);
    case 'object':
      return json === null ? 'null' : serializeContainer(json, path, ancestors);
    default:
      throw new CanonicalJsonError(path(), `a ${typeof json} is not JSON`);
  }
}

function withToJson(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

function serializeNumber(value: number, path: Path): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(path(), `${value} is not a finite number`);
  // Number#toString is the algorithm RFC 8785 §3.2.2.3 prescribes, and it already writes -0 as "0".
  return String(value);
}

function serializeString(value: string, path: Path): string {
  // I-JSON (RFC 7493), which RFC 8785 builds on, forbids lone surrogates; they would also reach UTF-8 as U+FFFD, so
  // two different strings would hash alike.
  if (!value.isWellFormed()) throw new CanonicalJsonError(path(), 'the string contains a lone surrogate');
  // For well-formed strings JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 asks: " and \, \b \t \n \f \r,
  // other controls as lowercase \u00xx, and nothing else.
  return JSON.stringify(value);
}

function serializeContainer(value: object, path: Path, ancestors: Set<object>): string {
  refuseLossyObject(value, path);
  if (ancestors.has(value)) throw new CanonicalJsonError(path(), 'the value contains a cycle');
  ancestors.add(value);
  try {
    return Array.isArray(value) ? serializeArray(value, path, ancestors) : serializeObject(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function refuseLossyObject(value: object, path: Path): void {
  if (value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet) {
    throw new CanonicalJsonError(path(), `a ${value.constructor.name} would serialize as {}`);
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    throw new CanonicalJsonError(path(), 'binary data has no JSON form; encode it as a string first');
  }
}

function serializeArray(items: readonly unknown[], path: Path, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const itemPath: Path = () => `${path()}[${index}]`;
    const text = serialize(items[index], itemPath, String(index), ancestors);
    // JSON.stringify would write null here, turning "nothing" into a value the author never wrote.
    if (text === undefined) throw new CanonicalJsonError(itemPath(), 'undefined inside an array is not JSON');
    parts.push(text);
  }
  return `[${parts.join(',')}]`;
}

function serializeObject(object: object, path: Path, ancestors: Set<object>): string {
  const members: string[] = [];
  // sort() without a comparator orders strings by UTF-16 code units, as compareUtf16 does, natively.
  for (const key of Object.keys(object).sort()) {
    const memberPath: Path = () => `${path()}.${key}`;
    const text = serialize((object as Record<string, unknown>)[key], memberPath, key, ancestors);
    if (text !== undefined) members.push(`${serializeString(key, memberPath)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/** RFC 8785 §3.2.3 orders keys by their UTF-16 code units, which is what JavaScript's < compares. */
export function compareUtf16(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
