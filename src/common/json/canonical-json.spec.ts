import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from './canonical-json';

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe(canonicalJson.name, () => {
  describe('RFC 8785 examples', () => {
    it('canonicalizes the §3.2.2 sample: sorted keys, ES numbers, minimal string escapes', () => {
      const input = JSON.parse(
        '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
          ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
          ' "literals": [null, true, false]}',
      ) as unknown;
      expect(canonicalJson(input)).toBe(
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
          '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
      );
    });

    it('orders the §3.2.3 keys by UTF-16 code units, so an emoji sorts before U+FB33', () => {
      const input = {
        '\u20ac': 'Euro Sign',
        '\r': 'Carriage Return',
        '\ufb33': 'Hebrew Letter Dalet With Dagesh',
        '1': 'One',
        '\ud83d\ude00': 'Emoji: Grinning Face',
        '\u0080': 'Control',
        '\u00f6': 'Latin Small Letter O With Diaeresis',
      };
      expect(canonicalJson(input)).toBe(
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
          '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
      );
    });

    it.each([
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ])('writes the IEEE-754 value %s as %s (Appendix B)', (bits, expected) => {
      expect(canonicalJson(fromBits(bits))).toBe(expected);
    });

    it('switches to exponent form at 1e21 and below 1e-6', () => {
      expect(canonicalJson([1e20, 1e21, 1e-6, 1e-7])).toBe('[100000000000000000000,1e+21,0.000001,1e-7]');
    });
  });

  describe('strings', () => {
    it('keeps Chinese text and other non-ASCII characters literal', () => {
      expect(canonicalJson({ 案由: '拖欠工资（2026）吉0402民初1234号', name: '张三' })).toBe(
        '{"name":"张三","案由":"拖欠工资（2026）吉0402民初1234号"}',
      );
    });

    it('escapes control characters with the short forms or lowercase \\u00xx, and leaves DEL and U+2028 alone', () => {
      expect(canonicalJson('\b\t\n\f\r\u0000\u001f\u007f\u2028')).toBe('"\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\u2028"');
    });

    it('quotes every well-formed string exactly as JSON.stringify does, whether or not it holds something to escape', () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', 'a', '张'), fc.string({ unit: 'binary' })) }), (text) => {
          expect(canonicalJson(text)).toBe(JSON.stringify(text));
        }),
      );
    });

    it('keeps surrogate pairs and refuses a lone surrogate, which UTF-8 cannot carry', () => {
      expect(canonicalJson('😀')).toBe('"😀"');
      expect(() => canonicalJson({ note: 'a\ud83d' })).toThrow(CanonicalJsonError);
      expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow(CanonicalJsonError);
    });
  });

  describe('structure', () => {
    it('sorts nested keys and writes no whitespace', () => {
      expect(canonicalJson({ b: [{ z: 1, a: { y: null, x: true } }], a: '' })).toBe(
        '{"a":"","b":[{"a":{"x":true,"y":null},"z":1}]}',
      );
    });

    it('sorts an object whose keys are in order but for the last one', () => {
      expect(canonicalJson({ a: 1, b: 2, d: 4, c: 3 })).toBe('{"a":1,"b":2,"c":3,"d":4}');
    });

    it('leaves out object members that are undefined, as JSON.stringify does', () => {
      expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    });

    it('uses toJSON, so a Date hashes as the ISO text it is stored as', () => {
      expect(canonicalJson({ at: new Date('2026-09-15T17:30:00.120Z') })).toBe('{"at":"2026-09-15T17:30:00.120Z"}');
    });

    it('reads class instances by their own enumerable members', () => {
      class Amount {
        constructor(readonly value: string) {}
      }
      expect(canonicalJson(new Amount('12800.00'))).toBe('{"value":"12800.00"}');
    });
  });

  describe('refusals', () => {
    it.each([
      ['NaN', NaN, '$'],
      ['Infinity', Infinity, '$'],
      ['-Infinity inside an object', { a: -Infinity }, '$.a'],
      ['undefined at the top', undefined, '$'],
      ['undefined inside an array', [1, undefined], '$[1]'],
      ['a hole in an array', Object.assign(new Array(3), { 0: 1, 2: 3 }), '$[1]'],
      ['a function', { f: () => 1 }, '$.f'],
      ['a bigint', { seq: 1n }, '$.seq'],
      ['a symbol', [Symbol('x')], '$[0]'],
      ['a Map', { m: new Map([['a', 1]]) }, '$.m'],
      ['a Set', new Set([1]), '$'],
      ['binary data', { b: Buffer.from('x').buffer }, '$.b'],
    ])('refuses %s and names where it is', (_label, value, path) => {
      expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ name: 'CanonicalJsonError', path }));
    });

    it('refuses a cycle but accepts the same object twice side by side', () => {
      const shared = { a: 1 };
      expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
    });
  });

  describe('properties', () => {
    it('parses back to the same JSON value and is idempotent', () => {
      fc.assert(
        fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (value) => {
          const text = canonicalJson(value);
          expect(canonicalJson(JSON.parse(text))).toBe(text);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        }),
      );
    });

    it('does not depend on the order in which keys were inserted', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue()), (object) => {
          const reversed = Object.fromEntries(Object.entries(object).reverse());
          expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        }),
      );
    });
  });
});
