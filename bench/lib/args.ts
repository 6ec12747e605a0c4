export interface BenchArgs {
  quick: boolean;
  skipScale: boolean;
  minutes: number;
  poolSize: number | undefined;
  /** Only these scenarios (by key) and, with `scale`, the scale part: for profiling one of them. */
  only: string[] | undefined;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, skipScale: false, minutes: 30, poolSize: undefined, only: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--quick') args.quick = true;
    else if (arg === '--skip-scale') args.skipScale = true;
    else if (arg === '--minutes') args.minutes = positive(arg, value());
    else if (arg === '--pool') args.poolSize = positive(arg, value());
    else if (arg === '--only') args.only = value().split(',');
    else throw new Error(`Unknown option ${arg}; known: --quick, --skip-scale, --minutes N, --pool N, --only a,b`);
  }
  return args;
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${text}"`);
  return n;
}

/** `--only` names that select nothing: a typo or a renamed scenario would otherwise run an empty bench in silence. */
export function unknownOnlyKeys(only: readonly string[] | undefined, known: readonly string[]): string[] {
  return (only ?? []).filter((key) => !known.includes(key));
}
