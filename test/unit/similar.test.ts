import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bandKeys,
  estimatedJaccard,
  minhash,
  rankSimilar,
  shingles,
  signatureFromBytes,
  signatureOfText,
  signatureSize,
  signatureToBytes,
} from '../../shared/domain/similar';

const text1 = '实施大学生创业引领计划，落实高校毕业生自主创业的税费减免、小额担保贷款等扶持政策。';
const text2 = '实施大学生创业引领计划，落实高校毕业生创业的税费减免和创业担保贷款扶持政策。';
const text3 = '加强海洋生态环境保护，开展近岸海域综合整治和岸线修复。';

describe('MinHash signatures', () => {
  it('agree fully on the same text, much on a close one, little on an unrelated one', () => {
    const s1 = minhash(shingles(text1));
    expect(estimatedJaccard(s1, minhash(shingles(text1)))).toBe(1);
    const close = estimatedJaccard(s1, minhash(shingles(text2)));
    const far = estimatedJaccard(s1, minhash(shingles(text3)));
    expect(close).toBeGreaterThan(0.3);
    expect(far).toBeLessThan(0.15);
  });

  it('gives close texts a shared LSH band key, with keys exact as JavaScript numbers', () => {
    const k1 = bandKeys(minhash(shingles(text1)));
    const k2 = new Set(bandKeys(minhash(shingles(text2))));
    expect(k1.some((k) => k2.has(k))).toBe(true);
    expect(k1.every((k) => Number.isSafeInteger(k))).toBe(true);
  });

  it('ignores agency notes, so two measures are not similar for naming the same bureau', () => {
    const a = shingles('开展城市绿化行动。(责任部门:市财政局)');
    expect([...a].some((s) => s.includes('财政'))).toBe(false);
  });

  it('signatureOfText gives minhash(shingles(text)) exactly: generated text with surrogates, digits, repeats, and real clauses', () => {
    // A small alphabet so bigrams repeat; astral characters, lone surrogates, digits and punctuation split runs.
    const alphabet = ['企', '业', '创', '新', '𠀋', '𡈽', '\ud800', '\udc00', '1', '2', '.', '，', ' ', 'A', 'é', '(', ')', '市', '局'];
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
    const texts = [''];
    for (let i = 0; i < 400; i++) texts.push(Array.from({ length: Math.floor(next() * 120) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    const dir = join(__dirname, '../fixtures/align-real/docs');
    for (const f of readdirSync(dir).slice(0, 6)) texts.push(...readFileSync(join(dir, f), 'utf8').split(/\n+/u));
    // Longer than the reused buffer's first size: it grows. Random CJK text with more distinct
    // bigrams than the buffer keeps (65,536) and than the SIMD module takes (262,144: the JS loop).
    texts.push('企业创新发展'.repeat(3000));
    const randomCjk = (n: number) => String.fromCharCode(...Array.from({ length: n }, () => 0x4e00 + Math.floor(next() * 4000)));
    texts.push(Array.from({ length: 10 }, () => randomCjk(10_000)).join(''), Array.from({ length: 32 }, () => randomCjk(10_000)).join(''));
    for (const text of texts) expect(Array.from(signatureOfText(text))).toEqual(Array.from(minhash(shingles(text))));
  });

  it('round-trips through bytes and refuses a blob of the wrong size', () => {
    const s = minhash(shingles(text1));
    expect(Array.from(signatureFromBytes(signatureToBytes(s)))).toEqual(Array.from(s));
    expect(() => signatureFromBytes(new Uint8Array(signatureSize))).toThrow(/must be/);
  });
});

describe('rankSimilar', () => {
  it('ranks the counterpart first and leaves unrelated clauses out', () => {
    const ranked = rankSimilar({ id: 1, kind: 'measure', text: text1 }, [
      { id: 3, kind: 'measure', text: text3 },
      { id: 2, kind: 'measure', text: text2 },
    ]);
    expect(ranked[0].id).toBe(2);
    expect(ranked.some((r) => r.id === 3)).toBe(false);
  });
});
