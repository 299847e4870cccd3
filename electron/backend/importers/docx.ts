// Word .docx: mammoth turns the document into simple HTML (paragraphs, lists, tables), which
// html-to-text.ts turns into lines: one paragraph per line, one table row per line with its cells
// separated by tabs. The zip is checked first (zip-guard.ts) so a bomb is never inflated.
import mammoth from 'mammoth';
import type { Importer } from './types';
import { badFile } from './errors';
import { openDocxZip } from './zip-guard';
import { htmlToText } from './html-to-text';

/** Images carry no text; dropping them avoids base64-encoding every picture into the HTML. */
const dropImages = mammoth.images.imgElement(async () => ({ src: '' }));

export const docxImporter: Importer = {
  format: 'docx',
  extensions: ['.docx'],
  sniff: (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04,
  async extract(bytes, ctx) {
    await openDocxZip(bytes, ctx.fileName);
    ctx.throwIfAborted();
    ctx.onProgress(0.3);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml({ buffer }, { convertImage: dropImages, externalFileAccess: false });
    ctx.throwIfAborted();
    const text = htmlToText(result.value, { fragment: true });
    if (text.replace(/\s+/g, '') === '') throw badFile(ctx.fileName, 'the document has no text (it may hold only images or be empty).');
    const errors = result.messages.filter((m) => m.type === 'error').map((m) => `Word import: ${m.message}`);
    return { text, format: 'docx', encoding: null, warnings: errors };
  },
};
