// Mutations of zip containers (DOCX, .qdpx) below what JSZip would write: entries deleted, renamed
// (also out of the archive, ../../x), declared sizes that lie (4 GB declared for a few bytes, or a
// few bytes declared for what inflates to hundreds of MB), and a bomb entry: a few hundred KB that
// inflate to 300 MB. The archive is written by hand so the sizes can lie.
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import type { Rand } from './mutate';

interface RawEntry {
  name: string;
  /** Stored bytes (deflated when method is 8). */
  data: Uint8Array;
  crc: number;
  size: number;
  method: 0 | 8;
  /** Uncompressed size written in the headers, when it is to lie. */
  declared?: number;
}

const int = (rand: Rand, n: number) => Math.floor(rand() * n);

function writeZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declared ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(size >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function entryOf(name: string, bytes: Uint8Array): RawEntry {
  return { name, data: new Uint8Array(deflateRawSync(bytes)), crc: crc32(bytes), size: bytes.length, method: 8 };
}

let bomb: RawEntry | null = null;
/** 300 MB of spaces inside an XML element, deflated once (about 300 KB) and reused. */
function bombEntry(name: string): RawEntry {
  if (!bomb) {
    const size = 300 * 1024 * 1024;
    const head = Buffer.from('<?xml version="1.0" encoding="utf-8"?><Project name="bomb"><Description>');
    const body = Buffer.alloc(size - head.length, 0x20);
    const all = Buffer.concat([head, body]);
    bomb = { name, data: new Uint8Array(deflateRawSync(all, { level: 9 })), crc: crc32(all), size: all.length, method: 8 };
  }
  return { ...bomb, name };
}

/** Mutations of the archive's entry list; `pick` chooses the entry a mutation applies to. */
export async function mutateZipEntries(seed: Uint8Array, rand: Rand): Promise<{ bytes: Uint8Array; how: string }> {
  const zip = await JSZip.loadAsync(seed);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  const entries: RawEntry[] = [];
  for (const f of files) entries.push(entryOf(f.name, await f.async('uint8array')));
  const main = entries.findIndex((e) => /project\.qde$|word\/document\.xml$/.test(e.name));
  const at = main >= 0 && rand() < 0.6 ? main : int(rand, entries.length);
  const kinds = ['delete', 'rename', 'traversal', 'declaredHuge', 'declaredTiny', 'bomb', 'duplicate', 'stored'];
  const kind = kinds[int(rand, kinds.length)];
  const e = entries[at];
  switch (kind) {
    case 'delete':
      entries.splice(at, 1);
      break;
    case 'rename':
      e.name = `${e.name}.renamed`;
      break;
    case 'traversal':
      entries.push({ ...entryOf(`../../../tmp/policylens-fuzz-escape-${int(rand, 1e6)}.txt`, new TextEncoder().encode('escaped')) });
      e.name = rand() < 0.5 ? `/${e.name}` : `sources/../../${e.name}`;
      break;
    case 'declaredHuge':
      e.declared = 0xfffffff0;
      break;
    case 'declaredTiny':
      e.declared = 1;
      break;
    case 'bomb':
      entries[at] = bombEntry(e.name);
      break;
    case 'duplicate':
      entries.push({ ...e });
      break;
    case 'stored':
      // Stored (not deflated) with its real bytes: a reader must not assume method 8.
      entries[at] = { ...e, method: 0, data: await files[at].async('uint8array') };
      break;
  }
  return { bytes: writeZip(entries), how: `zipentry:${kind}:${e.name}` };
}
