import { DomainError } from '../common/errors/domain-error';
import { parseIfMatch } from './case-event.errors';

describe('parseIfMatch', () => {
  it('reads the version from a quoted, weak or bare tag', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
  });

  it('treats a missing header or * as no version precondition', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('refuses anything else as a validation error on If-Match', () => {
    for (const bad of ['"abc"', '"3", "4"', '-1']) {
      expect(() => parseIfMatch(bad)).toThrow(DomainError);
    }
  });
});
