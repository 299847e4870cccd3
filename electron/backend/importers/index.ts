// Entry point of the importers: file name + bytes in, ExtractedText out, or an ApiError whose message
// a researcher understands ('bad_file', 'unsupported', 'cancelled').
import type { ExtractedText } from '../../../shared/domain/types';
import { ApiError } from '../../../shared/api/errors';
import { badFile, throwIfAborted, unsupportedFile } from './errors';
import { importerFor, importers } from './registry';
import type { ImportContext } from './types';

export { listImportableFiles } from './list-files';

export interface ExtractOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Larger files are refused up front: no policy document is this big, and parsing it could exhaust memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export function isSupportedFile(fileName: string): boolean {
  return importerFor(fileName) !== undefined;
}

/** Extensions the importers accept, for file dialogs ('.txt', '.html', …). */
export function supportedExtensions(): string[] {
  return importers.flatMap((imp) => imp.extensions);
}

export async function extractFile(fileName: string, bytes: Uint8Array, opts: ExtractOptions = {}): Promise<ExtractedText> {
  const importer = importerFor(fileName);
  if (!importer) {
    throw unsupportedFile(fileName, `PolicyLens reads ${supportedExtensions().join(', ')} files; save the document in one of these formats first.`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw badFile(fileName, `the file is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not imported.`);
  }
  const ctx: ImportContext = {
    fileName,
    signal: opts.signal,
    onProgress: (fraction) => opts.onProgress?.(Math.min(1, Math.max(0, fraction))),
    throwIfAborted: () => throwIfAborted(opts.signal, fileName),
  };
  ctx.throwIfAborted();
  const misnamed = importers.find((other) => other !== importer && other.format !== 'html' && other.sniff?.(bytes));
  if (misnamed && !importer.sniff?.(bytes)) {
    throw badFile(
      fileName,
      `its content is a ${misnamed.format.toUpperCase()} file, not ${importer.format.toUpperCase()}; rename it to ${misnamed.extensions[0]} and import it again.`,
    );
  }
  ctx.onProgress(0);
  try {
    const result = await importer.extract(bytes, ctx);
    ctx.throwIfAborted();
    ctx.onProgress(1);
    return result;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (opts.signal?.aborted) throw new ApiError('cancelled', `Import of "${fileName}" was cancelled.`);
    // A library failed in a way we did not foresee: still the file's fault as far as the researcher can act on it.
    const detail = err instanceof Error ? err.message : String(err);
    throw badFile(fileName, `it could not be read as ${importer.format.toUpperCase()} (${detail}).`);
  }
}
