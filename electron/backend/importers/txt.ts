// Plain text: all the work is finding the encoding (text-decoding.ts). Line ends become LF and the
// byte-order mark is dropped; nothing else changes, so cleanup sees the text exactly as written.
import type { Importer } from './types';
import { decodeTextBytes, normaliseNewlines } from './text-decoding';

export const txtImporter: Importer = {
  format: 'txt',
  extensions: ['.txt', '.text'],
  async extract(bytes, ctx) {
    const decoded = decodeTextBytes(bytes, ctx.fileName);
    return { text: normaliseNewlines(decoded.text), format: 'txt', encoding: decoded.encoding, warnings: decoded.warnings };
  },
};
