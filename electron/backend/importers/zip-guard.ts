// Checks a .docx container before anything inflates it: a DOCX is a zip, and a zip can be a bomb
// (a few kilobytes that inflate to gigabytes) or not a zip at all (an old .doc, an encrypted file).
import JSZip from 'jszip';
import { badFile, unsupportedFile } from './errors';

/** Limits far above any real policy document (a 300-page DOCX has a document.xml of a few MB). */
export const ZIP_LIMITS = {
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
  /** Small entries may compress better than 100:1 legitimately (a run of spaces); only judge big ones. */
  ratioMinBytes: 1024 * 1024,
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Sizes jszip read from the central directory; not in its public types, stable across jszip 3.x. */
interface EntrySizes {
  _data?: { compressedSize?: number; uncompressedSize?: number };
}

/** Opens a DOCX's zip after checking it is one, is not encrypted, and does not declare a bomb. */
export async function openDocxZip(bytes: Uint8Array, fileName: string): Promise<JSZip> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (containsUtf16(bytes, 'EncryptionInfo')) {
      throw badFile(fileName, 'the document is password-protected (encrypted). Remove the password in Word and import it again.');
    }
    throw unsupportedFile(fileName, 'this is an old Word 97-2003 (.doc) file, not a .docx. Open it in Word or LibreOffice and save it as .docx.');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw badFile(fileName, 'it is not a Word .docx file (a .docx is a zip archive, and this file is not one).');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw badFile(fileName, `the .docx archive is damaged or truncated (${err instanceof Error ? err.message : String(err)}).`);
  }
  const doc = zip.file('word/document.xml');
  if (!doc) throw badFile(fileName, 'it is a zip archive but not a Word document (it has no word/document.xml).');

  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const sizes = (entry as unknown as EntrySizes)._data;
    const uncompressed = sizes?.uncompressedSize ?? 0;
    const compressed = sizes?.compressedSize ?? 0;
    total += uncompressed;
    if (uncompressed >= ZIP_LIMITS.ratioMinBytes && uncompressed > Math.max(compressed, 1) * ZIP_LIMITS.maxRatio) {
      throw zipBomb(fileName, `${entry.name} would inflate ${Math.round(uncompressed / Math.max(compressed, 1))} times`);
    }
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) {
    throw zipBomb(fileName, `its contents would inflate to ${Math.round(total / 1024 / 1024)} MB`);
  }
  await checkActualSizes(zip, fileName);
  return zip;
}

/**
 * Sizes in the central directory can lie; inflate the XML parts the DOCX reader will read in a stream,
 * counting bytes, and stop as soon as a limit is passed (before the data pile up in memory).
 */
async function checkActualSizes(zip: JSZip, fileName: string): Promise<void> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/i.test(entry.name)) continue;
    const compressed = (entry as unknown as EntrySizes)._data?.compressedSize ?? 0;
    await new Promise<void>((resolve, reject) => {
      let size = 0;
      const stream = entry.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          const ratioExceeded = size >= ZIP_LIMITS.ratioMinBytes && size > Math.max(compressed, 1) * ZIP_LIMITS.maxRatio;
          if (ratioExceeded || total > ZIP_LIMITS.maxTotalUncompressed) {
            stream.pause();
            stream.removeAllListeners('data');
            reject(zipBomb(fileName, `${entry.name} inflates far beyond its stored size`));
          }
        })
        .on('error', (err: Error) => reject(badFile(fileName, `the .docx archive is damaged (${entry.name}: ${err.message}).`)))
        .on('end', () => resolve());
    });
  }
}

function zipBomb(fileName: string, detail: string) {
  return badFile(
    fileName,
    `the .docx looks like a zip bomb (${detail}; the limit is ${ZIP_LIMITS.maxTotalUncompressed / 1024 / 1024} MB in total and ${ZIP_LIMITS.maxRatio}:1 compression), so it was not opened.`,
  );
}

function containsUtf16(bytes: Uint8Array, ascii: string): boolean {
  const needle = Buffer.from(ascii, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) !== -1;
}

/**
 * Inflates one zip entry in a stream and stops as soon as it passes `maxBytes`: the size a zip
 * declares is not trusted (a 459 KB archive can declare small entries that inflate to 450 MB).
 * Returns null when the entry is larger than allowed; the caller says so in its own words.
 */
export async function inflateCapped(entry: JSZip.JSZipObject, maxBytes: number): Promise<Buffer | null> {
  return new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stream = entry.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > maxBytes) {
          done = true;
          stream.pause();
          stream.removeAllListeners('data');
          chunks.length = 0;
          resolve(null);
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (err: Error) => {
        if (!done) reject(err);
        done = true;
      })
      .on('end', () => {
        if (!done) resolve(Buffer.concat(chunks));
        done = true;
      });
  });
}
