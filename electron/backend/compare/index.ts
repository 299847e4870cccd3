import type { compareMethods, ComparisonMember, ComparisonSummary } from '../../../shared/api/methods/compare';
import { ApiError } from '../../../shared/api/errors';
import { decisionOf } from '../../../shared/domain/align/decisions';
import type { BackendContext } from '../context';
import { createCompareRepo } from '../db/compare';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';
import { alignMembers } from './align';
import { memberClauses, memberInfo, toCompareClause } from './clauses';
import { reanchorDecisions } from './reanchor';
import { createAlignStats } from './stats';
import { buildPendingSketches, createWhereElse, indexDocument, signaturesOf, writeSketches } from './whereElse';

/** The compare feature: comparisons, alignment with decisions, and "where else". */
export function createCompareFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof compareMethods>; hooks?: DocumentHooks } {
  const repo = createCompareRepo(ctx.db);
  buildPendingSketches(ctx, repo);
  const stats = createAlignStats(repo, (ids) => signaturesOf(ctx, ids));
  const whereElse = createWhereElse(ctx, repo, stats);
  const changed = () => ctx.events.changed('compare');

  function summary(id: number): ComparisonSummary {
    const row = repo.get(id);
    if (!row || row.deleted_at) throw new ApiError('not_found', `Comparison ${id} does not exist (any more).`);
    return {
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      members: repo.members(id).map((m) => memberInfo(ctx, { docId: m.doc_id, partIndex: m.part_index })),
    };
  }

  function checkMembers(members: ComparisonMember[]) {
    const seen = new Set<string>();
    for (const m of members) {
      memberClauses(ctx, m); // throws a clear not_found for a missing document or part
      const key = `${m.docId}:${m.partIndex}`;
      if (seen.has(key)) throw new ApiError('invalid_input', 'The same document (or part) is listed twice in this comparison.');
      seen.add(key);
      if (m.partIndex == null && members.some((o) => o.docId === m.docId && o.partIndex != null)) {
        throw new ApiError('invalid_input', 'A comparison cannot hold a whole document and one of its parts at the same time.');
      }
    }
  }

  /** The member (document and part) a clause belongs to. */
  function memberOfClause(clauseId: number): ComparisonMember {
    const row = ctx.documents.clause(clauseId);
    if (!row) throw new ApiError('not_found', `Clause ${clauseId} does not exist (any more).`);
    return { docId: row.doc_id, partIndex: row.part_index };
  }

  const handlers: HandlerGroup<keyof typeof compareMethods> = {
    'compare.list': () => repo.list().map((r) => summary(r.id)),
    'compare.create': ({ name, members }) => {
      checkMembers(members);
      const id = ctx.db.transaction(() => repo.create(name, members))();
      changed();
      return summary(id);
    },
    'compare.rename': ({ id, name }) => {
      summary(id);
      repo.rename(id, name);
      changed();
      return summary(id);
    },
    'compare.delete': ({ id }) => {
      summary(id);
      repo.moveToBin(id);
      changed();
      return { ok: true as const };
    },
    'compare.restore': ({ id }) => {
      const row = repo.get(id);
      if (!row) throw new ApiError('not_found', `Comparison ${id} does not exist (any more).`);
      repo.restore(id);
      changed();
      return summary(id);
    },
    'compare.view': ({ id }) => {
      const s = summary(id);
      const members = s.members.map((m) => ({ docId: m.docId, partIndex: m.partIndex }));
      const links = members.flatMap((a, i) => members.slice(i + 1).flatMap((b) => alignMembers(ctx, repo, stats, a, b)));
      // A clause is shown as boilerplate when a link of it is (the aligner's mark, from the project's statistics).
      const formula = new Set(links.filter((l) => l.boilerplate).flatMap((l) => [l.a, l.b]));
      const columns = s.members.map((m) => ({ ...m, clauses: memberClauses(ctx, m).map((c) => ({ ...toCompareClause(c), boilerplate: formula.has(c.id) })) }));
      return { ...s, columns, links };
    },
    'compare.align': ({ a, b }) => ({ links: alignMembers(ctx, repo, stats, a, b) }),
    'compare.decide': ({ a, b, status }) => {
      const ma = memberOfClause(a);
      const mb = memberOfClause(b);
      if (ma.docId === mb.docId && ma.partIndex === mb.partIndex)
        throw new ApiError('invalid_input', 'Both clauses belong to the same document: links join clauses of different documents.');
      const known = alignMembers(ctx, repo, stats, ma, mb).find((l) => l.a === a && l.b === b);
      const { stored, link } = decisionOf(a, b, status, known, repo.decision(a, b));
      repo.decide(a, b, status, stored.source, stored.score);
      changed();
      return link;
    },
    'compare.unlink': ({ a, b }) => {
      repo.forget(a, b);
      changed();
      return { ok: true as const };
    },
    'compare.whereElse': ({ clauseId, limit }) => whereElse(clauseId, limit ?? 20),
  };

  const hooks: DocumentHooks = {
    // Sketches the import's workers computed are written as they are.
    clausesWritten: (_db, docId, doc) => (doc?.extras ? writeSketches(repo, docId, doc.extras.sketches) : indexDocument(ctx, repo, docId, doc?.clauses)),
    // A document's sketches go with it (ON DELETE CASCADE); a re-import rewrites them (clausesWritten).
    reanchor: (_db, rctx) => reanchorDecisions(repo, rctx),
  };
  return { handlers, hooks };
}
