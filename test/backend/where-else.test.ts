import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { toAlignClause } from '../../electron/backend/compare/clauses';
import { createAlignStats } from '../../electron/backend/compare/stats';
import { createWhereElse, signaturesOf } from '../../electron/backend/compare/whereElse';
import { searchCandidates } from '../../electron/backend/compare/whereElseCandidates';
import { createCompareRepo } from '../../electron/backend/db/compare';
import { alignableText } from '../../shared/domain/align';
import { rankSimilar, similarRanking } from '../../shared/domain/similar';
import { projectsPerTest } from '../support/projects';

const newProject = projectsPerTest();
const docByFile = async (b: Backend, file: string) => (await b.api.documents.list({})).find((d) => d.file === file)!;

function parts(b: Backend) {
  const ctx = b.context;
  const repo = createCompareRepo(ctx.db);
  const stats = createAlignStats(repo, (ids) => signaturesOf(ctx, ids));
  const clauseCount = Number(repo.clauseFingerprint().split(':')[0]);
  return { ctx, repo, stats, clauseCount, whereElse: createWhereElse(ctx, repo, stats, { exhaustiveBelow: 0 }) };
}

describe('"where else" candidates from the search index', () => {
  it('finds the counterpart of a clause among the clauses sharing its rarer bigrams, and forgets a deleted document', async () => {
    const b = (await newProject()).backend;
    const { ctx, repo, stats, clauseCount } = parts(b);
    const q12 = await docByFile(b, '003_52b9eff8da68288c.txt');
    const wz = await docByFile(b, '002_9b49f850c7a45ea9.txt');
    const clause = ctx.documents.clauses(q12.id).find((c) => c.text.includes('实施大学生创业引领计划'))!;
    const text = alignableText(toAlignClause({ ...clause, context: [] }))!;
    const counterpart = ctx.documents.clauses(wz.id).find((c) => c.text.includes('大学生创业引领计划'))!;
    const ids = searchCandidates(repo, stats.termStats(), text, clauseCount, { postingBudget: 100_000, maxShare: 0.5, keep: 20, lengthPower: 0.5 });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(20);
    // The query itself holds all its bigrams; its counterpart in another city's plan is near the top of some 300 clauses.
    expect(ids).toContain(clause.id);
    expect(ids.slice(0, 10)).toContain(counterpart.id);
    // Read no postings: no candidate at all.
    expect(searchCandidates(repo, stats.termStats(), text, clauseCount, { postingBudget: 0, maxShare: 0.5, keep: 20, lengthPower: 0.5 })).toEqual([]);
    await b.api.documents.delete({ id: wz.id });
    const after = searchCandidates(repo, stats.termStats(), text, clauseCount, { postingBudget: 100_000, maxShare: 0.5, keep: 200, lengthPower: 0.5 });
    expect(after).not.toContain(counterpart.id);
    expect(ctx.documents.clausesByIds(after).every((c) => c.doc_id !== wz.id)).toBe(true);
  });

  it('answers from the search-index candidates what scoring every clause answers, when the candidates hold them', async () => {
    const b = (await newProject()).backend;
    const { ctx, whereElse } = parts(b);
    const q12 = await docByFile(b, '003_52b9eff8da68288c.txt');
    const clause = ctx.documents.clauses(q12.id).find((c) => c.text.includes('实施大学生创业引领计划'))!;
    const all = ctx.db.prepare("SELECT id FROM clauses WHERE kind IN ('measure', 'heading')").pluck().all() as number[];
    const exhaustive = whereElse.rank(clause, ctx.documents.clausesByIds(all), 5).map((r) => r.id);
    const indexed = whereElse(clause.id, 5);
    expect(indexed.candidates).toBeLessThan(all.length / 2);
    expect(exhaustive.length).toBe(5);
    expect(indexed.hits.map((h) => h.clauseId)).toEqual(exhaustive);
  });
});

describe('similarRanking.resolve', () => {
  it('ranks as rankSimilar with every near-copy score, looking up only the scores that can change the answer', async () => {
    const b = (await newProject()).backend;
    const { ctx, stats } = parts(b);
    const docs = (await b.api.documents.list({})).map((d) => d.id);
    const clauses = docs.flatMap((id) =>
      ctx.documents.clauses(id).map((c, i, list) => ({ ...toAlignClause({ ...c, context: [] }), position: i / Math.max(1, list.length - 1) })),
    );
    const termStats = stats.termStats();
    // Near-copy scores made up to flip verdicts: every third clause is copied everywhere.
    const nearCopies = (id: number) => (id % 3 === 0 ? 1 : 0);
    let asked = 0;
    for (const query of clauses.filter((c) => c.kind === 'measure').slice(0, 12)) {
      const others = clauses.filter((c) => c.id !== query.id);
      const expected = rankSimilar(query, others, { limit: 8, stats: termStats, nearCopies });
      const ranking = similarRanking(query, others, { stats: termStats });
      const got = ranking.resolve(ranking.shortlist(others.length), 8, (ids) => {
        asked += ids.length;
        return new Map(ids.map((id) => [id, nearCopies(id)]));
      });
      expect(got).toEqual(expected);
    }
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(12 * 8);
  });
});
