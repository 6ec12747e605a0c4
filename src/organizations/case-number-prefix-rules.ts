import type { OrganizationKind } from './organization-kind';

/** Case numbers read `LY-2026-000123`: the prefix is 2–6 capital letters A–Z and unique across organizations. */
export const CASE_NUMBER_PREFIX_PATTERN = /^[A-Z]{2,6}$/;

export const PREFIX_ATTEMPTS = 20;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHORT_ATTEMPTS = 10;

/** Returns an integer in [0, maxExclusive); injected so that tests can choose the letters. */
export type RandomInt = (maxExclusive: number) => number;

/**
 * One candidate prefix for an organization that did not choose its own: U (union) or C (court) and random letters,
 * so a clerk can tell the kind from a case number. The first attempts try four letters; later ones six, where a
 * collision is practically impossible, so the caller's retry loop always ends.
 */
export function prefixCandidate(kind: OrganizationKind, attempt: number, randomInt: RandomInt): string {
  const length = attempt < SHORT_ATTEMPTS ? 4 : 6;
  let prefix = kind === 'UNION' ? 'U' : 'C';
  while (prefix.length < length) prefix += LETTERS[randomInt(LETTERS.length)];
  return prefix;
}
