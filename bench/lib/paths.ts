import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout: the bench runs compiled from dist/bench/, so paths are found upward rather than counted. */
function findRepoRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench', 'tsconfig.json'))) return dir;
  }
  throw new Error(`No checkout above ${start}`);
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
