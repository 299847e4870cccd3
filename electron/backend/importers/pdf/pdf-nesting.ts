// How deep a PDF nests its dictionaries (<< >>) and arrays ([ ]), measured before pdf.js sees it.
// pdf.js parses a nested object by recursion, one call per level and with no limit, so an object
// nested tens of thousands of levels deep exhausts the stack. That error is not remembered: every
// later reference to the object parses it again, and each attempt leaves the levels it built as
// garbage (fuzz 02761.pdf, nn-city-plan.pdf with a font descriptor's `<<` repeated 34,379 times:
// the descriptor was parsed 71 times for one page, 20 s of CPU and about 500 MB of heap in the PDF
// worker, over 1 GB for the process). Sound PDFs nest a few levels; PDFium, Chrome's PDF reader,
// refuses objects nested deeper than 64.
import { badFile } from '../errors';

/** Far above any sound PDF (they nest under 10 levels; PDFium's own limit is 64). */
export const PDF_NESTING_LIMIT = 100;

// Byte classes of PDF syntax: 1 white space, 2 delimiter.
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const at = (s: string) => s.charCodeAt(0);
const [LPAREN, RPAREN, LT, GT, LBRACKET, RBRACKET, PERCENT, BACKSLASH] = ['(', ')', '<', '>', '[', ']', '%', '\\'].map(at);

/**
 * The deepest nesting of dictionaries and arrays inside one object of the file's syntax, skipping
 * strings, comments and stream data as pdf.js's lexer does. The count starts again at every `obj`
 * and `endobj`, so one damaged object cannot add its unclosed brackets to the objects after it.
 */
export function pdfNestingDepth(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buf.length;
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < n) {
    const c = buf[i];
    if (CLASS[c] === 1) {
      i++;
    } else if (c === PERCENT) {
      while (i < n && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
    } else if (c === LPAREN) {
      // A literal string: balanced parentheses, a backslash escapes the next byte.
      let open = 0;
      for (; i < n; i++) {
        if (buf[i] === BACKSLASH) i++;
        else if (buf[i] === LPAREN) open++;
        else if (buf[i] === RPAREN && --open === 0) break;
      }
      i++;
    } else if (c === LT && buf[i + 1] === LT) {
      deepest = Math.max(deepest, ++depth);
      i += 2;
    } else if (c === LT) {
      // A hex string.
      const end = buf.indexOf(GT, i + 1);
      i = end === -1 ? n : end + 1;
    } else if (c === GT) {
      if (buf[i + 1] === GT) depth = Math.max(0, depth - 1);
      i += buf[i + 1] === GT ? 2 : 1;
    } else if (c === LBRACKET) {
      deepest = Math.max(deepest, ++depth);
      i++;
    } else if (c === RBRACKET) {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (CLASS[c] === 2) {
      i++;
    } else {
      // A regular token: a keyword, a number or (after '/') a name.
      const start = i;
      while (i < n && CLASS[buf[i]] === 0) i++;
      const len = i - start;
      if (len === 3 && buf.toString('latin1', start, i) === 'obj') depth = 0;
      else if (len === 6 && buf.toString('latin1', start, i) === 'endobj') depth = 0;
      else if (len === 6 && buf.toString('latin1', start, i) === 'stream') {
        // Stream data is bytes, not syntax: go on after its endstream (none: the rest is data).
        const end = buf.indexOf('endstream', i);
        if (end === -1) break;
        i = end + 'endstream'.length;
        depth = 0;
      }
    }
  }
  return deepest;
}

/**
 * Throws bad_file when an object nests dictionaries or arrays deeper than `limit`: in the file's
 * bytes, and in an object stream's inflated objects (pdf-streams.ts), which have no `obj`/`endobj`
 * between them, so the count runs on from one to the next; a sound stream closes every level it opens.
 */
export function checkPdfNesting(bytes: Uint8Array, fileName: string, limit = PDF_NESTING_LIMIT): void {
  const depth = pdfNestingDepth(bytes);
  if (depth > limit) {
    throw badFile(
      fileName,
      `the PDF is damaged: it nests dictionaries or arrays ${depth.toLocaleString('en-US')} levels deep (a sound PDF needs a few, PDF readers stop at about 64), so it was not opened.`,
    );
  }
}
