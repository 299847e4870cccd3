// The shape every importer has, so index.ts can treat all formats alike (one registry, see registry.ts).
import type { ExtractedText, SourceFormat } from '../../../shared/domain/types';

export interface ImportContext {
  /** The file's name as the researcher sees it; used in every error message. */
  fileName: string;
  signal?: AbortSignal;
  /** Reports progress as a fraction in [0, 1]; importers call it when they have natural steps (PDF pages). */
  onProgress: (fraction: number) => void;
  /** Throws ApiError('cancelled') once the signal has fired. */
  throwIfAborted: () => void;
}

export interface Importer {
  format: SourceFormat;
  /** Lower-case file extensions including the dot, e.g. '.htm'. */
  extensions: string[];
  /** Optional content check: does this look like our format? Used to give a clearer error for misnamed files. */
  sniff?(bytes: Uint8Array): boolean;
  extract(bytes: Uint8Array, ctx: ImportContext): Promise<ExtractedText>;
}
