// Worker threads that extract and analyse imported files (importWorker.ts) while the main thread
// writes: analysis is most of an import's CPU, and the main thread owns the database. Sized to the
// cores less the main thread's (at least one). Where no worker can start (a runtime without the
// worker file, a loader that does not reach the worker), files are analysed in this thread as
// before, with the same results and messages.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorData } from '../../../shared/api/errors';
import { analyseFile, type AnalysedFile } from './analyseFile';
import type { ExtrasContext } from './documentExtras';
import { workerEntry } from './workerEntry';

export interface AnalysisPool {
  /** Worker threads in use (0: in this thread). */
  readonly threads: number;
  analyse(name: string, bytes: Uint8Array, opts: { signal: AbortSignal; onProgress: (fraction: number) => void }): Promise<AnalysedFile>;
  /** Files analysed by workers and in this thread so far. */
  stats(): { inWorkers: number; inThread: number };
  /** Stops the workers; jobs still running are abandoned (their promises reject as cancelled). */
  close(): void;
}

/** How long a worker may take to load before the import gives up on workers (a busy machine can take seconds). */
const STARTUP_MS = 60_000;

/** Imports of fewer files are analysed in the main thread (a worker takes a moment to start). */
export const MIN_FILES_FOR_WORKERS = 4;

/** Threads an import uses: POLICYLENS_IMPORT_THREADS when set (0 analyses in the main thread), else cores − 1, at least 1. */
export function importThreads(): number {
  const set = process.env.POLICYLENS_IMPORT_THREADS;
  if (set !== undefined && set !== '' && Number.isInteger(Number(set)) && Number(set) >= 0) return Number(set);
  return Math.max(1, availableParallelism() - 1);
}

/** How to start an import worker (services/workerEntry.ts): importWorker.mjs beside main.mjs, or importWorker.ts from source. */
function importWorkerEntry() {
  return workerEntry(typeof import.meta?.url === 'string' ? import.meta.url : null, './importWorker.ts', 'importWorker.mjs');
}

interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
  onProgress: (fraction: number) => void;
  resolve: (f: AnalysedFile) => void;
  reject: (e: unknown) => void;
}
interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs sent and not answered: a worker gets several, so it goes on while the main thread is busy writing. */
  jobs: Map<number, Job>;
}
type Outgoing = { ready: true } | { job: number; fraction: number } | { job: number; file: AnalysedFile } | { job: number; error: ApiErrorData };

export function createAnalysisPool(threads = importThreads(), context: ExtrasContext = {}): AnalysisPool {
  const entry = threads > 0 ? importWorkerEntry() : null;
  const inThread = (name: string, bytes: Uint8Array, opts: { signal: AbortSignal; onProgress: (f: number) => void }) =>
    analyseFile(name, bytes, { ...opts, context });
  let jobsInThread = 0;
  let jobsInWorkers = 0;
  if (!entry)
    return {
      threads: 0,
      analyse: (name, bytes, opts) => (jobsInThread++, inThread(name, bytes, opts)),
      stats: () => ({ inWorkers: 0, inThread: jobsInThread }),
      close() {},
    };

  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  /** No worker could start: everything runs in this thread from then on. */
  let broken = false;

  function runInThread(job: Job): void {
    jobsInThread++;
    analyseFile(job.name, job.bytes, { onProgress: job.onProgress, context }).then(job.resolve, job.reject);
  }

  function dispatch(): void {
    if (broken) {
      for (const job of queue.splice(0)) runInThread(job);
      return;
    }
    const ready = slots.filter((s) => s.ready);
    while (queue.length && ready.length) {
      const slot = ready.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const job = queue.shift()!;
      slot.jobs.set(job.id, job);
      // The bytes move to the worker without a copy when the array owns its whole buffer.
      const owns = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength && job.bytes.buffer instanceof ArrayBuffer;
      slot.worker.postMessage({ job: job.id, name: job.name, bytes: job.bytes }, owns ? [job.bytes.buffer as ArrayBuffer] : []);
    }
  }

  function start(): Slot {
    const worker = new Worker(entry!.code, { eval: entry!.eval, execArgv: [], stdout: false, stderr: false, workerData: { context } });
    const slot: Slot = { worker, ready: false, jobs: new Map() };
    worker.on('message', (m: Outgoing) => {
      if ('ready' in m) {
        slot.ready = true;
        return dispatch();
      }
      const job = slot.jobs.get(m.job);
      if (!job) return;
      if ('fraction' in m) return job.onProgress(m.fraction);
      slot.jobs.delete(m.job);
      jobsInWorkers++;
      if ('file' in m) job.resolve(m.file);
      else job.reject(ApiError.from(m.error));
    });
    const failed = (e: Error) => {
      if (!slots.includes(slot)) return;
      const lost = [...slot.jobs.values()];
      slot.jobs.clear();
      slots.splice(slots.indexOf(slot), 1);
      if (!slot.ready) {
        // The worker never started: this runtime cannot run one. Everything runs here.
        broken = true;
        return dispatch();
      }
      // The worker died (out of memory on one file): its files fail with the reason, the import goes on with a new worker.
      for (const job of lost) job.reject(new ApiError('bad_file', `Could not import this file: its analysis stopped (${e.message}).`));
      if (!closed) slots.push(start());
      dispatch();
    };
    // A worker that never says it is ready (a loader that hangs) must not hang the import: after
    // STARTUP_MS its files and the rest are analysed in this thread.
    const startup = setTimeout(() => {
      if (slot.ready || !slots.includes(slot)) return;
      failed(new Error('the worker did not start'));
      void worker.terminate();
    }, STARTUP_MS);
    startup.unref();
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`the worker exited with code ${code}`)));
    return slot;
  }

  return {
    threads,
    analyse(name, bytes, { signal, onProgress }) {
      if (closed) return (jobsInThread++, inThread(name, bytes, { signal, onProgress }));
      if (!broken && slots.length < threads) slots.push(start());
      return new Promise<AnalysedFile>((resolve, reject) => {
        const onAbort = () => {
          const queued = queue.indexOf(job);
          if (queued >= 0) queue.splice(queued, 1);
          const slot = slots.find((s) => s.jobs.delete(job.id));
          slot?.worker.postMessage({ cancel: job.id });
          reject(new ApiError('cancelled', 'The task was cancelled.'));
        };
        const settle =
          <T>(f: (x: T) => void) =>
          (x: T) => {
            signal.removeEventListener('abort', onAbort);
            f(x);
          };
        const job: Job = { id: nextId++, name, bytes, onProgress, resolve: settle(resolve), reject: settle(reject) };
        signal.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        dispatch();
      });
    },
    stats: () => ({ inWorkers: jobsInWorkers, inThread: jobsInThread }),
    close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new ApiError('cancelled', 'The task was cancelled.'));
      for (const slot of slots.splice(0)) {
        // An idle worker ends on its own (closing its port lets it finish cleanly); a busy one is stopped.
        if (!slot.jobs.size) slot.worker.postMessage({ close: true });
        else void slot.worker.terminate();
        for (const job of slot.jobs.values()) job.reject(new ApiError('cancelled', 'The task was cancelled.'));
      }
    },
  };
}
