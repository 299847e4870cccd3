// PDF through pdf.js (the Node "legacy" build), read where pdf/sandbox.ts says, fully offline: CMaps, standard fonts and wasm decoders
// come from the pdfjs-dist package on disk, the worker runs in-process, and nothing is rendered or
// fetched. Lines are rebuilt from text items (pdf-lines.ts); pages are joined by "\n", page footers
// such as "- 3 -" are kept for cleanup to remove.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedText } from '../../../../shared/domain/types';
import type { ImportContext } from '../types';
import { badFile } from '../errors';
import { linesFromItems, type PositionedText } from './pdf-lines';
import { checkPdfNesting } from './pdf-nesting';
import { checkPdfStreams } from './pdf-streams';
import { repairCjkRadicals } from './pdf-unicode';

/** pdf.js is large (~4 MB of code): load it on the first PDF, not when the backend starts. */
let pdfjsModule: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
export function loadPdfjs() {
  pdfjsModule ??= (async () => {
    ignorePdfjsBackgroundFailures();
    // pdf.js looks for an in-process worker here before trying to import one from a URL.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsModule;
}

// The exceptions pdf.js's parser throws (BaseException subclasses carry these names).
const PDFJS_EXCEPTIONS = new Set([
  'XRefEntryException',
  'XRefParseException',
  'FormatError',
  'InvalidPDFException',
  'MissingPDFException',
  'MissingDataException',
  'ParserEOFException',
  'UnknownErrorException',
  'UnexpectedResponseException',
  'ResponseException',
  'PasswordException',
  'AbortException',
]);

/**
 * pdf.js runs its worker in this process, and after some damaged files (fuzz 04595.pdf: a bad
 * XRef entry) the worker side leaves a promise rejected that nobody awaits, after the import has
 * already failed with its message. Node ends the process on an unhandled rejection, which would
 * take the whole backend down with the next file. Those rejections are logged and dropped; any
 * other unhandled rejection still ends the process as before.
 *
 * The cause is in pdf.js (5.6.205, and still so upstream): `Catalog.getPageDict` starts fetching
 * every kid of the top-level /Pages at once (`pageDictCache.put(lastKid, xref.fetchAsync(lastKid))`)
 * but awaits only the kids it walks to; a kid whose XRef entry is bad rejects with no handler.
 * The promise lives inside the worker module, out of our reach; the fix belongs upstream (a no-op
 * catch on the cached promise, its awaited use still sees the error) or in a patch of pdfjs-dist.
 */
function ignorePdfjsBackgroundFailures(): void {
  process.on('unhandledRejection', (reason) => {
    const e = reason as { name?: unknown; stack?: unknown } | null;
    const fromPdfjs = !!e && ((typeof e.name === 'string' && PDFJS_EXCEPTIONS.has(e.name)) || (typeof e.stack === 'string' && e.stack.includes('pdf.worker')));
    if (!fromPdfjs) throw reason;
    console.error(`[policylens] pdf.js failed in the background after a damaged PDF (ignored): ${String((reason as Error).message ?? reason)}`);
  });
}

let assetRoot: string | null = null;

/** Where pdfjs-dist lives on disk; a packaged app whose bundle moves node_modules may set it explicitly. */
export function setPdfjsAssetRoot(dir: string): void {
  assetRoot = dir;
}

function pdfjsAssets() {
  if (!assetRoot) {
    // import.meta.url is absent when the backend is bundled to CommonJS; resolve from the working directory then.
    const base = typeof import.meta?.url === 'string' ? import.meta.url : path.join(process.cwd(), 'index.js');
    assetRoot = path.dirname(createRequire(base).resolve('pdfjs-dist/package.json'));
  }
  const dir = (name: string) => path.join(assetRoot!, name) + path.sep;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
}

/** Reads a PDF's text in this thread (pdf/sandbox.ts runs it on a worker thread it can stop). */
export async function extractPdfHere(bytes: Uint8Array, ctx: ImportContext): Promise<ExtractedText> {
  {
    if (findPdfHeader(bytes) === -1) {
      throw badFile(ctx.fileName, 'it is not a PDF (it does not start with the %PDF header).');
    }
    if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('%%EOF')) {
      throw badFile(ctx.fileName, 'the PDF is truncated (it has no end-of-file marker); download or export it again.');
    }
    checkPdfStreams(bytes, ctx.fileName);
    checkPdfNesting(bytes, ctx.fileName);
    const { getDocument, VerbosityLevel } = await loadPdfjs();
    ctx.throwIfAborted();
    const task = getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
      data: new Uint8Array(bytes),
      ...pdfjsAssets(),
      cMapPacked: true,
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: VerbosityLevel.ERRORS,
    });
    const onAbort = () => void task.destroy();
    ctx.signal?.addEventListener('abort', onAbort);
    let doc: PDFDocumentProxy | null = null;
    try {
      doc = await task.promise.catch((err: unknown) => {
        ctx.throwIfAborted();
        throw openError(ctx.fileName, err);
      });
      const pages: string[] = [];
      const failed: number[] = [];
      const blank: number[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        ctx.throwIfAborted();
        try {
          const page = await doc.getPage(n);
          const content = await page.getTextContent();
          const lines = linesFromItems(content.items.filter((i): i is PositionedText & typeof i => 'str' in i));
          page.cleanup();
          if (lines.join('').trim() === '') blank.push(n);
          pages.push(repairCjkRadicals(lines.join('\n')));
        } catch {
          ctx.throwIfAborted();
          failed.push(n);
        }
        ctx.onProgress(n / doc.numPages);
      }
      // A form feed marks each page break, so cleanup can tell running headers and page numbers apart.
      return { text: pages.join('\n\f'), format: 'pdf', encoding: null, warnings: pageWarnings(ctx.fileName, doc.numPages, failed, blank) };
    } finally {
      ctx.signal?.removeEventListener('abort', onAbort);
      await (doc ? doc.destroy() : task.destroy()).catch(() => undefined);
    }
  }
}

function pageWarnings(fileName: string, numPages: number, failed: number[], blank: number[]): string[] {
  if (failed.length === numPages) {
    throw badFile(fileName, 'the PDF is damaged: none of its pages could be read.');
  }
  if (failed.length + blank.length === numPages) {
    throw badFile(fileName, 'it has no text layer — this looks like a scanned PDF; run OCR first.');
  }
  const warnings: string[] = [];
  if (failed.length > 0) warnings.push(`Pages ${failed.join(', ')} could not be read (damaged PDF); their text is missing.`);
  if (blank.length > 0) warnings.push(`Pages ${blank.join(', ')} have no text (scanned images or blank pages); run OCR if they hold text.`);
  return warnings;
}

function openError(fileName: string, err: unknown) {
  const name = (err as { name?: string })?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return badFile(fileName, 'the PDF is password-protected (encrypted). Remove the password and import it again.');
  }
  if (name === 'InvalidPDFException') return badFile(fileName, `the PDF is damaged and cannot be opened (${message}).`);
  return badFile(fileName, `the PDF could not be opened (${message}).`);
}

/** PDF readers accept the %PDF- header anywhere in the first kilobyte. */
export function findPdfHeader(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).indexOf('%PDF-');
}
