// Inter-coder agreement, reconciliation and its export for a team project: the codings come from
// the Store, the units and statistics are the desktop's pure code (agreement/units.ts,
// shared/domain/agreement), the workbook is the desktop's (agreement/export.ts).
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { agreementFigures } from '../../../shared/domain/agreement/index';
import { agreementWorkbook } from '../agreement/export';
import { type AgreementLevel, buildUnits } from '../agreement/units';
import type { Coding, StoredClause } from '../store/types';
import { type Caller, type TeamContext, type TeamHandlers, leadOnly } from './caller';
import { writeExport } from './exports';

type Result = Output<'agreement.compute'>;
const live = (c: Coding) => c.status !== 'rejected';

export async function computeTeamAgreement(
  ctx: TeamContext,
  input: { coderIds: number[]; docIds?: number[]; themeIds?: string[]; level: AgreementLevel },
): Promise<Result> {
  const { store } = ctx;
  const coderIds = [...new Set(input.coderIds)];
  if (coderIds.length < 2) throw new ApiError('invalid_input', 'Agreement compares at least two different coders.');
  const allCoders = new Map((await store.coders.list()).map((c) => [c.id, c]));
  const coders = coderIds.map((id) => {
    const c = allCoders.get(id);
    if (!c) throw new ApiError('not_found', `There is no coder ${id}.`);
    return { id: c.id, name: c.name };
  });
  const known = (await store.themes.list()).map((t) => t.id);
  const themeIds = input.themeIds ? [...new Set(input.themeIds)] : known;
  const unknown = themeIds.filter((t) => !known.includes(t));
  if (unknown.length) throw new ApiError('not_found', `No theme ${unknown.slice(0, 5).join(', ')} in the codebook.`);
  const codings = (await Promise.all(coderIds.map((id) => store.codings.ofCoder(id)))).flat().filter(live);
  const docIds = input.docIds ? [...new Set(input.docIds)] : [...new Set(codings.map((c) => c.docId))].sort((a, b) => a - b);
  const docs = new Map((await store.documents.list()).map((d) => [d.id, d]));
  const missing = docIds.filter((d) => !docs.has(d));
  if (missing.length) throw new ApiError('not_found', `No document ${missing.slice(0, 5).join(', ')}.`);
  const inDocs = new Set(docIds);
  const compared = codings.filter((c) => inDocs.has(c.docId));
  const coded = new Set(compared.map((c) => c.clauseId));
  // The universe, as on the desktop: every codable clause of the documents, and any other clause a coder coded.
  const clauseRows: StoredClause[] = [];
  for (const d of docIds)
    for (const c of await store.documents.clauses(d)) if (c.kind === 'measure' || c.kind === 'heading' || coded.has(c.id)) clauseRows.push(c);
  const units = buildUnits(
    input.level,
    clauseRows.map((c) => ({ id: c.id, start: c.start, end: c.end })),
    coderIds,
    themeIds,
    compared.map((c) => ({ clauseId: c.clauseId, themeId: c.themeId, coderId: c.coderId!, start: c.start, end: c.end })),
  );
  const figures = (u: Parameters<typeof agreementFigures>[0]) => {
    const f = agreementFigures(u);
    return { ...f, units: Math.round(f.units) };
  };
  const clauseById = new Map(clauseRows.map((c) => [c.id, c]));
  const consensus = new Set((await store.codings.ofCoder(null)).filter((c) => c.status === 'accepted').map((c) => `${c.clauseId}\u0000${c.themeId}`));
  return {
    level: input.level,
    coders,
    documents: docIds.length,
    clauses: clauseRows.length,
    overall: figures(units.overall),
    themes: units.themes.map((t) => ({ themeId: t.themeId, figures: figures(t.units), coded: t.coded.map((x) => Math.round(x)) })),
    disagreements: units.disagreements.map(({ clauseId, themeId }) => {
      const c = clauseById.get(clauseId)!;
      const d = docs.get(c.docId);
      const mine = compared.filter((x) => x.clauseId === clauseId && x.themeId === themeId);
      return {
        docId: c.docId,
        clauseId,
        path: c.path,
        city: d?.city ?? null,
        title: d?.title ?? null,
        snippet: c.text.slice(0, 120),
        themeId,
        coders: coderIds.map((coderId) => {
          const own = mine.filter((x) => x.coderId === coderId);
          return {
            coderId,
            whole: own.some((x) => x.start === null),
            ranges: own.filter((x) => x.start !== null).map((x) => ({ start: x.start!, end: x.end!, text: x.quote ?? '' })),
          };
        }),
        consensus: consensus.has(`${clauseId}\u0000${themeId}`),
      };
    }),
  };
}

