// Documents, clauses, search and import of a team project, on the asynchronous Store.
import { createHash } from 'node:crypto';
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Clause, DocumentSummary } from '../../../shared/api/methods/documents';
import type { SearchFilters } from '../../../shared/api/methods/search';
import { analyseDocument } from '../../../shared/domain/analyze';
import { findOccurrences, makeSnippet } from '../../../shared/domain/search/highlight';
import { parseQuery, positiveTerms } from '../../../shared/domain/search/query';
import { extractFile } from '../importers';
import type { StoredClause, StoredDocument } from '../store/types';
import { version } from '../version';
import type { Caller, TeamContext, TeamHandlers, TeamDispatch } from './caller';
import { type ResolvedFilters, resolveSearchFilters } from './searchFilters';

export function clauseOut(c: StoredClause): Clause {
  return {
    id: c.id,
    docId: c.docId,
    parentId: c.parentId,
    label: c.label,
    level: c.level,
    kind: c.kind,
    heading: c.heading,
    text: c.text,
    start: c.start,
    end: c.end,
    partIndex: c.partIndex,
    path: c.path,
    agencies: { lead: c.leadAgencies, responsible: c.responsibleAgencies },
  };
}

export async function requireDocument(ctx: TeamContext, id: number): Promise<StoredDocument> {
  const d = await ctx.store.documents.get(id);
  if (!d) throw new ApiError('not_found', `Document ${id} does not exist (it may have been deleted).`);
  return d;
}

async function summaries(ctx: TeamContext, ids?: Set<number>): Promise<DocumentSummary[]> {
  const listed = (await ctx.store.documents.list()).filter((d) => !ids || ids.has(d.id));
  const out: DocumentSummary[] = [];
  for (const item of listed) {
    const d = await ctx.store.documents.get(item.id);
    if (!d) continue; // deleted meanwhile
    const parts = await ctx.store.documents.parts(item.id);
    out.push({
      ...d.metadata,
      id: d.id,
      history: d.history,
      file: d.fileName,
      format: d.format,
      encoding: d.encoding,
      year: item.year,
      clauseCount: item.clauseCount,
      parts: parts.map((p) => ({ index: p.index, title: p.title })),
      importedAt: d.importedAt,
    });
  }
  return out;
}

/** The words of a documents.find query, folded as the desktop finder folds them (case, NFKC). */
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The Store's hits of a search under resolved filters, in its ranking order; a theme filter reads every hit of the documents. */
async function filteredHits(ctx: TeamContext, query: string, f: ResolvedFilters, offset: number, limit: number) {
  if (f.docIds?.length === 0) return { total: 0, hits: [] };
  if (!f.clauses) return ctx.store.search.query({ query, docIds: f.docIds, offset, limit });
  const total = await ctx.store.search.count({ query, docIds: f.docIds });
  const kept = [];
  for (let at = 0; at < total; at += 5000)
    for (const h of (await ctx.store.search.query({ query, docIds: f.docIds, offset: at, limit: 5000 })).hits) if (f.clauses.has(h.clauseId)) kept.push(h);
  return { total: kept.length, hits: kept.slice(offset, offset + limit) };
}

