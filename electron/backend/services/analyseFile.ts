// What an import does to a file before the database: extract its text and analyse it. No I/O
// beyond the importers' own, no database: it runs the same on an import worker thread
// (importWorker.ts) and, for small imports or where no worker can start, in the main thread.
import { ApiError, type ApiErrorData } from '../../../shared/api/errors';
import { analyseDocument, type AnalysedDocument } from '../../../shared/domain/analyze';
import { extractFile } from '../importers';
import { computeExtras, type DocumentExtras, type ExtrasContext } from './documentExtras';

export interface AnalysedFile {
  format: string;
  encoding: string | null;
  /**
   * Length of the importer's text before cleanup, which bounds an import's batches. The text
   * itself is not stored (everything refers to the cleaned text), so it does not cross threads.
   */
  rawLength: number;
  analysed: AnalysedDocument;
  warnings: string[];
  extras: DocumentExtras;
}

export async function analyseFile(
  name: string,
  bytes: Uint8Array,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void; context?: ExtrasContext } = {},
): Promise<AnalysedFile> {
  const extracted = await extractFile(name, bytes, opts);
  if (opts.signal?.aborted) throw new ApiError('cancelled', 'The task was cancelled.');
  const analysed = analyseDocument(extracted, name);
  if (!analysed.cleaned.trim()) throw new ApiError('bad_file', `${name} contains no text after cleanup.`);
  const extras = computeExtras(analysed, opts.context ?? {});
  return { format: extracted.format, encoding: extracted.encoding, rawLength: extracted.text.length, analysed, warnings: extracted.warnings, extras };
}

/** The message a researcher reads beside a file that could not be imported. */
export function importErrorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return `Could not import this file: ${e.message}`;
  return 'Could not import this file.';
}

/** An error as it crosses a thread: an ApiError keeps its code, anything else becomes a bad_file with the message above. */
export function errorData(e: unknown): ApiErrorData {
  if (e instanceof ApiError) return { code: e.code, message: e.message };
  return { code: 'bad_file', message: importErrorMessage(e) };
}
