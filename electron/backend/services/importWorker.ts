// An import worker thread (started by analysisPool.ts): extracts and analyses the files the main
// thread sends it, one job at a time per message, while the main thread writes the previous batch.
// It never opens the database. Messages in: {job, name, bytes} and {cancel: job}; out: {job,
// fraction}, {job, file} or {job, error}; {close: true} ends it once idle.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseFile, errorData } from './analyseFile';
import { transferables, type ExtrasContext } from './documentExtras';

type Incoming = { job: number; name: string; bytes: Uint8Array } | { cancel: number } | { close: true };

const port = parentPort;
if (!port) throw new Error('importWorker.ts runs as a worker thread (analysisPool.ts starts it).');
const running = new Map<number, AbortController>();
/** What the features' hooks said at the start of the import (documentExtras.ts). */
const context = ((workerData as { context?: ExtrasContext } | null)?.context ?? {}) satisfies ExtrasContext;

port.on('message', (m: Incoming) => {
  if ('close' in m) {
    port.close();
    return;
  }
  if ('cancel' in m) {
    running.get(m.cancel)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(m.job, controller);
  let last = 0;
  analyseFile(m.name, m.bytes, {
    signal: controller.signal,
    context,
    onProgress: (fraction) => {
      // A few progress messages per file are enough for a progress bar.
      if (fraction - last < 0.05 && fraction < 1) return;
      last = fraction;
      port.postMessage({ job: m.job, fraction });
    },
  })
    .then(
      (file) => port.postMessage({ job: m.job, file }, transferables(file.extras)),
      (e: unknown) => port.postMessage({ job: m.job, error: errorData(e) }),
    )
    .finally(() => running.delete(m.job));
});
port.postMessage({ ready: true });
