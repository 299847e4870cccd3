import type { Db } from '../db/connection';
import type { DocumentsRepo } from '../db/documents';
import type { ThemesRepo } from '../db/themes';
import { buildIndex, computeSuggestions, themesForSuggestion } from './suggestions';

/** How long one slice of the recompute may hold the backend before other calls get their turn. */
const SLICE_MS = 25;

/**
 * Recomputes every document's suggestions (their similarity to the coded clauses is part of the
 * score, so one coding can change suggestions anywhere). With 5,000 documents that is half a
 * minute of work; done in one transaction it held the backend for all of it, and after each
 * coding burst every call — a search, opening a document, the next coding — waited for it.
 * It runs here in slices of about SLICE_MS, each its own transaction, yielding to other calls
 * between them. A newer run (another coding) supersedes the one under way: the new one starts
 * over with the new codings, and whoever waits for the old one gets the new one's result (also when
 * it has not started yet: the next run follows the last coding after a pause).
 */
export function createRecompute(db: Db, repo: ThemesRepo, documents: DocumentsRepo) {
  let generation = 0;
  let latest: Promise<number> | null = null;
  /** Callers of a run that was stopped before its successor started: they get the successor's result. */
  let waiting: Array<(next: Promise<number>) => void> = [];
  const nextRun = () => new Promise<number>((ok) => waiting.push((next) => ok(next)));

  async function pass(gen: number): Promise<number | null> {
    const index = repo.hasAcceptedCodings() ? buildIndex(documents, repo) : undefined;
    const themes = themesForSuggestion(repo);
    const ids = documents.ids();
    let clauses = 0;
    for (let i = 0; i < ids.length;) {
      await new Promise((ok) => setImmediate(ok));
      if (gen !== generation || !db.open) return null;
      // Never inside another caller's open transaction (the SQLite Store holds one across awaits).
      if (db.inTransaction) continue;
      const started = performance.now();
      db.transaction(() => {
        do clauses += computeSuggestions(repo, documents, ids[i++], { index, themes });
        while (i < ids.length && performance.now() - started < SLICE_MS);
      })();
    }
    return clauses;
  }

  return {
    /** Recomputes every document; resolves with the clauses recomputed (by this run or the one that superseded it). */
    all(): Promise<number> {
      const gen = ++generation;
      const run: Promise<number> = pass(gen).then((n) => {
        if (n !== null) return n;
        if (!db.open) return 0; // closed: nothing more will run
        return latest !== run && latest ? latest : nextRun();
      });
      latest = run;
      const callers = waiting;
      waiting = [];
      for (const give of callers) give(run);
      return run;
    },
    /** Stops the run under way (the database is closing, or a newer one is about to start). */
    cancel(): void {
      generation++;
    },
  };
}
