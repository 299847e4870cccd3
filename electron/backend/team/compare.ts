// Comparisons, alignment decisions, "where else" and the comparison and concordance exports of a
// team project, on the asynchronous Store: the desktop's behaviour (electron/backend/compare,
// export) with the same domain functions. Decisions are the team's shared project data; who made
// each one is in the audit log (compare.decide is a `code` call).
import type { MethodName } from '../../../shared/api/contract';
import { createClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import type { ComparisonMember, ComparisonSummary, MemberInfo, WhereElseHit } from '../../../shared/api/methods/compare';
import { alignableText } from '../../../shared/domain/align';
import { decisionOf } from '../../../shared/domain/align/decisions';
import { whereElseRanking } from '../../../shared/domain/similar/whereElse';
import { signatureOf } from '../compare/bands';
import { concordanceLines, concordanceTable } from '../export/concordance';
import { writerFor } from '../export/formats';
import { configuredPdfRenderer, headlessChromiumRenderer, type PdfRenderer } from '../export/formats/pdf';
import { tableToCsv, tablesToXlsx } from '../export/formats/tables';
import { buildModel } from '../export/model-builder';
import { labelsFor } from '../export/report/labels';
import type { StoredComparison } from '../store/compareTypes';
import type { Store } from '../store/types';
import { version } from '../version';
import type { Caller, TeamContext, TeamDispatch, TeamHandlers } from './caller';
import { alignMembers, createStoreAlignStats, memberClauses, toAlignClause, toCompareClause, type MemberClause } from './compareAlign';
import { writeExport } from './exports';

/** Below this many clauses every measure and heading is a "where else" candidate: exact, and still fast (as the desktop). */
const exhaustiveBelow = 2500;
/** LSH candidates scored by the measure above that. */
const candidatesScored = 200;

/** Title, city, year and date of members as a researcher names them (a part by its own title); read once per call. */
function memberNamer(store: Store) {
  const known = new Map<number, Promise<Omit<MemberInfo, 'docId' | 'partIndex'> & { parts: Map<number, string> }>>();
  let years: Promise<Map<number, number | null>> | undefined;
  const load = async (docId: number) => {
    const d = await store.documents.get(docId);
    if (!d) return { title: `#${docId}`, city: null, year: null, date: null, parts: new Map<number, string>() };
    years ??= store.documents.list().then((all) => new Map(all.map((x) => [x.id, x.year])));
    const year = (await years).get(docId) ?? null;
    const parts = new Map((await store.documents.parts(docId)).map((p) => [p.index, p.title] as const));
    return {
      title: d.metadata.title ?? d.fileName,
      city: d.metadata.city,
      year,
      date: d.metadata.datePublished ?? d.metadata.dateWritten ?? null,
      parts,
    };
  };
  return async (m: ComparisonMember): Promise<MemberInfo> => {
    if (!known.has(m.docId)) known.set(m.docId, load(m.docId));
    const { parts, ...info } = await known.get(m.docId)!;
    const part = m.partIndex == null ? undefined : parts.get(m.partIndex);
    return { ...m, ...info, title: part ?? info.title };
  };
}

export function compareHandlers(ctx: TeamContext, dispatch: TeamDispatch): TeamHandlers {
  const { store } = ctx;
  const stats = createStoreAlignStats(store);
  const changed = () => ctx.events.changed('compare');
  let headless: PdfRenderer | undefined;
  const pdf = (): PdfRenderer => configuredPdfRenderer() ?? (headless ??= headlessChromiumRenderer());
  /** The contract as the caller, for the exports (which read other features only through it). */
  const clientFor = (caller: Caller) => createClient((method, input) => dispatch.call(caller, method, input));

  async function live(id: number): Promise<StoredComparison> {
    const row = await store.comparisons.get(id);
    if (!row || row.deletedAt) throw new ApiError('not_found', `Comparison ${id} does not exist (any more).`);
    return row;
  }

  async function summary(row: StoredComparison, name = memberNamer(store)): Promise<ComparisonSummary> {
    const members: MemberInfo[] = [];
    for (const m of row.members) members.push(await name(m));
    return { id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt, members };
  }

  async function checkMembers(members: ComparisonMember[]) {
    const seen = new Set<string>();
    for (const m of members) {
      await memberClauses(store, m); // throws a clear not_found for a missing document or part
      const key = `${m.docId}:${m.partIndex}`;
      if (seen.has(key)) throw new ApiError('invalid_input', 'The same document (or part) is listed twice in this comparison.');
      seen.add(key);
      if (m.partIndex == null && members.some((o) => o.docId === m.docId && o.partIndex != null)) {
        throw new ApiError('invalid_input', 'A comparison cannot hold a whole document and one of its parts at the same time.');
      }
    }
  }

  /** The member (document and part) a clause belongs to. */
  async function memberOfClause(clauseId: number): Promise<ComparisonMember> {
    const [c] = await store.alignment.clausesByIds([clauseId]);
    if (!c) throw new ApiError('not_found', `Clause ${clauseId} does not exist (any more).`);
    return { docId: c.docId, partIndex: c.partIndex };
  }

  async function whereElse(clauseId: number, limit: number): Promise<{ hits: WhereElseHit[]; candidates: number }> {
    const [query] = await store.alignment.clausesByIds([clauseId]);
    if (!query) throw new ApiError('not_found', `Clause ${clauseId} does not exist (any more).`);
    const asAlign = toAlignClause({ ...query, context: [] });
    if (!signatureOf({ id: query.id, kind: query.kind, text: query.text, heading: query.heading }) || alignableText(asAlign) == null)
      return { hits: [], candidates: 0 };
    const clauseCount = Number((await store.alignment.corpusKey()).split(':')[0]);
    const ids =
      clauseCount < exhaustiveBelow
        ? (await store.alignment.measureTexts(1)).map((c) => c.id)
        : (await store.whereElse.candidates(clauseId, candidatesScored)).map((c) => c.clauseId);
    const rows = await store.alignment.clausesByIds(ids);
    const last = await store.alignment.lastOrds([...new Set([query.docId, ...rows.map((c) => c.docId)])]);
    const ranking = whereElseRanking(query, rows, last, await stats.termStats(), limit);
    const near = await stats.nearCopiesOf(ranking.shortlist);
    const ranked = ranking.resolve((asked) => new Map(asked.map((id) => [id, near.get(id) ?? 0])));
    const name = memberNamer(store);
    const hits: WhereElseHit[] = [];
    for (const { row: c, ...r } of ranked) {
      const info = await name({ docId: c.docId, partIndex: c.partIndex });
      hits.push({
        clauseId: c.id,
        docId: c.docId,
        partIndex: c.partIndex,
        title: info.title,
        city: info.city,
        year: info.year,
        path: c.path,
        text: c.text.slice(0, 400),
        ...r,
      });
    }
    return { hits, candidates: ids.length };
  }

  return {
    'compare.list': async () => {
      const name = memberNamer(store);
      const out: ComparisonSummary[] = [];
      for (const row of await store.comparisons.list()) out.push(await summary(row, name));
      return out;
    },
    'compare.create': async ({ name, members }) => {
      await checkMembers(members);
      const row = await store.comparisons.create(name, members);
      changed();
      return summary(row);
    },
    'compare.rename': async ({ id, name }) => {
      await live(id);
      await store.comparisons.rename(id, name);
      changed();
      return summary(await live(id));
    },
    'compare.delete': async ({ id }) => {
      await live(id);
      await store.comparisons.moveToBin(id);
      changed();
      return { ok: true as const };
    },
    'compare.restore': async ({ id }) => {
      if (!(await store.comparisons.restore(id))) throw new ApiError('not_found', `Comparison ${id} does not exist (any more).`);
      changed();
      return summary(await live(id));
    },
    'compare.view': async ({ id }) => {
      const s = await summary(await live(id));
      const members = s.members.map((m) => ({ docId: m.docId, partIndex: m.partIndex }));
      const read = new Map<string, Promise<MemberClause[]>>();
      const clausesOf = (m: ComparisonMember) => {
        const key = `${m.docId}:${m.partIndex}`;
        if (!read.has(key)) read.set(key, memberClauses(store, m));
        return read.get(key)!;
      };
      const links = [];
      for (const [i, a] of members.entries()) for (const b of members.slice(i + 1)) links.push(...(await alignMembers(store, stats, a, b, clausesOf)));
      // A clause is shown as boilerplate when a link of it is (the aligner's mark, from the project's statistics).
      const formula = new Set(links.filter((l) => l.boilerplate).flatMap((l) => [l.a, l.b]));
      const columns = [];
      for (const m of s.members) columns.push({ ...m, clauses: (await clausesOf(m)).map((c) => ({ ...toCompareClause(c), boilerplate: formula.has(c.id) })) });
      return { ...s, columns, links };
    },
    'compare.align': async ({ a, b }) => ({ links: await alignMembers(store, stats, a, b) }),
    'compare.decide': async ({ a, b, status }) => {
      const ma = await memberOfClause(a);
      const mb = await memberOfClause(b);
      if (ma.docId === mb.docId && ma.partIndex === mb.partIndex)
        throw new ApiError('invalid_input', 'Both clauses belong to the same document: links join clauses of different documents.');
      const known = (await alignMembers(store, stats, ma, mb)).find((l) => l.a === a && l.b === b);
      // The previous decision and the new one in one transaction: two coders deciding at once are serialised.
      const link = await store.transaction(async (tx) => {
        const decided = decisionOf(a, b, status, known, (await tx.alignment.decision(a, b)) ?? undefined);
        await tx.alignment.decide({ a, b, status, ...decided.stored });
        return decided.link;
      });
      changed();
      return link;
    },
    'compare.unlink': async ({ a, b }) => {
      await store.alignment.forget(a, b);
      changed();
      return { ok: true as const };
    },
    'compare.whereElse': ({ clauseId, limit }) => whereElse(clauseId, limit ?? 20),

    'export.comparison': async ({ comparisonId, format, options, taskId: _task, ...dest }, caller) => {
      const writer = writerFor(format);
      const source = { api: clientFor(caller), info: { version }, available: (m: MethodName) => dispatch.has(m) };
      const model = await buildModel(source, { comparisonId }, 'PolicyLens team project');
      const bytes = await writer.write(model, options, { pdf: pdf() });
      const out = writeExport(ctx, caller, dest, model.comparison?.name ?? 'comparison', writer.extension, bytes);
      return { ...out, bytes: bytes.length, format, warnings: model.warnings };
    },
    'export.concordance': async ({ query, filters, format, context, locale, taskId: _task, ...dest }, caller) => {
      const l = labelsFor(locale);
      const lines = await concordanceLines({ api: clientFor(caller) }, query, filters, context, l);
      const table = concordanceTable(lines, l);
      const bytes = format === 'csv' ? tableToCsv(table) : await tablesToXlsx([table], { title: `${l.concordance} ${query}` });
      const out = writeExport(ctx, caller, dest, `${l.concordance} ${query}`, format, bytes);
      return { ...out, bytes: bytes.length, format, warnings: [], occurrences: lines.length };
    },
  };
}
