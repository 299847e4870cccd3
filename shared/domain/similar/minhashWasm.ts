// The SIMD MinHash loop (minhash.wat, compiled by build/minhash-wasm.ts), instantiated on first use.
// Where WebAssembly or its SIMD instructions are missing, or a page's content security policy
// forbids compiling it, minhashIds returns null and minhash.ts runs its JS loop: same signatures.

const MODULE_BASE64 =
  'AGFzbQEAAAABBQFgAX8AAwIBAAUDAQABBxQCBm1lbW9yeQIAB21pbmhhc2gAAArcAQHZAQIDfwN7QYAEIABBAnRqIQNBACEBA0AgAf0ABAAhBP0M/////////////////////yEGQYAEIQICQANAIAIgA08NASACKAIA/REgBP1RIQUgBSAFQRD9rQH9USEFIAX9DGvK64VryuuFa8rrhWvK64X9tQEhBSAFIAVBDf2tAf1RIQUgBf0MNa6ywjWussI1rrLCNa6ywv21ASEFIAUgBUEQ/a0B/VEhBSAGIAX9twEhBiACQQRqIQIMAAsLIAFBgAJqIAb9CwQAIAFBEGohASABQYACSQ0ACws=';

/** The module's bytes (the unit test compares them with a fresh compilation of minhash.wat). */
export function minhashModuleBytes(): Uint8Array<ArrayBuffer> {
  const binary = atob(MODULE_BASE64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const SEEDS_AT = 0;
const SIGNATURE_AT = 256;
const IDS_AT = 512;
const PAGE = 65536;

interface Loaded {
  memory: WebAssembly.Memory;
  run: (n: number) => void;
}
/** undefined: not tried yet; null: not available here. */
let loaded: Loaded | null | undefined;

function load(seeds: Uint32Array): Loaded | null {
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(minhashModuleBytes()), {});
    const memory = instance.exports.memory as WebAssembly.Memory;
    new Uint32Array(memory.buffer, SEEDS_AT, seeds.length).set(seeds);
    return { memory, run: instance.exports.minhash as (n: number) => void };
  } catch {
    return null;
  }
}

/**
 * The signature of `n` distinct shingle ids under `seeds` (64 of them), or null where the module
 * cannot run. `seeds` must be the same array at every call: they are copied in once.
 */
export function minhashIds(seeds: Uint32Array, ids: Uint32Array, n: number): Uint32Array | null {
  if (loaded === undefined) loaded = typeof WebAssembly === 'object' ? load(seeds) : null;
  if (!loaded) return null;
  const need = IDS_AT + 4 * n;
  if (loaded.memory.buffer.byteLength < need) loaded.memory.grow(Math.ceil((need - loaded.memory.buffer.byteLength) / PAGE));
  new Uint32Array(loaded.memory.buffer, IDS_AT, n).set(ids.subarray(0, n));
  loaded.run(n);
  return new Uint32Array(loaded.memory.buffer.slice(SIGNATURE_AT, SIGNATURE_AT + 4 * seeds.length));
}
