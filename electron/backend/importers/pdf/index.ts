// The PDF importer: a text layer read by pdf.js (extract.ts) on a worker thread that is stopped
// when a damaged file makes it loop (sandbox.ts).
import type { Importer } from '../types';
import { findPdfHeader } from './extract';
import { extractPdf } from './sandbox';

export const pdfImporter: Importer = {
  format: 'pdf',
  extensions: ['.pdf'],
  // Strict (header at byte 0) so a text that merely mentions %PDF- is never taken for a PDF.
  sniff: (bytes) => findPdfHeader(bytes) === 0,
  extract: (bytes, ctx) => extractPdf(bytes, ctx),
};
