// Inter-coder agreement, reconciliation and its export for a team project: the codings come from
// the Store, the units and statistics are the desktop's pure code (agreement/units.ts,
// shared/domain/agreement), the workbook is the desktop's (agreement/export.ts).
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { agreementWorkbook } from '../agreement/export';
import { agreementResult, comparedCoders, comparedDocuments, comparedThemes, isComparedClause } from '../agreement/compute';
import type { AgreementLevel } from '../agreement/units';
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
  const allCoders = new Map((await store.coders.list()).map((c) => [c.id, c]));
  const { coderIds, coders } = comparedCoders(input.coderIds, (id) => allCoders.get(id));
  const themeIds = comparedThemes(
    input.themeIds,
    (await store.themes.list()).map((t) => t.id),
  );
  const codings = (await Promise.all(coderIds.map((id) => store.codings.ofCoder(id)))).flat().filter(live);
  const docs = new Map((await store.documents.list()).map((d) => [d.id, d]));
  const docIds = comparedDocuments(
    input.docIds,
    codings.map((c) => c.docId),
    (d) => docs.has(d),
  );
  const inDocs = new Set(docIds);
  const compared = codings.filter((c) => inDocs.has(c.docId));
  const coded = new Set(compared.map((c) => c.clauseId));
  // The universe, as on the desktop: every codable clause of the documents, and any other clause a coder coded.
  const clauseRows: StoredClause[] = [];
  for (const d of docIds) for (const c of await store.documents.clauses(d)) if (isComparedClause(c, coded)) clauseRows.push(c);
  return agreementResult({
    level: input.level,
    coders,
    themeIds,
    documents: docIds.length,
    clauses: clauseRows,
    codings: compared,
    documentOf: (docId) => docs.get(docId),
    consensus: (await store.codings.ofCoder(null)).filter((c) => c.status === 'accepted'),
    // A team range always stores its quote (codings.codeRange): there is no text to read here.
    unquoted: () => '',
  });
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
