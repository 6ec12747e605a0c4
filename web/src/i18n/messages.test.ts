import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }` */
function flatten(dictionary: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dictionary).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value as object, `${prefix}${key}.`)),
    ),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
}

const chinese = flatten(zhCN);
const english = flatten(en);

describe('message dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(chinese).sort());
  });

  it('use the same placeholders for each key in both languages', () => {
    const mismatched = Object.keys(chinese).filter((key) => placeholders(chinese[key]).join() !== placeholders(english[key] ?? '').join());
    expect(mismatched).toEqual([]);
  });

  it('leave no word empty', () => {
    const empty = [...Object.entries(chinese), ...Object.entries(english)].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
