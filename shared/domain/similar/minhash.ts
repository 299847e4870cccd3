/**
 * MinHash signatures and LSH band keys for "where else does this appear": two clauses whose sets
 * of character shingles overlap much are likely to agree on many signature positions, and so
 * to share at least one band key. Built at import, so a query only looks up its own band keys
 * instead of scoring every clause of the corpus.
 */
import { gramRuns, substantiveText } from '../align/text';
import { minhashIds } from './minhashWasm';

/** Number of hash functions; bands × rows. */
export const signatureSize = 64;
/** Rows per band: 2 keeps clauses that share about a fifth of their shingles likely to meet. */
export const rowsPerBand = 2;
export const bandCount = signatureSize / rowsPerBand;

/** Character bigrams of the clause's substantive text (agency notes removed, digits folded). */
export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of gramRuns(substantiveText(text))) {
    const chars = Array.from(run);
    for (let i = 0; i + 2 <= chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return out;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit id for a shingle. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: turns (value xor seed) into a well-mixed 32-bit hash, one per signature position. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const seeds = Uint32Array.from({ length: signatureSize }, (_, i) => mix(0x9e3779b9 * (i + 1)));
/** The same seeds read as int32 (the same bits): XOR works on int32 anyway, and these load without conversion. */
const seeds32 = new Int32Array(seeds.buffer);

/** The signature of a set of shingles: their FNV-1a ids, each distinct id hashed once (minhashOfDistinctIds). */
export function minhash(set: Iterable<string>): Uint32Array {
  const hashed = Uint32Array.from(set, fnv1a);
  return minhashOfDistinctIds(hashed, sortDistinct(hashed, hashed.length));
}

/** Sorts ids[0, n) and moves its distinct values to the front; returns how many there are. */
function sortDistinct(ids: Uint32Array, n: number): number {
  const sorted = ids.subarray(0, n).sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k];
  return distinct;
}

/** Shingle ids of one text, reused between calls (an import signs hundreds of thousands of clauses). */
let ids = new Uint32Array(1024);

/**
 * minhash(shingles(text)), the same signature without a string or a set per shingle: each
 * bigram's FNV-1a id is computed from the run's code units, and the ids are sorted so that a
 * repeated bigram is hashed once. (Two bigrams with the same id count once in the set version too:
 * a minimum does not change by repeating a value.) The sketches of an import are most of its
 * hashing, so this is what the import workers call; test/unit/similar.test.ts checks it against
 * the plain composition on generated and real text.
 */
export function signatureOfText(text: string): Uint32Array {
  let n = 0;
  for (const run of gramRuns(substantiveText(text))) {
    // Code points of the run as [start, end) in code units: a bigram is two of them.
    let prevStart = -1;
    for (let i = 0; i < run.length;) {
      const c = run.charCodeAt(i);
      const end = c >= 0xd800 && c <= 0xdbff && i + 1 < run.length && (run.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
      if (prevStart >= 0) {
        let h = 0x811c9dc5;
        for (let k = prevStart; k < end; k++) {
          h ^= run.charCodeAt(k);
          h = Math.imul(h, 0x01000193);
        }
        if (n === ids.length) {
          const grown = new Uint32Array(n * 2);
          grown.set(ids);
          ids = grown;
        }
        ids[n++] = h;
      }
      prevStart = i;
      i = end;
    }
  }
  const sig = minhashOfDistinctIds(ids, sortDistinct(ids, n));
  // One huge clause (a book on one line) must not leave its buffer held for the rest of the process.
  if (ids.length > MAX_KEPT_IDS) ids = new Uint32Array(1024);
  return sig;
}
/** The most shingle ids whose buffer is kept between calls (256 KB). */
const MAX_KEPT_IDS = 65536;

/** Clauses with more distinct shingles than this (a whole book on one line) use the JS loop: the module's memory never shrinks. */
const SIMD_MAX_IDS = 1 << 18;

/**
 * The signature of `n` distinct shingle ids: with WebAssembly SIMD where it runs (minhashWasm.ts,
 * about three times faster: four positions per instruction), else the JS loop below. Both give
 * the same bits; `simd: false` forces the JS loop (tests compare the two).
 */
export function minhashOfDistinctIds(ids: Uint32Array, n: number, simd = true): Uint32Array {
  const fast = simd && n <= SIMD_MAX_IDS ? minhashIds(seeds, ids, n) : null;
  if (fast) return fast;
  // Unsigned order through signed comparison: v ^ 0x80000000 as int32 orders like v as uint32.
  const sig = new Uint32Array(signatureSize);
  for (let s = 0; s < signatureSize; s++) {
    const seed = seeds32[s];
    let best = 0x7fffffff;
    for (let k = 0; k < n; k++) {
      let x = ids[k] ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x ^= 0x80000000;
      if (x < best) best = x;
    }
    sig[s] = (best ^ 0x80000000) >>> 0;
  }
  return sig;
}

/** True when the clause has no shingle at all (a label, a stray character): it has no signature. */
export function isEmptySignature(sig: Uint32Array): boolean {
  return sig.every((v) => v === 0xffffffff);
}

/**
 * Buckets per band: 2^12. With a full 32-bit hash nearly every band key was a term of its own, and
 * the index's term dictionary cost ten bytes a key (as much as the clause text); 4,096 buckets
 * keep the dictionary small, and the few unrelated clauses a bucket adds (one in 4,096 per band)
 * share a single band with the query, far from the several that near-copies share.
 */
export const bucketBits = 12;

/**
 * One key per band: the band number in the high bits, a hash of the band's rows below. Keys
 * stay below 2^53, so they are exact as JavaScript numbers and as SQLite integers.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < bandCount; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rowsPerBand; r++) h = mix(h ^ sig[b * rowsPerBand + r]);
    keys.push(b * 2 ** 32 + (h >>> (32 - bucketBits)));
  }
  return keys;
}

/**
 * A signature's compact sketch: one byte per band, the top 8 bits of the band's hash (the bucket
 * bandKeys takes the top bucketBits of). Two clauses in the same bucket of a band have the same
 * byte there, so near-copies (several shared bands) are found from sketches alone; an unrelated
 * pair shares a byte in one band of 256, and six of 32 bands about once in 10^8 pairs.
 */
export function bandSketch(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(bandCount);
  for (let b = 0; b < bandCount; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rowsPerBand; r++) h = mix(h ^ sig[b * rowsPerBand + r]);
    out[b] = h >>> 24;
  }
  return out;
}

/** Share of positions on which two signatures agree: an estimate of the shingle sets' Jaccard index. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < signatureSize; i++) if (a[i] === b[i]) same++;
  return same / signatureSize;
}

/** Signatures travel as blobs: little-endian uint32s. */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(signatureSize * 4);
  const view = new DataView(out.buffer);
  sig.forEach((v, i) => view.setUint32(i * 4, v, true));
  return out;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength !== signatureSize * 4) throw new Error(`A clause signature must be ${signatureSize * 4} bytes, got ${bytes.byteLength}.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: signatureSize }, (_, i) => view.getUint32(i * 4, true));
}
