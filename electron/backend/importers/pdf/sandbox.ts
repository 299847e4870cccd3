// Where a PDF is read. pdf.js parses untrusted bytes in JavaScript, and some damaged files make it
// loop in synchronous code for minutes (fuzz 08529.pdf: an unterminated hex string `<…` is read to
// the end of the file again from every place the parser restarts, so the time grows with the
// square of the size). Synchronous code cannot be stopped from its own thread, so PDFs are read on
// a worker thread of their own, one at a time, and a worker that makes no progress within its
// budget is stopped: that file fails with a message and the next PDF gets a new worker. Where no
// worker can start (a bundle without pdfWorker.mjs), PDFs are read in this thread as before.
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorData } from '../../../../shared/api/errors';
import type { ExtractedText } from '../../../../shared/domain/types';
import { workerEntry } from '../../services/workerEntry';
import { badFile, cancelled } from '../errors';
import type { ImportContext } from '../types';
import { extractPdfHere } from './extract';

/**
 * Budgets without progress: opening a PDF (its cross-reference table and page tree) may take
 * 15 s plus 2 s per MB; after that each page must be read within 20 s. Real PDFs open and read a
 * page in well under a second; a budget is wall-clock time, so it is generous for a busy machine.
 */
export const PDF_BUDGET = { openMs: 15_000, openMsPerMb: 2_000, pageMs: 20_000, startupMs: 60_000 };

/**
 * The most heap the worker may hold, in MB: V8 collects garbage sooner as the heap nears the limit,
 * and stops the worker when live objects pass it (the file then fails with a message). The worker
 * holds about 100 MB once pdf.js is loaded (from source, under tsx); a 778-page, 11 MB text PDF
 * peaked at 144 MB. Without a limit V8 lets the heap grow to several times what is live: fuzz
 * 02761.pdf, whose failing parses pdf.js repeated, reached 481 MB with 110 MB live. The limit grows
 * with the file, by doubling, so a big sound PDF gets room and a worker is restarted at most twice.
 */
export const PDF_MEMORY = { heapMb: 256, heapMbPerFileMb: 32, maxHeapMb: 1024 };

export function heapLimitMb(fileBytes: number): number {
  const wanted = (PDF_MEMORY.heapMbPerFileMb * fileBytes) / 1048576;
  let mb = PDF_MEMORY.heapMb;
  while (mb < wanted && mb < PDF_MEMORY.maxHeapMb) mb *= 2;
  return Math.min(mb, PDF_MEMORY.maxHeapMb);
}

type Outgoing = { ready: true } | { fraction: number } | { text: ExtractedText } | { error: ApiErrorData };

let worker: Worker | null = null;
/** The heap limit the running worker was started with. */
let workerHeapMb = 0;
let ready: Promise<boolean> | null = null;
let unavailable = false;
/** PDFs wait for each other: one worker, one file at a time, so a stopped worker names one file. */
let queue: Promise<unknown> = Promise.resolve();

function stop(): void {
  const w = worker;
  worker = null;
  ready = null;
  if (w) void w.terminate();
}

/** Starts the worker if needed, or restarts it with more heap; false when no worker can run here. */
function started(heapMb: number): Promise<boolean> {
  if (unavailable) return Promise.resolve(false);
  if (ready && workerHeapMb >= heapMb) return ready;
  stop();
  const entry = workerEntry(typeof import.meta?.url === 'string' ? import.meta.url : null, './worker.ts', 'pdfWorker.mjs');
  if (!entry) {
    unavailable = true;
    return Promise.resolve(false);
  }
  const w = new Worker(entry.code, { eval: entry.eval, execArgv: [], stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  workerHeapMb = heapMb;
  // An idle PDF worker must not keep the process alive (a CLI import ends when its work does).
  w.unref();
  worker = w;
  // A worker that fails while idle is simply replaced at the next PDF.
  w.on('error', () => worker === w && stop());
  ready = new Promise<boolean>((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.off('message', onReady);
      w.off('error', onFail);
      w.off('exit', onFail);
      if (!ok) {
        unavailable = true;
        if (worker === w) stop();
      }
      resolve(ok);
    };
    const onReady = (m: Outgoing) => 'ready' in m && settle(true);
    const onFail = () => settle(false);
    const timer = setTimeout(onFail, PDF_BUDGET.startupMs);
    timer.unref();
    w.on('message', onReady);
    w.on('error', onFail);
    w.on('exit', onFail);
  });
  return ready;
}

function onWorker(bytes: Uint8Array, ctx: ImportContext, w: Worker): Promise<ExtractedText> {
  return new Promise<ExtractedText>((resolve, reject) => {
    const mb = bytes.byteLength / 1e6;
    const heapMb = workerHeapMb;
    let timer: NodeJS.Timeout | null = null;
    const arm = (ms: number, what: string) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        finish();
        stop();
        reject(
          badFile(
            ctx.fileName,
            `reading the PDF was stopped: ${what} took longer than ${Math.round(ms / 1000)} s, which a sound PDF never needs (the file is probably damaged). Open it in a PDF reader, save or print it as a new PDF, and import that.`,
          ),
        );
      }, ms);
    };
    const onMessage = (m: Outgoing) => {
      if ('fraction' in m) {
        ctx.onProgress(m.fraction);
        return arm(PDF_BUDGET.pageMs, 'one page');
      }
      if ('ready' in m) return;
      finish();
      if ('text' in m) resolve(m.text);
      else reject(ApiError.from(m.error));
    };
    const onExit = (code: number) => {
      finish();
      if (worker === w) stop();
      reject(badFile(ctx.fileName, `the PDF reader stopped while reading it (exit code ${code}); the file may be damaged.`));
    };
    const onError = (e: Error & { code?: string }) => {
      finish();
      if (worker === w) stop();
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(
          badFile(
            ctx.fileName,
            `reading the PDF was stopped: it needed more than ${heapMb} MB of memory, which a sound PDF of this size never needs (the file is probably damaged). Open it in a PDF reader, save or print it as a new PDF, and import that.`,
          ),
        );
      } else reject(badFile(ctx.fileName, `the PDF reader failed while reading it (${e.message}); the file may be damaged.`));
    };
    const onAbort = () => {
      finish();
      stop();
      reject(cancelled(ctx.fileName));
    };
    const finish = () => {
      if (timer) clearTimeout(timer);
      w.off('message', onMessage);
      w.off('exit', onExit);
      w.off('error', onError);
      ctx.signal?.removeEventListener('abort', onAbort);
    };
    w.on('message', onMessage);
    w.once('exit', onExit);
    w.once('error', onError);
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    arm(PDF_BUDGET.openMs + PDF_BUDGET.openMsPerMb * mb, 'opening it');
    // A copy: the caller keeps its bytes (the worker takes ownership of what it is sent).
    const copy = new Uint8Array(bytes);
    w.postMessage({ fileName: ctx.fileName, bytes: copy }, [copy.buffer]);
  });
}

/** Reads a PDF on the PDF worker, within its budgets; in this thread where no worker can run. */
export function extractPdf(bytes: Uint8Array, ctx: ImportContext): Promise<ExtractedText> {
  const run = async () => {
    ctx.throwIfAborted();
    if (!(await started(heapLimitMb(bytes.byteLength))) || !worker) return extractPdfHere(bytes, ctx);
    return onWorker(bytes, ctx, worker);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
