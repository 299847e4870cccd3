// The codebook, coders and coding of a team project, on the asynchronous Store. A coding always
// records its coder: the caller's own, or the consensus (coder null) when the lead codes as lead.
// Coders work blind: they read and change only their own codings.
import type { Output, ParsedInput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { DEFAULT_THEMES, INSTRUMENT_CLASSES, SUB_INSTRUMENTS } from '../../../shared/domain/themes/index';
import type { Coding, Store, Theme } from '../store/types';
import { type Caller, type TeamContext, type TeamHandlers, isLead } from './caller';
import { recordedAs } from './themeUndo';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** A new team project starts with the default codebook, as a new desktop project does. */
export async function seedTeamCodebook(store: Store): Promise<boolean> {
  if ((await store.themes.list()).length) return false;
  await store.transaction(async (tx) => {
    for (const [i, t] of DEFAULT_THEMES.entries())
      await tx.themes.put({
        id: t.id,
        parentId: t.parentId,
        ord: i,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
        color: t.color,
        description: t.description,
        instrument: t.instrument,
        keywords: [],
      });
  });
  return true;
}

/**
 * Whose codings a call works on. A coder: always their own (naming another coder, or the
 * consensus, is refused). The lead (owner): the consensus or their own coder. A viewer reads the consensus.
 */
export function codingAs(ctx: TeamContext, caller: Caller, asked: number | null | undefined): number | null {
  const wanted = asked === undefined ? ctx.currentCoder(caller) : asked;
  if (caller.role === 'viewer') {
    if (wanted !== null) throw new ApiError('forbidden', 'A viewer reads the consensus codings only.');
    return null;
  }
  if (wanted === caller.coderId) return wanted;
  if (wanted === null && isLead(caller)) return null;
  throw new ApiError(
    'forbidden',
    wanted === null
      ? 'Only the lead (an owner) codes the consensus; a coder codes as themselves.'
      : `You code as yourself (${caller.name}): another coder's codings are theirs to change.`,
  );
}

function themeOut(t: Theme, counts: Map<string, number>): Output<'themes.codebook'>['themes'][number] {
  return { ...t, codedCount: counts.get(t.id) ?? 0, suggestedCount: 0 };
}

async function requireTheme(store: Store, id: string): Promise<Theme> {
  const t = (await store.themes.list()).find((x) => x.id === id);
  if (!t) throw new ApiError('not_found', `There is no theme “${id}” in the codebook (it may have been deleted).`);
  return t;
}

function slugFor(taken: Set<string>, nameEn: string | undefined): string {
  const base =
    (nameEn ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'theme';
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}_${i}`)) i++;
  return `${base}_${i}`;
}

function perCoder(rows: Coding[]): NonNullable<Output<'themes.clauses'>[number]['coders']> {
  const out = new Map<number, NonNullable<Output<'themes.clauses'>[number]['coders']>[number]>();
  for (const x of rows) {
    if (x.coderId === null || x.status === 'rejected') continue;
    const entry = out.get(x.coderId) ?? { coderId: x.coderId, themes: [], ranges: [] };
    if (x.start === null) entry.themes.push({ id: x.themeId, codingId: x.id });
    else entry.ranges.push({ codingId: x.id, themeId: x.themeId, start: x.start, end: x.end!, text: x.quote ?? '' });
    out.set(x.coderId, entry);
  }
  return [...out.values()].sort((a, b) => a.coderId - b.coderId);
}

export function codingHandlers(ctx: TeamContext): TeamHandlers {
  const { store } = ctx;
  const changed = () => ctx.events.changed('themes');
  const counts = async (caller: Caller) => {
    // What the caller's window shows: their own codings (a coder) or the consensus.
    const coder = caller.role === 'coder' ? caller.coderId : ctx.currentCoder(caller);
    const m = new Map<string, number>();
    for (const c of await store.codings.ofCoder(coder)) if (c.status === 'accepted') m.set(c.themeId, (m.get(c.themeId) ?? 0) + 1);
    return m;
  };
  return {
    'themes.codebook': async (_input, caller) => {
      const n = await counts(caller);
      return {
        themes: (await store.themes.list()).map((t) => themeOut(t, n)),
        instruments: INSTRUMENT_CLASSES.map((c) => ({
          id: c.id,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          subInstruments: SUB_INSTRUMENTS.filter((s) => s.instrument === c.id).map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
        })),
      };
    },
    'themes.create': async (input, caller) => {
      const theme = await store.transaction(async (tx) => {
        const all = await tx.themes.list();
        const parentId = input.parentId ?? null;
        const parent = parentId ? all.find((t) => t.id === parentId) : null;
        if (parentId && !parent) throw new ApiError('not_found', `There is no theme “${parentId}” in the codebook.`);
        const t: Theme = {
          id: slugFor(new Set(all.map((x) => x.id)), input.nameEn),
          parentId,
          ord: Math.max(-1, ...all.filter((x) => x.parentId === parentId).map((x) => x.ord)) + 1,
          nameZh: input.nameZh,
          nameEn: input.nameEn ?? '',
          color: input.color ?? PALETTE[all.length % PALETTE.length],
          description: input.description ?? '',
          instrument: input.instrument ?? parent?.instrument ?? 'environment',
          keywords: [],
        };
        await tx.themes.put(t);
        return t;
      });
      changed();
      return themeOut(theme, await counts(caller));
    },
    'themes.update': async (input, caller) => {
      const updated = await store.transaction(async (tx) => {
        const t = (await tx.themes.list()).find((x) => x.id === input.id);
        if (!t) throw new ApiError('not_found', `There is no theme “${input.id}” in the codebook.`);
        const next: Theme = {
          ...t,
          nameZh: input.nameZh ?? t.nameZh,
          nameEn: input.nameEn ?? t.nameEn,
          color: input.color ?? t.color,
          description: input.description ?? t.description,
          instrument: input.instrument ?? t.instrument,
          keywords: input.keywords ? [...new Set(input.keywords)] : t.keywords,
        };
        await tx.themes.put(next);
        return next;
      });
      changed();
      return themeOut(updated, await counts(caller));
    },

    'themes.clauses': async ({ docId, coderId, withCoders }: ParsedInput<'themes.clauses'>, caller) => {
      if (!(await store.documents.get(docId))) throw new ApiError('not_found', `There is no document ${docId}.`);
      const coder = codingAs(ctx, caller, coderId);
      // withCoders is the lead's side-by-side view; anyone else gets their own codings only (blind).
      const showCoders = withCoders === true && isLead(caller);
      const all = await store.codings.ofDocument(docId);
      const mine = all.filter((c) => c.coderId === coder);
      return (await store.documents.clauses(docId)).map((c) => {
        const own = mine.filter((x) => x.clauseId === c.id);
        return {
          clauseId: c.id,
          instrument: null,
          subInstrument: null,
          instrumentScore: 0,
          instrumentSource: 'auto' as const,
          themes: own.filter((x) => x.start === null).map((x) => ({ id: x.themeId, score: x.score, status: x.status, source: x.source, codingId: x.id })),
          ranges: own
            .filter((x) => x.start !== null && x.status !== 'rejected')
            .map((x) => ({ codingId: x.id, themeId: x.themeId, start: x.start!, end: x.end!, text: x.quote ?? '' })),
          ...(showCoders ? { coders: perCoder(all.filter((x) => x.clauseId === c.id)) } : {}),
        };
      });
    },

    'themes.code': async (input, caller) => {
      const coder = codingAs(ctx, caller, input.coderId);
      const theme = await requireTheme(store, input.themeId);
      const c = await store.documents.clause(input.clauseId);
      if (!c) throw new ApiError('not_found', 'That clause no longer exists (its document may have been deleted).');
      const isRange = input.start !== undefined || input.end !== undefined;
      if (isRange) {
        if (input.start === undefined || input.end === undefined || input.end <= input.start)
          throw new ApiError('invalid_input', 'A coded range needs a start before its end.');
        if (input.start < c.start || input.end > c.end)
          throw new ApiError('invalid_input', `The range ${input.start}–${input.end} lies outside clause ${c.path || c.id} (${c.start}–${c.end}).`);
      }
      // Recorded in the caller's own undo log (team/themeUndo.ts).
      const coding: Coding = await recordedAs(store, caller, `Code ${theme.nameZh}`, async (tx, rec) => {
        if (isRange) {
          const made = await tx.codings.codeRange({ clauseId: c.id, themeId: input.themeId, coderId: coder, start: input.start!, end: input.end! });
          rec.inserted('codings', made.id);
          return made;
        }
        const existing = await tx.themeRows.wholeCoding(c.id, input.themeId, coder);
        if (existing) await rec.touch('codings', existing.id);
        const made = await tx.codings.codeClause({ clauseId: c.id, themeId: input.themeId, coderId: coder });
        if (existing?.id !== made.id) rec.inserted('codings', made.id);
        return made;
      });
      changed();
      return { codingId: coding.id };
    },

    'themes.uncode': async ({ codingId }, caller) => {
      const c = await store.codings.get(codingId);
      if (!c) throw new ApiError('not_found', 'That coding no longer exists.');
      // Only one's own codings (or, for the lead, the consensus): the same rule as coding.
      codingAs(ctx, caller, c.coderId);
      await recordedAs(store, caller, 'Remove coding', async (tx, rec) => {
        await rec.touch('codings', c.id);
        // The project's suggestion is rejected, not deleted (as the desktop does): recomputing would bring it back.
        if (c.coderId === null && c.source !== 'manual')
          await tx.themeRows.putRow('codings', { ...(await tx.themeRows.getRow('codings', c.id))!, status: 'rejected', updated_at: new Date().toISOString() });
        else await tx.codings.remove(c.id);
      });
      changed();
      return { ok: true as const };
    },

    'coders.list': async (_input, caller) => {
      const coders = await store.coders.list();
      const counts = new Map<number, number>();
      // A coder sees the other coders' names, not how much they coded.
      for (const c of coders)
        if (isLead(caller) || c.id === caller.coderId) counts.set(c.id, (await store.codings.ofCoder(c.id)).filter((x) => x.status !== 'rejected').length);
      return {
        coders: coders.map((c) => ({ id: c.id, name: c.name, createdAt: c.createdAt, codings: counts.get(c.id) ?? 0 })),
        current: caller.role === 'viewer' ? null : ctx.currentCoder(caller),
      };
    },
    'coders.setCurrent': ({ coderId }, caller) => {
      ctx.setCurrentCoder(caller, codingAs(ctx, caller, coderId));
      changed();
      return { ok: true as const };
    },
  };
}
