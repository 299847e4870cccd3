// One shared copy of the codebook and of each document's codings for all the Reader's clause
// margins: hundreds of margins read it, one request loads it, and a 'themes' event reloads it.
import { useSyncExternalStore } from 'react';
import type { Api, Output } from '../../../shared/api/contract';
import type { ClauseThemes } from '../../../shared/api/methods/themes';

type Codebook = Output<'themes.codebook'>;

interface State {
  codebook: Codebook | null;
  docs: Map<number, Map<number, ClauseThemes>>;
  /** Theme ids the Reader is filtered by (empty: no filter). */
  filter: string[];
}

let state: State = { codebook: null, docs: new Map(), filter: [] };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export async function loadCodebook(api: Api): Promise<void> {
  state = { ...state, codebook: await api['themes.codebook']({}) };
  emit();
}

export async function loadDocThemes(api: Api, docId: number): Promise<void> {
  const rows = await api['themes.clauses']({ docId });
  const docs = new Map(state.docs);
  docs.set(docId, new Map(rows.map((r) => [r.clauseId, r])));
  state = { ...state, docs };
  emit();
}

export function setFilter(filter: string[]): void {
  state = { ...state, filter };
  emit();
}

export function useThemesState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

export function useClauseThemes(docId: number, clauseId: number): ClauseThemes | undefined {
  return useSyncExternalStore(subscribe, () => state.docs.get(docId)?.get(clauseId));
}

export function themeById(codebook: Codebook | null, id: string) {
  return codebook?.themes.find((t) => t.id === id);
}
