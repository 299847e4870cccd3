// Keeps the search index (and the stored texts) compact in the background. Every import writes new FTS5 segments, and
// every term lookup visits each segment, so a freshly imported corpus answers queries several
// times slower than a merged one. After the documents change (and once after opening, in case
// the last session ended before it finished) the index is merged in small steps between
// requests, so no request waits for more than one step.
import type { BackendContext } from '../context';
import type { SearchStore } from '../db/search';
import { releaseFreePages } from '../db/connection';
import { packStep } from '../db/documentText';

/** Pause after the corpus changed before merging starts (imports come in bursts). */
const SETTLE_MS = 500;
/** Pages written per step: a few tens of milliseconds. */
const STEP_PAGES = 200;
/** Documents whose text is packed per step (about a millisecond each). */
const PACK_DOCUMENTS = 20;

export function keepIndexCompact(ctx: BackendContext, store: SearchStore): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const step = () => {
    timer = null;
    if (stopped || !ctx.db.open) return;
    // An open transaction belongs to someone else's work: come back later.
    if (ctx.db.inTransaction) return schedule(SETTLE_MS);
    let more = false;
    try {
      // Merge first; once merged, give the pages of the replaced segments back in steps as small.
      // Texts of an upgraded project are packed first (migration 013), then the index merged.
      more = packStep(ctx.db, PACK_DOCUMENTS) || store.mergeStep(STEP_PAGES) || releaseFreePages(ctx.db, STEP_PAGES * 5);
    } catch (e) {
      // Busy or read-only databases merge another time; the index is correct either way.
      console.error(`[policylens] search index merge deferred: ${(e as Error).message}`);
      return;
    }
    if (more) schedule(5);
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(step, ms);
    timer.unref?.();
  };

  const unsubscribe = ctx.events.subscribe((e) => {
    if (e.type === 'changed' && e.topic === 'documents') schedule(SETTLE_MS);
  });
  if (ctx.info.mode !== 'cli') schedule(SETTLE_MS);
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
