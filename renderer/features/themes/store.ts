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
  /** Which codings the filter counts: confirmed, open suggestions, or both (the default). */
  filterMode: FilterMode;
  /**
   * The coder this window codes as (issue 14), remembered in the project; null: the lead, who
   * codes the consensus and sees every coder's codings beside it. A coder works blind: the
   * margins show their own codings only.
   */
  coderId: number | null;
}
export type FilterMode = 'both' | 'coded' | 'suggested';

let state: State = { codebook: null, docs: new Map(), filter: [], filterMode: 'both', coderId: null };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/**
 * Every change goes through an updater applied to the state as it is NOW, never a copy taken
 * before an await: a copy taken before `await api…` would put back the state of that moment and
 * drop whatever loaded meanwhile (another document's codings — the stripes that went missing).
 */
function update(f: (s: State) => State): void {
  state = f(state);
  emit();
}

/**
 * Responses can arrive out of order (two reloads of one document after two 'themes' events): only
 * the answer to the latest request for a key is applied, so an older answer never replaces a newer.
 */
const latest = new Map<string, number>();
let requests = 0;
async function loadLatest<T>(key: string, load: () => Promise<T>, apply: (s: State, value: T) => State): Promise<void> {
  const n = ++requests;
  latest.set(key, n);
  let value: T;
  try {
    value = await load();
  } catch (e) {
    // The page that asked shows its own error (a document deleted meanwhile, an address typed by
    // hand); the margins just stay empty instead of an uncaught rejection in the page.
    console.warn(`Could not load ${key}:`, e instanceof Error ? e.message : e);
    return;
  }
  if (latest.get(key) !== n) return;
  update((s) => apply(s, value));
}

export function loadCodebook(api: Api): Promise<void> {
  return loadLatest(
    'codebook',
    () => api['themes.codebook']({}),
    (s, codebook) => ({ ...s, codebook }),
  );
}

/** The current coder, read once from the project before any codings are shown (a coder must not glimpse others'). */
let coderLoaded: Promise<void> | null = null;
export function ensureCoder(api: Api): Promise<void> {
  coderLoaded ??= api['coders.list']({}).then(
    (r) => update((s) => ({ ...s, coderId: r.current })),
    () => undefined, // A backend without coders: everyone is the lead.
  );
  return coderLoaded;
}

/** Codes as `coderId` (null: as the lead) in this window and in the project; every document's codings reload. */
export async function setCurrentCoder(api: Api, coderId: number | null): Promise<void> {
  await api['coders.setCurrent']({ coderId });
  coderLoaded = Promise.resolve();
  const loaded = [...state.docs.keys()];
  update((s) => ({ ...s, coderId, docs: new Map() }));
  await Promise.all(loaded.map((id) => loadDocThemes(api, id)));
}

/** The coder to record on a coding made now (undefined: the consensus). */
export function currentCoderId(): number | undefined {
  return state.coderId ?? undefined;
}

export function loadDocThemes(api: Api, docId: number): Promise<void> {
  if (!Number.isInteger(docId) || docId <= 0) return Promise.resolve();
  const load = async () => {
    await ensureCoder(api);
    const coderId = state.coderId;
    return coderId === null ? api['themes.clauses']({ docId, withCoders: true }) : api['themes.clauses']({ docId, coderId });
  };
  return loadLatest(`doc:${docId}`, load, (s, rows) => {
    const docs = new Map(s.docs);
    docs.set(docId, new Map(rows.map((r) => [r.clauseId, r])));
    return { ...s, docs };
  });
}

export function setFilter(filter: string[]): void {
  update((s) => ({ ...s, filter }));
}

export function setFilterMode(filterMode: FilterMode): void {
  update((s) => ({ ...s, filterMode }));
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
