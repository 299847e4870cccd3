// Mutations of a seed file for the fuzz harness, driven by a seeded PRNG so a run can be repeated.
// Byte-level mutations for every format; for zip containers (DOCX) also mutations of an entry
// inside the zip, re-zipped, since a byte flip in a zip mostly just fails its CRC check.
import JSZip from 'jszip';
import { mutateZipEntries } from './mutate-zip';

export type Rand = () => number;

const int = (rand: Rand, n: number) => Math.floor(rand() * n);

function randomBytes(rand: Rand, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = int(rand, 256);
  return b;
}

const concatAll = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
const concat = (...parts: Uint8Array[]) => concatAll(parts);

/** Named byte mutations; each returns a new array. */
export const byteMutations: Record<string, (b: Uint8Array, rand: Rand) => Uint8Array> = {
  bitflips(b, rand) {
    const out = b.slice();
    const k = 1 + int(rand, 20);
    for (let i = 0; i < k && out.length; i++) out[int(rand, out.length)] ^= 1 << int(rand, 8);
    return out;
  },
  overwrite(b, rand) {
    const out = b.slice();
    const at = int(rand, Math.max(1, out.length));
    out.set(randomBytes(rand, Math.min(out.length - at, 1 + int(rand, 64))), at);
    return out;
  },
  truncate: (b, rand) => b.slice(0, int(rand, Math.max(1, b.length))),
  deleteChunk(b, rand) {
    const at = int(rand, Math.max(1, b.length));
    return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(rand, 4096))));
  },
  duplicateChunk(b, rand) {
    const at = int(rand, Math.max(1, b.length));
    const chunk = b.subarray(at, at + 1 + int(rand, 4096));
    return concat(b.subarray(0, at), chunk, chunk, b.subarray(at));
  },
  insertRandom(b, rand) {
    const at = int(rand, Math.max(1, b.length));
    return concat(b.subarray(0, at), randomBytes(rand, 1 + int(rand, 256)), b.subarray(at));
  },
  /** A chunk repeated until the file is a few MB: costs that grow faster than the input show here. */
  amplify(b, rand) {
    const at = int(rand, Math.max(1, b.length));
    const chunk = b.subarray(at, at + 1 + int(rand, 2048));
    const times = Math.min(Math.floor(((1 + int(rand, 5)) * 1048576) / Math.max(1, chunk.length)), 200_000);
    const parts: Uint8Array[] = [b.subarray(0, at)];
    for (let i = 0; i < times; i++) parts.push(chunk);
    parts.push(b.subarray(at));
    return concatAll(parts);
  },
  /** Line breaks removed: one long line. */
  oneLine: (b) => b.filter((x) => x !== 0x0a && x !== 0x0d),
};

const names = Object.keys(byteMutations);

const enc = new TextEncoder();
const guid = (rand: Rand) => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => int(rand, 16).toString(16));

/**
 * Deep nesting in the format's own syntax, balanced or left open, inserted at a random place:
 * parsers that recurse per level overflow their stack here.
 */
export function deepNest(b: Uint8Array, rand: Rand, kind: string): Uint8Array {
  const depth = [1000, 10_000, 100_000][int(rand, 3)];
  const text = new TextDecoder().decode(b);
  const open = rand() < 0.5;
  let nest: string;
  let at = int(rand, Math.max(1, b.length));
  if (kind === 'qde' && text.includes('<Codes>')) {
    // Codes inside codes, each a valid code: the codebook is a tree read recursively.
    nest =
      Array.from({ length: Math.min(depth, 20_000) }, (_, i) => `<Code guid="${guid(rand)}" name="c${i}" isCodable="true">`).join('') +
      (open ? '' : '</Code>'.repeat(Math.min(depth, 20_000)));
    at = enc.encode(text.slice(0, text.indexOf('<Codes>') + '<Codes>'.length)).length;
  } else {
    const unit = (
      {
        html: ['<div>', '</div>'],
        htm: ['<div><span>', '</span></div>'],
        xml: ['<w:p><w:r>', '</w:r></w:p>'],
        qde: ['<Text>', '</Text>'],
        md: ['> ', ''],
        pdf: ['[', ']'],
        txt: ['（', '）'],
      } as Record<string, [string, string]>
    )[kind] ?? ['(', ')'];
    nest = unit[0].repeat(depth) + (kind === 'pdf' && rand() < 0.5 ? '<<'.repeat(depth) : '') + '正文' + (open ? '' : unit[1].repeat(depth));
  }
  return concat(b.subarray(0, at), enc.encode(nest), b.subarray(at));
}

export function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b;
}

/** One mutation of `seed` (a file of extension `ext`); `other` (a seed of the same format) is used for splicing. */
export async function mutate(seed: Uint8Array, other: Uint8Array, rand: Rand, ext = ''): Promise<{ bytes: Uint8Array; how: string }> {
  const kind = ext.replace(/^\./, '');
  if (isZip(seed) && rand() < 0.3) return mutateZipEntries(seed, rand);
  if (isZip(seed) && rand() < 0.6) {
    const zip = await JSZip.loadAsync(seed);
    const entries = Object.values(zip.files).filter((f) => !f.dir);
    const xml = entries.filter((e) => /document\.xml$|numbering\.xml$|styles\.xml$|project\.qde$/.test(e.name));
    const entry = (xml.length && rand() < 0.7 ? xml : entries)[int(rand, xml.length && rand() < 0.7 ? xml.length : entries.length)] ?? entries[0];
    const inner = await entry.async('uint8array');
    const nest = rand() < 0.15;
    const name = nest ? 'deepNest' : names[int(rand, names.length)];
    const mutated = nest ? deepNest(inner, rand, entry.name.endsWith('.qde') ? 'qde' : 'xml') : byteMutations[name](inner, rand);
    zip.file(entry.name, mutated);
    return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), how: `zip:${entry.name}:${name}` };
  }
  if (rand() < 0.1) {
    const a = int(rand, Math.max(1, seed.length));
    const c = int(rand, Math.max(1, other.length));
    return { bytes: concat(seed.subarray(0, a), other.subarray(c)), how: 'splice' };
  }
  if (!isZip(seed) && rand() < 0.1) return { bytes: deepNest(seed, rand, kind), how: 'deepNest' };
  const name = names[int(rand, names.length)];
  let bytes = byteMutations[name](seed, rand);
  // Sometimes two mutations stack.
  let how = name;
  if (rand() < 0.25) {
    const second = names[int(rand, names.length)];
    if (second !== 'amplify' || name !== 'amplify') {
      bytes = byteMutations[second](bytes, rand);
      how += `+${second}`;
    }
  }
  return { bytes, how };
}
