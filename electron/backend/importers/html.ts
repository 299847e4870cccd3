// HTML pages saved from government sites. The charset comes from, in order: a byte-order mark; valid
// UTF-8 (strong evidence, and pages often declare gb2312 while being UTF-8); the page's own
// <meta charset> / <meta http-equiv> / <?xml encoding?>; else the same sniffing as plain text.
import type { Importer } from './types';
import { badFile } from './errors';
import { decodeTextBytes, decodeWithLabel, type DecodedText } from './text-decoding';
import { htmlToText } from './html-to-text';

/** Browsers look for the charset declaration in the first 1024 bytes; pages with long comments push it further. */
const PRESCAN_BYTES = 4096;

export const htmlImporter: Importer = {
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  sniff(bytes) {
    const head = latin1(bytes.subarray(0, 1024)).toLowerCase();
    return /<(!doctype html|html|head|body|meta|p|div)\b/.test(head);
  },
  async extract(bytes, ctx) {
    const decoded = decodeHtmlBytes(bytes, ctx.fileName);
    ctx.throwIfAborted();
    const text = htmlToText(decoded.text);
    if (text.replace(/\s+/g, '') === '') {
      throw badFile(ctx.fileName, 'the page has no visible text (only scripts, styles or markup).');
    }
    return { text, format: 'html', encoding: decoded.encoding, warnings: decoded.warnings };
  },
};

function decodeHtmlBytes(bytes: Uint8Array, fileName: string): DecodedText {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom || bytes.length === 0) return decodeTextBytes(bytes, fileName);
  const declared = declaredCharset(bytes);
  if (declared) {
    const utf8 = decodeWithLabel(bytes, 'utf-8');
    // Pure ASCII fits every charset: record the one the page declares.
    if (utf8 && !/[^\x00-\x7f]/.test(utf8.text)) return decodeWithLabel(bytes, declared) ?? utf8;
    if (utf8) {
      const label = declared.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (label !== 'utf8' && /[^\x00-\x7f]/.test(utf8.text)) {
        utf8.warnings.push(`The page declares charset "${declared}" but its bytes are UTF-8; it was read as UTF-8.`);
      }
      return utf8;
    }
    const fromLabel = decodeWithLabel(bytes, declared);
    if (fromLabel) return fromLabel;
  }
  const sniffed = decodeTextBytes(bytes, fileName);
  if (declared)
    sniffed.warnings.push(`The page declares charset "${declared}", which does not fit its bytes; it was read as ${sniffed.encoding.toUpperCase()}.`);
  return sniffed;
}

/** The charset a page declares for itself, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return xml ? xml[1] : null;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
