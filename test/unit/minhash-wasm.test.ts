import { describe, expect, it } from 'vitest';
import { compileMinhashWat } from '../../build/minhash-wasm';
import { minhashOfDistinctIds, signatureSize } from '../../shared/domain/similar';
import { minhashModuleBytes } from '../../shared/domain/similar/minhashWasm';

describe('the SIMD MinHash module', () => {
  it('is the compilation of minhash.wat (run `npx tsx build/minhash-wasm.ts` after editing it)', async () => {
    expect(Buffer.from(minhashModuleBytes()).equals(Buffer.from(await compileMinhashWat()))).toBe(true);
  });

  it('gives the JS loop’s signature bit for bit: no ids, one, ids with the top bit set, and thousands', () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const cases: number[][] = [[], [0], [0xffffffff], [0x80000000, 0x7fffffff, 1]];
    for (const n of [3, 17, 64, 1000, 70_000]) cases.push(Array.from({ length: n }, next));
    for (const ids of cases) {
      const array = Uint32Array.from(ids);
      const simd = minhashOfDistinctIds(array, array.length);
      expect(simd).toHaveLength(signatureSize);
      expect(Array.from(simd)).toEqual(Array.from(minhashOfDistinctIds(array, array.length, false)));
    }
  });

  it('runs here (Node has WebAssembly SIMD), so the import uses it', () => {
    expect(WebAssembly.validate(minhashModuleBytes())).toBe(true);
  });
});
