// The PostgreSQL search keys (electron/backend/db/pg/grams.ts): what the index lookup relies on
// to never miss a clause — a term's keys are among the keys of every text containing it.
import { describe, expect, it } from 'vitest';
import { gramKeys, termKeys } from '../../electron/backend/db/pg/grams';
import { prng } from '../support/random';

describe('PostgreSQL search keys', () => {
  it('a text holds the keys of every substring of it, whatever its length', () => {
    const rnd = prng(7);
    const alphabet = [...'企业人才法第条的了常aA1（）〔〕😀 '];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const cps = Array.from(text);
      const at = Math.floor(rnd() * cps.length);
      const term = cps.slice(at, at + 1 + Math.floor(rnd() * 30)).join('');
      const have = new Set(gramKeys(text));
      expect(
        termKeys(term).every((k) => have.has(k)),
        `${text} ∋ ${term}`,
      ).toBe(true);
    }
  });

  it('a term absent from a text usually misses a key (the index narrows)', () => {
    expect(new Set(gramKeys('企业发展')).has(termKeys('人才')[0])).toBe(false);
    expect(termKeys('法')).toEqual(['法'.codePointAt(0)]);
    expect(termKeys('企业人才法第条的了常企业人才法第条的了常').length).toBeLessThanOrEqual(12);
  });
});
