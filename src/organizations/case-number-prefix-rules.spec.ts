import { CASE_NUMBER_PREFIX_PATTERN, PREFIX_ATTEMPTS, prefixCandidate, RandomInt } from './case-number-prefix-rules';

function sequence(...values: number[]): RandomInt {
  let i = 0;
  return () => values[i++ % values.length];
}

describe(prefixCandidate.name, () => {
  it('starts with U for a union and C for a court', () => {
    expect(prefixCandidate('UNION', 0, sequence(0))).toBe('UAAA');
    expect(prefixCandidate('COURT', 0, sequence(25, 1, 2))).toBe('CZBC');
  });

  it('switches to six letters after the first ten collisions', () => {
    expect(prefixCandidate('UNION', 9, sequence(3))).toHaveLength(4);
    expect(prefixCandidate('UNION', 10, sequence(3))).toBe('UDDDDD');
  });

  it('always yields a valid prefix, whatever the random source returns', () => {
    for (let attempt = 0; attempt < PREFIX_ATTEMPTS; attempt++) {
      for (const kind of ['UNION', 'COURT'] as const) {
        const candidate = prefixCandidate(kind, attempt, (max) => Math.floor(Math.random() * max));
        expect(candidate).toMatch(CASE_NUMBER_PREFIX_PATTERN);
      }
    }
  });
});
