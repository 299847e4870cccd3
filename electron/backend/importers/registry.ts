// The one list of importers. To add a format: write <format>.ts (or <format>/index.ts when it needs several files) exporting an Importer and add it here.
import type { Importer } from './types';
import { txtImporter } from './txt';
import { htmlImporter } from './html';
import { docxImporter } from './docx';
import { pdfImporter } from './pdf';
import { markdownImporter } from './markdown';

export const importers: readonly Importer[] = [txtImporter, htmlImporter, docxImporter, pdfImporter, markdownImporter];

/** The importer for a file name's extension, or undefined. */
export function importerFor(fileName: string): Importer | undefined {
  const lower = fileName.toLowerCase();
  return importers.find((imp) => imp.extensions.some((ext) => lower.endsWith(ext)));
}