export function agreementHandlers(ctx: TeamContext): TeamHandlers {
  const { store } = ctx;
  return {
    'agreement.compute': (input, caller) => {
      leadOnly(caller, 'Agreement');
      return computeTeamAgreement(ctx, input);
    },
    'agreement.reconcile': async ({ decisions }) => {
      const seen = new Set<string>();
      for (const d of decisions) {
        const k = `${d.clauseId}:${d.themeId}`;
        if (seen.has(k)) throw new ApiError('invalid_input', `Clause ${d.clauseId} and theme ${d.themeId} are decided twice: nothing was reconciled.`);
        seen.add(k);
      }
      // Checked and written in one transaction: a bad decision changes nothing.
      const result = await store.transaction(async (tx) => {
        const coders = new Set((await tx.coders.list()).map((c) => c.id));
        const themes = new Set((await tx.themes.list()).map((t) => t.id));
        let written = 0;
        let removed = 0;
        for (const d of decisions) {
          if (!(await tx.documents.clause(d.clauseId))) throw new ApiError('not_found', `There is no clause ${d.clauseId}: nothing was reconciled.`);
          if (!themes.has(d.themeId)) throw new ApiError('not_found', `There is no theme “${d.themeId}”: nothing was reconciled.`);
          for (const id of d.accept) if (!coders.has(id)) throw new ApiError('not_found', `There is no coder ${id}: nothing was reconciled.`);
          const accepted = new Set(d.accept);
          const here = (await tx.codings.ofClause(d.clauseId)).filter((c) => c.themeId === d.themeId && live(c));
          const chosen = here.filter((c) => c.coderId !== null && accepted.has(c.coderId));
          const existing = here.filter((c) => c.coderId === null);
          const wantWhole = chosen.some((c) => c.start === null);
          const wantRanges = new Map(chosen.filter((c) => c.start !== null).map((c) => [`${c.start}:${c.end}`, c]));
          const whole = existing.find((c) => c.start === null);
          if (wantWhole && !whole) {
            await tx.codings.codeClause({ clauseId: d.clauseId, themeId: d.themeId, coderId: null });
            written++;
          } else if (!wantWhole && whole) {
            await tx.codings.remove(whole.id);
            removed++;
          }
          for (const r of existing.filter((c) => c.start !== null)) {
            if (wantRanges.delete(`${r.start}:${r.end}`)) continue;
            await tx.codings.remove(r.id);
            removed++;
          }
          for (const r of wantRanges.values()) {
            await tx.codings.codeRange({ clauseId: d.clauseId, themeId: d.themeId, coderId: null, start: r.start!, end: r.end! });
            written++;
          }
        }
        return { cases: decisions.length, written, removed };
      });
      ctx.events.changed('themes');
      return result;
    },
    'agreement.export': async ({ locale, path, fileName, overwrite, ...scope }, caller: Caller) => {
      leadOnly(caller, 'The agreement export');
      const clause = await computeTeamAgreement(ctx, { ...scope, level: 'clause' });
      const character = await computeTeamAgreement(ctx, { ...scope, level: 'character' });
      const themes = new Map((await store.themes.list()).map((t) => [t.id, locale === 'zh-CN' ? t.nameZh : t.nameEn || t.nameZh]));
      const bytes = await agreementWorkbook({ clause, character, themes, locale });
      const out = writeExport(ctx, caller, { path, fileName, overwrite }, locale === 'zh-CN' ? '编码一致性' : 'Inter-coder agreement', 'xlsx', bytes);
      return { ...out, bytes: bytes.length, format: 'xlsx', warnings: [] };
    },
  };
}
