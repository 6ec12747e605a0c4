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
 * Where the walk is: the keys and indexes down to the current node, and the containers enclosing it (to refuse a
 * cycle). Every audit entry and every verified row goes through here, so the path is kept as a stack and spelled out
 * only for an error message: a closure or a Set entry per node cost more than the serialization itself.
 */
class Walk {
  readonly keys: (string | number)[] = [];
  readonly ancestors: object[] = [];

  error(reason: string): CanonicalJsonError {
    return new CanonicalJsonError(this.keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`), '$'), reason);
  }
}

export function canonicalJson(value: unknown): string {
  const walk = new Walk();
  const text = serialize(value, '', walk);
  if (text === undefined) throw walk.error('undefined is not JSON');
  return text;
}

/** Returns undefined for a value that an enclosing object leaves out. */
function serialize(value: unknown, key: string, walk: Walk): string | undefined {
  const json = withToJson(value, key);
  switch (typeof json) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return json ? 'true' : 'false';
    case 'number':
      return serializeNumber(json, walk);
    case 'string':
      return serializeString(json, walk);
    case 'object':
      return json === null ? 'null' : serializeContainer(json, walk);
    default:
      throw walk.error(`a ${typeof json} is not JSON`);
  }
}

function withToJson(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

function serializeNumber(value: number, walk: Walk): string {
  if (!Number.isFinite(value)) throw walk.error(`${value} is not a finite number`);
  // Number#toString is the algorithm RFC 8785 §3.2.2.3 prescribes, and it already writes -0 as "0".
  return String(value);
}

// Most strings hold nothing JSON escapes, and quoting those by hand costs a third of a call to JSON.stringify. The
// class lists UTF-16 code units: everything but the controls below U+0020, " and \, and the surrogates, which (paired
// or not) take the checked path.
const NOTHING_TO_ESCAPE = /^[\u0020\u0021\u0023-\u005b\u005d-\ud7ff\ue000-\uffff]*$/;

function serializeString(value: string, walk: Walk): string {
  if (NOTHING_TO_ESCAPE.test(value)) return `"${value}"`;
  // I-JSON (RFC 7493), which RFC 8785 builds on, forbids lone surrogates; they would also reach UTF-8 as U+FFFD, so
  // two different strings would hash alike.
  if (!value.isWellFormed()) throw walk.error('the string contains a lone surrogate');
  // For well-formed strings JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 asks: " and \, \b \t \n \f \r,
  // other controls as lowercase \u00xx, and nothing else.
  return JSON.stringify(value);
}

function serializeContainer(value: object, walk: Walk): string {
  refuseLossyObject(value, walk);
  if (walk.ancestors.includes(value)) throw walk.error('the value contains a cycle');
  walk.ancestors.push(value);
  const text = Array.isArray(value) ? serializeArray(value, walk) : serializeObject(value, walk);
  walk.ancestors.pop();
  return text;
}

function refuseLossyObject(value: object, walk: Walk): void {
  if (value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet) {
    throw walk.error(`a ${value.constructor.name} would serialize as {}`);
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    throw walk.error('binary data has no JSON form; encode it as a string first');
  }
}

function serializeArray(items: readonly unknown[], walk: Walk): string {
  let text = '[';
  for (let index = 0; index < items.length; index += 1) {
    walk.keys.push(index);
    const item = serialize(items[index], String(index), walk);
    // JSON.stringify would write null here, turning "nothing" into a value the author never wrote.
    if (item === undefined) throw walk.error('undefined inside an array is not JSON');
    walk.keys.pop();
    text += index === 0 ? item : `,${item}`;
  }
  return `${text}]`;
}

function serializeObject(object: object, walk: Walk): string {
  let text = '';
  for (const key of sortedKeys(object)) {
    walk.keys.push(key);
    const member = serialize((object as Record<string, unknown>)[key], key, walk);
    if (member !== undefined) text += `${text === '' ? '' : ','}${serializeString(key, walk)}:${member}`;
    walk.keys.pop();
  }
  return `{${text}}`;
}

/**
 * sort() without a comparator orders strings by UTF-16 code units, as compareUtf16 does, natively. Objects built in
 * that order (an audit row's fields) skip the sort: the check is a fraction of its cost.
 */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  for (let index = 1; index < keys.length; index += 1) {
    if (keys[index - 1] > keys[index]) return keys.sort();
  }
  return keys;
}

/** RFC 8785 §3.2.3 orders keys by their UTF-16 code units, which is what JavaScript's < compares. */
export function compareUtf16(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
