// Builders for the importer tests: they turn a seed's text into the file formats researchers bring
// (GB18030/UTF-16 text, DOCX, PDF, zip bombs …) inside a temporary folder, so no binary fixture is
// checked in and every fixture is traceable to a seed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const seedsDir = path.join(repoRoot, 'seeds');
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function seedNames(): string[] {
  return ['000_4d56af254ffdf8b7.txt', '001_8cf9a6de749d0b9f.txt', '002_9b49f850c7a45ea9.txt', '003_52b9eff8da68288c.txt', '004_f2cd8c3235b740c8.txt'];
}

export function readSeed(name: string): string {
  return readFileSync(path.join(seedsDir, name), 'utf8');
}

/** The seed's non-blank lines, each trimmed: what a paragraph-based format (DOCX, PDF) can carry. */
export function seedParagraphs(name: string): string[] {
  return readSeed(name)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policylens-importers-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A DOCX with one Word paragraph per line, and optionally a table (rows of cells) at the end. */
export async function makeDocx(paragraphs: string[], table?: string[][]): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] }));
  if (table) {
    children.push(
      new Table({
        rows: table.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
      }),
    );
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A zip that claims to be a DOCX whose document.xml inflates from a few KB to `megabytes` MB. */
export async function makeZipBomb(megabytes: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', 'a'.repeat(megabytes * 1024 * 1024));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Prints each list of paragraphs to a PDF with headless Chromium (one browser for all). */
export async function makePdfs(documents: string[][]): Promise<Uint8Array[]> {
  return printPages(documents.map(paragraphsPage));
}

/** Prints the paragraphs to PDF with headless Chromium (the way many government PDFs are made). */
export async function makePdf(paragraphs: string[]): Promise<Uint8Array> {
  return (await printPages([paragraphsPage(paragraphs)]))[0];
}

/** An HTML page printed by Chromium to PDF as is (for pages without text, i.e. "scanned" PDFs). */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  return (await printPages([html]))[0];
}

function paragraphsPage(paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:serif;font-size:14px}</style></head><body>${body}</body></html>`;
}

async function printPages(pages: string[]): Promise<Uint8Array[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const out: Uint8Array[] = [];
    for (const html of pages) {
      const page = await browser.newPage();
      await page.setContent(html);
      out.push(new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } })));
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * A hand-built one-page PDF with correct cross-reference offsets. With `encrypted`, the trailer points
 * to a Standard security handler whose /U entry matches no password, as in a password-protected file.
 */
export function makeMinimalPdf(opts: { text?: string; encrypted?: boolean } = {}): Uint8Array {
  const stream = `BT /F1 24 Tf 72 720 Td (${opts.text ?? 'Hello policy'}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  if (opts.encrypted) objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(99)}> /P -44 >>`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  const encrypt = opts.encrypted ? ` /Encrypt 5 0 R /ID [<${hex32(3).slice(0, 32)}> <${hex32(3).slice(0, 32)}>]` : '';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
