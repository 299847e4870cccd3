// The rest of the codebook on a team project: moving, merging and deleting themes, deciding on
// suggestions, instrument classes, recomputing suggestions, undo/redo and the heatmap and matrix,
// on the asynchronous Store. The domain work is the desktop's own (shared/domain/themes,
// themes/suggestions.ts planSuggestions, themes/viewModel.ts); what is the team's: every change goes
// to the caller's own undo log, a coder decides on suggestions as themselves, and the pictures
// show a coder only their own codings (the lead: the consensus, or any coder they choose).
import { createClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import { isUnder, mergeStep, placeAmongSiblings, wouldCreateCycle } from '../../../shared/domain/themes/index';
import { FALLBACK_ID_BASE } from '../db/themes';
import type { CodingRow, ThemeRow } from '../store/themeTypes';
import type { Repositories, Store } from '../store/types';
import { planSuggestions, similarityIndexOf, suggestionThemes } from '../themes/suggestions';
import { buildHeatmap, buildMatrix, clauseInfos, themesByClause, type ViewDocument } from '../themes/viewModel';
import { type Caller, type TeamContext, type TeamDispatch, type TeamHandlers, isLead } from './caller';
import { codingAs } from './coding';
import { historyOf, recordedAs, stepAs, type StoreRecorder } from './themeUndo';

function requireRow(all: ThemeRow[], id: string): ThemeRow {
  const t = all.find((x) => x.id === id);
  if (!t) throw new ApiError('not_found', `There is no theme “${id}” in the codebook (it may have been deleted).`);
  return t;
}

const tree = (all: ThemeRow[]) => all.map((x) => ({ id: x.id, parentId: x.parent_id }));

/** Deletes a theme (its codings cascade, already touched by the caller); sub-themes move up to its parent. */
async function removeTheme(tx: Repositories, rec: StoreRecorder, all: ThemeRow[], t: ThemeRow): Promise<void> {
  for (const child of all.filter((x) => x.parent_id === t.id)) {
    await rec.touch('themes', child.id);
    await tx.themeRows.putRow('themes', { ...child, parent_id: t.parent_id });
  }
  await rec.touch('themes', t.id);
  await tx.themeRows.deleteRow('themes', t.id);
}

/**
 * A coder's decision on one of the project's suggestions, as their own whole-clause coding of its
 * clause and theme (the suggestion itself stays the consensus's): recorded for the coder's undo.
 */
async function insertOwnDecision(
  tx: Repositories,
  rec: StoreRecorder,
  suggestion: CodingRow,
  coder: number | null,
  status: CodingRow['status'],
): Promise<void> {
  const { doc_id, clause_id, theme_id, score } = suggestion;
  const row = { doc_id, clause_id, theme_id, start: null, end: null, quote: null, source: 'auto' as const, status, score, coder_id: coder };
  rec.inserted('codings', await tx.themeRows.insertCoding(row));
}

/** Whose codings the heatmap shows: a coder their own, a viewer the consensus, the lead the consensus or any coder. */
async function shownCoder(ctx: TeamContext, caller: Caller, asked: number | null | undefined): Promise<number | null> {
  if (!isLead(caller) || asked == null) return codingAs(ctx, caller, asked);
  if (!(await ctx.store.coders.list()).some((c) => c.id === asked)) throw new ApiError('not_found', `There is no coder ${asked}.`);
  return asked;
}

async function viewDocuments(store: Store): Promise<ViewDocument[]> {
  const parts = new Map<number, ViewDocument['parts']>();
  for (const p of await store.themeRows.partTitles()) parts.set(p.doc_id, [...(parts.get(p.doc_id) ?? []), { index: p.part_index, title: p.title }]);
  return (await store.documents.list()).map((d) => ({ id: d.id, city: d.city, title: d.title, year: d.year, parts: parts.get(d.id) ?? [] }));
}

export function themeHandlers(ctx: TeamContext, dispatch: Pick<TeamDispatch, 'call'>): TeamHandlers {
  const { store } = ctx;
  const changed = () => ctx.events.changed('themes');
  const withDone = async (caller: Caller, done: string | null) => ({ ...(await historyOf(store, caller)), done });

  return {
    'themes.move': async (input, caller) => {
      await recordedAs(store, caller, 'Move theme', async (tx, rec) => {
        const all = await tx.themeRows.themes();
        const t = requireRow(all, input.id);
        if (input.parentId) requireRow(all, input.parentId);
        if (wouldCreateCycle(tree(all), t.id, input.parentId))
          throw new ApiError('conflict', `“${t.name_zh}” cannot be moved under itself or one of its sub-themes.`);
        rec.label = `Move theme ${t.name_zh}`;
        const siblings = all.filter((x) => x.parent_id === input.parentId);
        for (const [i, x] of placeAmongSiblings(siblings, { ...t, parent_id: input.parentId }, input.index).entries()) {
          await rec.touch('themes', x.id);
          await tx.themeRows.putRow('themes', { ...x, ord: i });
        }
      });
      changed();
      return { ok: true as const };
    },

    // Every coder's codings of the source follow it into the target, in one transaction.
    'themes.merge': async (input, caller) => {
      const moved = await recordedAs(store, caller, 'Merge themes', async (tx, rec) => {
        const all = await tx.themeRows.themes();
        const src = requireRow(all, input.sourceId);
        const dst = requireRow(all, input.targetId);
        if (src.id === dst.id) throw new ApiError('invalid_input', 'A theme cannot be merged into itself.');
        if (wouldCreateCycle(tree(all), dst.id, src.id) || isUnder(tree(all), dst.id, src.id))
          throw new ApiError('conflict', `“${src.name_zh}” cannot be merged into one of its own sub-themes.`);
        rec.label = `Merge ${src.name_zh} into ${dst.name_zh}`;
        let n = 0;
        for (const c of await tx.themeRows.codingsOfTheme(src.id)) {
          await rec.touch('codings', c.id);
          const clash = c.start === null ? await tx.themeRows.wholeCoding(c.clause_id, dst.id, c.coder_id) : null;
          const step = mergeStep({ status: c.status, start: c.start, isFallback: c.id >= FALLBACK_ID_BASE }, clash);
          if (step.kind === 'drop') {
            // The clause already carries the target theme for this coder: keep the stronger decision.
            await rec.touch('codings', clash!.id);
            if (step.accept) await tx.themeRows.putRow('codings', { ...clash!, status: 'accepted', source: c.source });
            await tx.themeRows.deleteRow('codings', c.id);
          } else if (step.kind === 'insert') {
            const { doc_id, clause_id, start, end, quote, source, status, score } = c;
            rec.inserted(
              'codings',
              await tx.themeRows.insertCoding({ doc_id, clause_id, theme_id: dst.id, start, end, quote, source, status, score, coder_id: null }),
            );
          } else await tx.themeRows.putRow('codings', { ...c, theme_id: dst.id });
          n++;
        }
        await removeTheme(tx, rec, all, src);
        return n;
      });
      changed();
      return { moved };
    },

    'themes.delete': async (input, caller) => {
      const codings = await recordedAs(store, caller, 'Delete theme', async (tx, rec) => {
        const all = await tx.themeRows.themes();
        const t = requireRow(all, input.id);
        rec.label = `Delete theme ${t.name_zh}`;
        const cs = await tx.themeRows.codingsOfTheme(t.id);
        for (const c of cs) await rec.touch('codings', c.id);
        await removeTheme(tx, rec, all, t);
        return cs.length;
      });
      changed();
      return { codings };
    },

    'themes.decide': async ({ codingIds, status }, caller) => {
      const coder = codingAs(ctx, caller, undefined);
      const label = status === 'accepted' ? 'Accept suggestion' : status === 'rejected' ? 'Reject suggestion' : 'Reset suggestion';
      const n = await recordedAs(store, caller, codingIds.length > 1 ? `${label}s (${codingIds.length})` : label, async (tx, rec) => {
        const rows = await Promise.all(codingIds.map(async (id) => (await tx.themeRows.getRow('codings', id)) as CodingRow | null));
        const missing = codingIds.filter((_, i) => !rows[i]);
        if (missing.length) throw new ApiError('not_found', `No coding with id ${missing.slice(0, 5).join(', ')}: nothing was changed.`);
        let changedCount = 0;
        const now = new Date().toISOString();
        for (const r of rows as CodingRow[]) {
          if (r.coder_id !== coder && !(r.coder_id === null && r.source === 'auto' && r.start === null)) codingAs(ctx, caller, r.coder_id);
          if (r.coder_id === coder) {
            // One's own coding (or, for the lead on the consensus, the suggestion itself): as the desktop decides.
            if (r.status === status) continue;
            await rec.touch('codings', r.id);
            await tx.themeRows.putRow('codings', { ...r, status, updated_at: now });
            changedCount++;
            continue;
          }
          // A coder decides on the project's suggestion as themselves: their own coding of its clause and theme.
          const own = await tx.themeRows.wholeCoding(r.clause_id, r.theme_id, coder);
          if (status === 'suggested') {
            if (!own || own.source !== 'auto') continue;
            await rec.touch('codings', own.id);
            await tx.themeRows.deleteRow('codings', own.id);
          } else if (own) {
            if (own.status === status) continue;
            await rec.touch('codings', own.id);
            await tx.themeRows.putRow('codings', { ...own, status, updated_at: now });
          } else await insertOwnDecision(tx, rec, r, coder, status);
          changedCount++;
        }
        return changedCount;
      });
      changed();
      return { changed: n };
    },

    'themes.acceptAbove': async (input, caller) => {
      const coder = codingAs(ctx, caller, undefined);
      const accepted = await recordedAs(store, caller, 'Accept suggestions', async (tx, rec) => {
        const rows = await tx.themeRows.openSuggestionsAbove(input.minScore, input.docId ?? null, input.themeId ?? null);
        const now = new Date().toISOString();
        let n = 0;
        for (const r of rows) {
          if (coder === null) {
            await rec.touch('codings', r.id);
            await tx.themeRows.putRow('codings', { ...r, status: 'accepted', updated_at: now });
          } else {
            // A coder accepts as themselves, where they have not decided on the clause and theme yet.
            if (await tx.themeRows.wholeCoding(r.clause_id, r.theme_id, coder)) continue;
            await insertOwnDecision(tx, rec, r, coder, 'accepted');
          }
          n++;
        }
        rec.label = `Accept ${n} suggestions ≥ ${input.minScore}`;
        return n;
      });
      changed();
      return { accepted };
    },

    // A clause's instrument class is the project's, not a coder's: the lead sets it on the consensus.
    'themes.setInstrument': async (input, caller) => {
      if (codingAs(ctx, caller, undefined) !== null)
        throw new ApiError('forbidden', 'A clause’s instrument class is the project’s (consensus): only the lead sets it, while coding the consensus.');
      const c = await store.documents.clause(input.clauseId);
      if (!c) throw new ApiError('not_found', 'That clause no longer exists (its document may have been re-imported or deleted).');
      await recordedAs(store, caller, 'Set instrument class', async (tx, rec) => {
        await rec.touch('clause_instruments', c.id);
        const prev = await tx.themeRows.getRow('clause_instruments', c.id);
        await tx.themeRows.putRow('clause_instruments', {
          clause_id: c.id,
          doc_id: c.docId,
          suggested: prev?.suggested ?? null,
          suggested_sub: prev?.suggested_sub ?? null,
          score: prev?.score ?? 0,
          chosen: input.instrument,
          chosen_sub: input.instrument ? (input.subInstrument ?? null) : null,
        });
      });
      changed();
      return { ok: true as const };
    },

    // The project's suggestions (consensus), planned as the desktop plans them; decisions are never touched.
    'themes.recompute': async ({ docId }) => {
      const docIds = docId === undefined ? (await store.documents.list()).map((d) => d.id) : [docId];
      if (docId !== undefined && !(await store.documents.get(docId))) throw new ApiError('not_found', `There is no document ${docId}.`);
      const clauses = await store.transaction(async (tx) => {
        const themes = suggestionThemes(await tx.themeRows.themes());
        const accepted = await tx.themeRows.acceptedPairs();
        const similarity = accepted.length ? similarityIndexOf(await tx.themeRows.codableClauses(), accepted) : undefined;
        let n = 0;
        for (const id of docIds) {
          const plan = planSuggestions({
            docId: id,
            clauses: (await tx.themeRows.suggestableClauses(id)) as Parameters<typeof planSuggestions>[0]['clauses'],
            themes,
            similarity,
            stored: await tx.themeRows.storedCodingsOfDoc(id),
            instruments: await tx.themeRows.instruments(id),
            now: new Date().toISOString(),
          });
          for (const del of plan.deletes) await tx.themeRows.deleteRow('codings', del);
          for (const row of plan.rescored) await tx.themeRows.putRow('codings', { ...row });
          for (const i of plan.inserts)
            await tx.themeRows.insertCoding({ doc_id: id, ...i, start: null, end: null, quote: null, source: 'auto', status: 'suggested', coder_id: null });
          for (const row of plan.instruments) await tx.themeRows.putRow('clause_instruments', { ...row });
          n += plan.clauses;
        }
        return n;
      });
      changed();
      return { clauses };
    },

    'themes.undo': async (_input, caller) => {
      const done = await stepAs(store, caller, 'undo');
      changed();
      return withDone(caller, done);
    },
    'themes.redo': async (_input, caller) => {
      const done = await stepAs(store, caller, 'redo');
      changed();
      return withDone(caller, done);
    },
    'themes.history': (_input, caller) => historyOf(store, caller),

    'themes.heatmap': async ({ mode, by, attributes, coderId }, caller) => {
      // The documents an attribute filter selects come from the attributes feature, as the caller (as on the desktop).
      const api = createClient((method, input) => dispatch.call(caller, method, input));
      const allowed = attributes?.length ? new Set((await api.attributes.match({ filters: attributes })).docIds) : null;
      const coder = await shownCoder(ctx, caller, coderId);
      const [docs, clauses, themes, live] = [
        await viewDocuments(store),
        await store.themeRows.codableClauses(),
        await store.themeRows.themes(),
        await store.themeRows.liveCodings(coder),
      ];
      return buildHeatmap({
        infos: clauseInfos(docs, clauses),
        themes: themes.map((t) => t.id),
        docs,
        byClause: themesByClause(live, mode),
        by,
        allowed,
      });
    },

    'themes.matrix': async ({ mode }, caller) => {
      const coder = codingAs(ctx, caller, undefined);
      const docs = await viewDocuments(store);
      return buildMatrix({
        infos: clauseInfos(docs, await store.themeRows.codableClauses()),
        themes: (await store.themeRows.themes()).map((t) => t.id),
        instruments: new Map((await store.themeRows.instruments()).map((r) => [r.clause_id, r.chosen ?? r.suggested])),
        byClause: themesByClause(await store.themeRows.liveCodings(coder), mode),
      });
    },
  };
}
