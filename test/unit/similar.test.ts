import { describe, expect, it } from 'vitest';
import { bandKeys, estimatedJaccard, minhash, rankSimilar, shingles, signatureFromBytes, signatureSize, signatureToBytes } from '../../shared/domain/similar';

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