export function documentHandlers(ctx: TeamContext, dispatch: Pick<TeamDispatch, 'call'>): TeamHandlers {
  const filtersOf = (filters: SearchFilters | undefined, caller: Caller) => resolveSearchFilters(filters, caller, () => summaries(ctx), dispatch.call);
  const changed = () => ctx.events.changed('documents');
  return {
    'system.info': async () => ({
      version,
      mode: 'browser',
      dataDir: '',
      databasePath: 'PostgreSQL (team project)',
      documentCount: await ctx.store.documents.count(),
    }),
    'documents.list': () => summaries(ctx),
    'documents.find': async ({ q, ids, offset, limit }) => {
      const words = fold(q).split(/\s+/u).filter(Boolean);
      const all = await summaries(ctx, ids ? new Set(ids) : undefined);
      const hay = (d: DocumentSummary) =>
        fold([d.title, d.file, d.city, d.province, d.docNumber, d.issuer, d.dateWritten, d.datePublished].filter(Boolean).join(' '));
      const found = all.filter((d) => words.every((w) => hay(d).includes(w)));
      return { total: found.length, documents: found.slice(offset, offset + limit) };
    },
    'documents.filterValues': async () => {
      const all = await summaries(ctx);
      const distinct = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => !!x))];
      return {
        cities: distinct(all.map((d) => d.city)),
        provinces: distinct(all.map((d) => d.province)),
        validity: distinct(all.map((d) => d.validity)),
        years: [...new Set(all.flatMap((d) => (d.year === null ? [] : [d.year])))].sort((a, b) => a - b),
      };
    },
    'documents.get': async ({ id }) => {
      const d = await requireDocument(ctx, id);
      const [summary] = await summaries(ctx, new Set([id]));
      const { cited, citedBy } = await ctx.store.documents.citations(id);
      return {
        ...summary,
        inferred: d.inferredFields as Output<'documents.get'>['inferred'],
        edited: d.editedFields as Output<'documents.get'>['edited'],
        cited,
        citedBy,
        warnings: d.warnings,
        sourceHash: d.sourceHash,
      };
    },
    'documents.text': async ({ id }) => ({ text: (await requireDocument(ctx, id)).cleanedText }),
    'documents.clauses': async ({ id }) => {
      await requireDocument(ctx, id);
      return (await ctx.store.documents.clauses(id)).map(clauseOut);
    },
    'documents.importFiles': async ({ files, taskId }, caller) => {
      const report: Output<'documents.importFiles'> = { imported: [], updated: [], duplicates: [], errors: [], incomplete: [], cancelled: false };
      const task = ctx.tasks.start(caller, taskId);
      for (const f of files) {
        // Cancelled between files: what was imported stays, as on the desktop.
        if ((report.cancelled = task.signal.aborted)) break;
        try {
          const bytes = Buffer.from(f.dataBase64, 'base64');
          const extracted = await extractFile(f.name, bytes);
          const analysed = analyseDocument(extracted, f.name);
          const { id } = await ctx.store.documents.insert({
            fileName: f.name,
            sourcePath: null,
            sourceHash: createHash('sha256').update(bytes).digest('hex'),
            format: extracted.format,
            encoding: extracted.encoding,
            analysed,
            warnings: extracted.warnings,
          });
          const clauseCount = analysed.clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length;
          report.imported.push({ id, file: f.name, title: analysed.metadata.title, clauseCount });
        } catch (e) {
          report.errors.push({ file: f.name, message: e instanceof Error ? e.message : String(e) });
        }
      }
      task.end(); // every file's failure is caught above: nothing skips this
      if (report.imported.length) changed();
      return report;
    },
    'search.query': async ({ query, filters, offset, limit }, caller) => {
      const started = performance.now();
      const parsed = parseQuery(query);
      const terms = positiveTerms(parsed);
      const result = await filteredHits(ctx, query, await filtersOf(filters, caller), offset, limit);
      const docs = new Map<number, { title: string | null; city: string | null; year: number | null }>();
      for (const d of await ctx.store.documents.list()) docs.set(d.id, d);
      const hits = [];
      for (const h of result.hits) {
        const c = await ctx.store.documents.clause(h.clauseId);
        if (!c) continue;
        const parts = c.partIndex === null ? [] : await ctx.store.documents.parts(c.docId);
        const d = docs.get(h.docId);
        const first = h.occurrences[0] ?? { start: c.textStart, end: c.textStart };
        hits.push({
          docId: h.docId,
          clauseId: h.clauseId,
          label: c.label,
          path: c.path,
          part: parts.length > 1 ? (parts.find((p) => p.index === c.partIndex)?.title ?? null) : null,
          heading: c.heading,
          snippet: makeSnippet(c.text, findOccurrences(c.text, terms)),
          start: first.start,
          end: first.end,
          occurrences: h.occurrences,
          score: h.score,
          title: d?.title ?? null,
          city: d?.city ?? null,
          year: d?.year ?? null,
        });
      }
      return {
        total: result.total,
        hits,
        more: offset + result.hits.length < result.total,
        terms: terms.map((t) => t.folded),
        ranking: 'bm25' as const,
        rankedAmong: result.total,
        tookMs: Math.round(performance.now() - started),
      };
    },
    'search.facets': async ({ query, filters, documentsLimit, documentsOffset, documentsFilter }, caller) => {
      const resolved = await filtersOf(filters, caller);
      // Every hit's document (filteredHits reads them all under a theme filter).
      const { total, hits } = await filteredHits(ctx, query, resolved, 0, Number.MAX_SAFE_INTEGER);
      const perDoc = new Map<number, number>();
      for (const h of hits) perDoc.set(h.docId, (perDoc.get(h.docId) ?? 0) + 1);
      const docs = new Map((await ctx.store.documents.list()).map((d) => [d.id, d]));
      const cities = new Map<string | null, number>();
      for (const [id, n] of perDoc) cities.set(docs.get(id)?.city ?? null, (cities.get(docs.get(id)?.city ?? null) ?? 0) + n);
      const words = fold(documentsFilter ?? '')
        .split(/\s+/u)
        .filter(Boolean);
      const all = [...perDoc]
        .map(([docId, count]) => ({
          docId,
          count,
          title: docs.get(docId)?.title ?? null,
          city: docs.get(docId)?.city ?? null,
          year: docs.get(docId)?.year ?? null,
        }))
        .filter((d) => words.every((w) => fold(`${d.title ?? ''} ${d.city ?? ''}`).includes(w)))
        .sort((a, b) => b.count - a.count || a.docId - b.docId);
      return {
        total,
        cities: [...cities].map(([city, count]) => ({ city, count })).sort((a, b) => b.count - a.count),
        documents: documentsLimit ? all.slice(documentsOffset, documentsOffset + documentsLimit) : all,
        documentsTotal: all.length,
        // As the desktop's engine: not with a typed filter (the counts do not change with it).
        ...(documentsLimit && !words.length ? { perDocument: [...perDoc] as Array<[number, number]> } : {}),
      };
    },
    'search.count': async ({ query, filters }, caller) => {
      const started = performance.now();
      const resolved = await filtersOf(filters, caller);
      const total =
        resolved.docIds?.length === 0
          ? 0
          : resolved.clauses
            ? (await filteredHits(ctx, query, resolved, 0, 0)).total
            : await ctx.store.search.count({ query, docIds: resolved.docIds });
      return { total, tookMs: Math.round(performance.now() - started) };
    },
  };
}
