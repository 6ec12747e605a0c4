import { parseArgs, unknownOnlyKeys } from './args';

describe(parseArgs.name, () => {
  it('splits --only into keys and refuses an option it does not know', () => {
    expect(parseArgs(['--only', 'transitions,scale']).only).toEqual(['transitions', 'scale']);
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown option --fast/);
  });
});

describe(unknownOnlyKeys.name, () => {
  it('names the keys that would select nothing', () => {
    expect(unknownOnlyKeys(['transitions', 'transition', 'scale'], ['transitions', 'scale'])).toEqual(['transition']);
    expect(unknownOnlyKeys(undefined, ['transitions'])).toEqual([]);
  });
});
