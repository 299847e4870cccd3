// The PDF worker thread (pdf/sandbox.ts starts it): reads one PDF per message with pdf.js and
// answers with its text or the error, reporting each page read so the sandbox knows it is
// progressing. It loads pdf.js before saying it is ready.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../../shared/api/errors';
import { badFile } from '../errors';
import { extractPdfHere, loadPdfjs } from './extract';

const port = parentPort;
if (!port) throw new Error('pdf/worker.ts runs as a worker thread (pdf/sandbox.ts starts it).');

port.on('message', (m: { fileName: string; bytes: Uint8Array }) => {
  const ctx = {
    fileName: m.fileName,
    onProgress: (fraction: number) => port.postMessage({ fraction }),
    throwIfAborted: () => undefined,
  };
  extractPdfHere(m.bytes, ctx).then(
    (text) => port.postMessage({ text }),
    (e: unknown) => {
      const error = e instanceof ApiError ? e : badFile(m.fileName, `the PDF could not be read (${e instanceof Error ? e.message : String(e)}).`);
      port.postMessage({ error: { code: error.code, message: error.message } });
    },
  );
});

await loadPdfjs();
port.postMessage({ ready: true });
