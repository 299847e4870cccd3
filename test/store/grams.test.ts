// The PostgreSQL search keys (electron/backend/db/pg/grams.ts): what the index lookups rely on
// to never miss a clause — a term's keys are among the keys of every text containing it, and a
// term's level key among those of every text holding it that often.
import { describe, expect, it } from 'vitest';
import { MAX_LEVEL, gramKeys, termKeys, termLevelKey } from '../../electron/backend/db/pg/grams';
import { prng } from '../support/random';

const holdsAll = (text: string, keys: number[]) => {
  const have = new Set(gramKeys(text));
  return keys.every((k) => have.has(k));
};
const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;

describe('PostgreSQL search keys', () => {
  it('a text holds the keys of every substring of it, whatever its length', () => {
    const rnd = prng(7);
    const alphabet = [...'企业人才法第条的了常aA1（）〔〕😀 '];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const cps = Array.from(text);
      const at = Math.floor(rnd() * cps.length);
      const term = cps.slice(at, at + 1 + Math.floor(rnd() * 30)).join('');
      expect(holdsAll(text, termKeys(term)), `${text} ∋ ${term}`).toBe(true);
    }
  });

  it('a text holding a term n times holds its level key for n, up to the highest level', () => {
    const rnd = prng(11);
    const alphabet = [...'企业常法人'];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 80) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      for (const term of ['常', '企业', '常常', '企业常']) {
        const n = occurrences(text, term);
        for (let t = 2; t <= n + 1; t++) {
          const key = termLevelKey(term, t)!;
          if (t <= n) expect(holdsAll(text, [key]), `${text}: ${term} ×${t}`).toBe(true);
        }
      }
    }
    expect(termLevelKey('常', 1)).toBeNull();
    expect(holdsAll('常'.repeat(100), [termLevelKey('常', 1000)!])).toBe(true);
    expect(termLevelKey('常', 1000)).toBe(termLevelKey('常', MAX_LEVEL));
  });
});
