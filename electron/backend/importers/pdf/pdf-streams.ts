// A PDF's streams are usually Flate-compressed, and pdf.js inflates each one whole, in memory: a
// 1 MB PDF can hold a stream that inflates to 1 GB. Before pdf.js sees the file, every stream that
// inflates is inflated here once with a ceiling on its output, and the file is refused when the
// total passes the budget. Streams that do not inflate (images in DCT, encrypted data) are skipped:
// pdf.js does not inflate those either.
//
// Object streams (/Type /ObjStm) hold compressed objects, out of reach of the nesting check on the
// file's bytes (pdf-nesting.ts): their inflated text is checked here, where it is inflated anyway.
import { constants, inflateSync } from 'node:zlib';
import { badFile } from '../errors';
import { checkPdfNesting } from './pdf-nesting';

/** Far above real policy PDFs (a 300-page scanned report inflates to tens of MB of content streams). */
export const PDF_INFLATED_LIMIT = 256 * 1024 * 1024;

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');
const OBJ = Buffer.from('obj');
/** How far before 'stream' its dictionary is looked for: real stream dictionaries are a few hundred bytes. */
const DICTIONARY_WINDOW = 4096;

/** Whether the stream starting at `at` (its 'stream' keyword) is an object stream, from its dictionary. */
function isObjectStream(buf: Buffer, at: number): boolean {
  const from = Math.max(0, at - DICTIONARY_WINDOW);
  const obj = buf.subarray(from, at).lastIndexOf(OBJ);
  if (obj === -1) return false;
  return /\/Type\s*\/ObjStm\b/.test(buf.toString('latin1', from + obj, at));
}

/** Throws bad_file when the file's compressed streams inflate to more than `limit` bytes together. */
export function checkPdfStreams(bytes: Uint8Array, fileName: string, limit = PDF_INFLATED_LIMIT): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buf.indexOf(STREAM); at !== -1;) {
    // 'stream' then CRLF or LF starts the data; 'endstream' ends it. Skip the 'stream' inside 'endstream'.
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') {
      at = buf.indexOf(STREAM, at + STREAM.length);
      continue;
    }
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END, start);
    if (end === -1) break;
    if (buf[start] === 0x78) {
      // A zlib header: Flate data. Inflate with a ceiling on the output; truncated data is counted as far as it goes.
      let inflated: Buffer | null = null;
      try {
        inflated = inflateSync(buf.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: limit - total + 1 });
        total += inflated.length;
      } catch (e) {
        if (e instanceof RangeError) total = limit + 1;
        // Anything else is damaged data: pdf.js will report the stream, the file may still have text.
      }
      if (inflated && isObjectStream(buf, at)) checkPdfNesting(inflated, fileName);
      if (total > limit) {
        throw badFile(
          fileName,
          `its compressed content unpacks to more than ${limit / 1048576} MB (a real policy document needs a fraction of that), so it was not opened.`,
        );
      }
    }
    at = buf.indexOf(STREAM, end + END.length);
  }
}
