// One place that words importer errors, so every message names the file and says what to do.
import { ApiError } from '../../../shared/api/errors';

/** The file cannot be read as what it claims to be. */
export function badFile(fileName: string, reason: string): ApiError {
  return new ApiError('bad_file', `Cannot import "${fileName}": ${reason}`);
}

/** A format this build cannot read at all. */
export function unsupportedFile(fileName: string, reason: string): ApiError {
  return new ApiError('unsupported', `Cannot import "${fileName}": ${reason}`);
}

export function cancelled(fileName: string): ApiError {
  return new ApiError('cancelled', `Import of "${fileName}" was cancelled.`);
}

/** Throws ApiError('cancelled') when the user has cancelled; call between expensive steps. */
export function throwIfAborted(signal: AbortSignal | undefined, fileName: string): void {
  if (signal?.aborted) throw cancelled(fileName);
}
