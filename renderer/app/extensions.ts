import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { Api } from '../../shared/api/contract';
import type { Clause } from '../../shared/api/methods/documents';

/**
 * Extension points, so features add to the Reader and to quick open from their own folders
 * without editing them. Discovered by file name:
 *  - features/<name>/reader.tsx exporting `readerExtension: ReaderExtension`
 *  - features/<name>/quickopen.ts exporting `quickOpenSource: QuickOpenSource`
 */

export interface MarkedRange {
  start: number;
  end: number;
  /** CSS class of the <mark>; also a style (e.g. a theme colour) may be given. */
  className: string;
  style?: Record<string, string>;
  title?: string;
}

export interface ReaderExtension {
  id: string;
  /** In a clause's left margin (coding stripes, badges). */
  Margin?: ComponentType<{ clause: Clause; docId: number }>;
  /** Buttons in the action bar of the selected clause (code, annotate, where else). */
  Actions?: ComponentType<{ clause: Clause; docId: number }>;
  /** Shown when the researcher selects text inside one clause; offsets are into the cleaned text. */
  SelectionActions?: ComponentType<{ clause: Clause; docId: number; start: number; end: number; text: string; clear: () => void }>;
  /** A panel in the Reader's side column. */
  Panel?: ComponentType<{ docId: number; selectedClause: Clause | null }>;
  /** Ranges of the cleaned text to mark (coded or annotated text). Called as a React hook. */
  useRanges?: (docId: number) => MarkedRange[];
}

export interface QuickOpenItem {
  id: string;
  kind: 'document' | 'clause' | 'theme' | 'note' | 'comparison' | 'command';
  title: string;
  subtitle?: string;
  /** Extra words fuse.js matches on (city, 文号, English name …). */
  keywords?: string;
  run: () => void;
}

export interface QuickOpenSource {
  id: string;
  load: (api: Api, t: TFunction) => Promise<QuickOpenItem[]>;
  /**
   * Items looked up for what is typed, for what is too large to load when the palette opens (the
   * documents of a corpus of thousands); they match every typed word exactly, so they rank with fuse's best.
   */
  find?: (api: Api, q: string, t: TFunction) => Promise<QuickOpenItem[]>;
}

const readerModules = import.meta.glob<{ readerExtension: ReaderExtension }>('../features/*/reader.tsx', { eager: true });
export const readerExtensions: ReaderExtension[] = Object.values(readerModules)
  .map((m) => m.readerExtension)
  .filter(Boolean);

const quickOpenModules = import.meta.glob<{ quickOpenSource: QuickOpenSource }>('../features/*/quickopen.ts', { eager: true });
export const quickOpenSources: QuickOpenSource[] = Object.values(quickOpenModules)
  .map((m) => m.quickOpenSource)
  .filter(Boolean);
