// The "where else" candidate sources the app used before its search-index candidates
// (electron/backend/compare/whereElseCandidates.ts), kept here, outside the app, as the baseline
// where-else-real.bench.ts measures the app's method against: the votes of the query's rarest
// bigrams in the search index, and the clauses sharing most LSH bands with it (from the band
// sketches, compare/nearCopies.ts, since migration 012 dropped the FTS5 table of band keys).
import type { Db } from '../../electron/backend/db/connection';
import type { CompareRepo } from '../../electron/backend/db/compare';
import type { CandidateSource } from '../../electron/backend/compare/whereElse';
import type { SketchIndex } from '../../electron/backend/compare/nearCopies';
import { bandSketch } from '../../shared/domain/similar';
import { clauseIdOfKey, foldForSearch } from '../../shared/domain/search';
import { indexCharacters } from '../../shared/domain/search/terms';

/** The query's bigrams read from the search index, rarest first. */
const rareTerms = 24;
/** A bigram held by more than this share of clauses says little about what a clause is about. */
const commonShare = 0.05;
/** Candidates kept from the bigram votes and from the LSH bands, scored in full. */
const fromTerms = 200;
const fromBands = 100;

/** Clause ids voted for by the query's rarest bigrams in the search index, best first. */
function termCandidates(repo: CompareRepo, termDocs: (term: string) => number, text: string, clauseCount: number, limit: number): number[] {
  const chars = indexCharacters(foldForSearch(text));
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
  const maxDocs = Math.max(50, clauseCount * commonShare);
  const chosen = [...terms]
    .map((term) => ({ term, docs: termDocs(term) }))
    .filter((t) => t.docs > 0 && t.docs <= maxDocs)
    .sort((a, b) => a.docs - b.docs)
    .slice(0, rareTerms);
  const votes = new Map<number, number>();
  for (const { term, docs } of chosen) {
    const weight = Math.log(1 + clauseCount / docs);
    for (const key of repo.termKeys(`"${term}"`)) {
      const id = clauseIdOfKey(key);
      votes.set(id, (votes.get(id) ?? 0) + weight);
    }
  }
  return [...votes]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([id]) => id);
}

/** The baseline's candidates: rare-bigram votes and/or the clauses sharing most LSH bands with the query. */
export function baselineCandidates(db: Db, repo: CompareRepo, sketches: SketchIndex, use: { terms: boolean; bands: boolean }): CandidateSource {
  // How many clauses hold each bigram (fts5vocab over the search index, migration 009).
  const termDocsStmt = db.prepare('SELECT doc FROM search_vocab WHERE term = ?').pluck();
  const termDocs = (term: string) => (termDocsStmt.get(term) as number | undefined) ?? 0;
  return (query, _text, sig) => {
    const clauseCount = Number(repo.clauseFingerprint().split(':')[0]);
    const ids = new Set(use.terms ? termCandidates(repo, termDocs, query.text, clauseCount, fromTerms) : []);
    if (use.bands)
      for (const c of sketches
        .sharing(bandSketch(sig), 1)
        .sort((a, b) => b.shared - a.shared || a.clauseId - b.clauseId)
        .slice(0, fromBands))
        ids.add(c.clauseId);
    return [...ids];
  };
}
