import fc from 'fast-check';

/** 100,000 characters: far over every documented maximum, well under the 1 MiB body limit. */
export const HUGE = 'x'.repeat(100_000);

export const UNICODE = [
  '👩‍👩‍👧‍👦🇨🇳',
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\u202Eلا إله\u202C',
  'שלום עולם',
  'nul\u0000byte',
  '\u0000',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
  '１２３４５６',
  '２０２６－０９－１６',
  '\u200B\u200B',
  '\uFEFF',
  '   ',
  '\t\n\r',
  'Ω≈ç√∫˜µ≤≥÷',
  "'; DROP TABLE cases; --",
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
];

export const BAD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-09-31',
  '',
  'yesterday',
  'today',
  '0000-01-01',
  '0001-01-01',
  '1900-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '2026-9-1',
  '20260916',
  '2026-09-16T25:00:00Z',
  '2026-09-16T10:00:00',
  '2026-09-16T10:00:00+99:00',
  '2026-02-29',
  '2026-09-16 ',
  '２０２６-０９-１６',
  '1970-01-01T00:00:00Z',
  '2100-01-01T00:00:00Z',
  'Invalid Date',
  'NaN',
];

export const BAD_AMOUNTS = ['-1', '-0.01', '0', '0.00', '1e5', '1E+5', '18600.001', '0.1234567', 'NaN', 'Infinity', '-Infinity', '１８６００', '999999999999.99', '9999999999999', '1,000.00', ' 100 ', '.5', '5.', '0x10', '1_000'];

export const BAD_NUMBERS: unknown[] = [-1, 0, -0, 0.5, 1e9, 1e21, -1e21, Number.MAX_SAFE_INTEGER, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, 1.7976931348623157e308, 5e-324, '1', '1e9', 'NaN', 'abc'];

export const BAD_UUIDS = ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '{5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11}', '5b0c3c526f0e4d7a9d431f1f8f0f8a11', '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a1', '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11x', '1', '-1', 'null', 'undefined'];

const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, '', [], {}, [1, 2], [null], { $gt: '' }, ['a', 'b'], [{}]];

/** Anything a careless or hostile client might put where a field's value goes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WRONG_TYPES),
  fc.constantFrom(HUGE, ...UNICODE),
  fc.constantFrom(...BAD_DATES),
  fc.constantFrom(...BAD_AMOUNTS),
  fc.constantFrom(...BAD_NUMBERS),
  fc.constantFrom(...BAD_UUIDS),
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Strings for path and query positions; encoded by the caller. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(HUGE, ...UNICODE, ...BAD_DATES, ...BAD_AMOUNTS, ...BAD_UUIDS, '-1', '0', '1e9', '1.5', 'NaN', 'true', '[]', '{}', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.uuid(),
);

export const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'version', 'organizationId', 'role', 'admin', 'isAdmin', 'createdAt', 'state', 'x'.repeat(300), '', '🙂', 'a.b', '$where'];

/** Bodies that are not the JSON object any endpoint takes: read as JSON but of another shape, or not JSON at all. */
export const RAW_BODIES = [
  '[]',
  '"text"',
  '42',
  'null',
  'true',
  '{',
  '{"a":}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '{"a":1,}',
  'NaN',
  '{"amount": NaN}',
  '{"n": 1e309}',
  '{"n": -1e309}',
  '\u0000',
  '\uFEFF{}',
  ' ',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
  JSON.stringify(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]))),
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
];

export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/JSON',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/vnd.api+json',
  '*/*',
  'application/json;;;',
  'garbage',
  '',
];

/** Header values stay printable latin-1: Node refuses anything else before it reaches the service. */
const headerText = fc.oneof(
  fc.constantFrom('', ' ', '*', '"', '""', '"-1"', '"0"', '"1"', 'W/"1"', '"99999999999999999999"', '"1.5"', '"abc"', 'null', '1', '"1", "2"', 'x'.repeat(10_000), 'Ã©Ã¤Ã¶', '\u00ff\u00fe'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 200 }),
);

export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'if-match': headerText,
    'idempotency-key': fc.oneof(headerText, fc.uuid(), fc.constant('k'.repeat(300))),
    'x-request-id': headerText,
    accept: fc.constantFrom('text/html', 'application/xml', '*/*', 'application/json;q=0', 'garbage'),
    'accept-language': headerText,
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage', '::1', '999.999.999.999', '1.2.3.4, 5.6.7.8'),
    'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'garbage'),
  },
  { requiredKeys: [] },
);

export const badAuthorization = fc.constantFrom(
  'Bearer',
  'Bearer ',
  'Bearer garbage',
  'Bearer a.b.c',
  'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0.',
  'Basic YWRtaW46YWRtaW4=',
  'bearer ' + 'x'.repeat(10_000),
  'Bearer x Bearer y',
  'Token abc',
);
