import { prefersMinimalReturn } from './prefer';

describe(prefersMinimalReturn.name, () => {
  it.each([
    'return=minimal',
    'Return=Minimal',
    'return="minimal"',
    'respond-async, return=minimal',
    ' return = minimal ; foo=bar',
  ])('reads %j as asking for a minimal answer', (header) => {
    expect(prefersMinimalReturn(header)).toBe(true);
  });

  it('reads a preference repeated over several headers', () => {
    expect(prefersMinimalReturn(['respond-async', 'return=minimal'])).toBe(true);
  });

  it.each([undefined, '', 'return=representation', 'respond-async', 'return', 'minimal', 'wait=10; return=minimal', 'returns=minimal'])(
    'reads %j as not asking for one',
    (header) => {
      expect(prefersMinimalReturn(header)).toBe(false);
    },
  );
});
