// The attribute table of a team project on the asynchronous Store: the desktop's decisions
// (attributes/plan.ts) around the Store's reads and writes, one Store transaction per call.
// Undo and redo step through the caller's own log: each account undoes only its own changes.
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import {
  applyOrder,
  attributeOut,
  cleanNew,
  intersect,
  overwritten,
  metadataEdit,
  optionInUse,
  planSet,
  planUpdate,
  requireFreeName,
  requireLive,
  valuesByDoc,
  wantedValues,
} from '../attributes/plan';
import { cannotComeBack, type Change } from '../attributes/undo';
import type { AttributeRow, UndoOwner } from '../store/recordTypes';
import { type Repositories, StoreError } from '../store/types';
import type { Caller, TeamContext, TeamHandlers } from './caller';

type History = Output<'attributes.history'>;

async function historyOf(tx: Repositories, owner: UndoOwner): Promise<History> {
  const last = await tx.attributes.lastDone(owner);
  const next = await tx.attributes.firstUndone(owner);
  return { canUndo: !!last, canRedo: !!next, undoLabel: last?.label ?? null, redoLabel: next?.label ?? null };
}

/** Writes one side of an undo step back, in the desktop's order (attributes/plan.ts applyOrder). */
async function apply(tx: Repositories, changes: Change[], side: 'before' | 'after'): Promise<void> {
  const order = applyOrder(changes, side);
  for (const row of order.put) {
    const holder = row.deleted_at === null ? await tx.attributes.liveByName(row.name) : null;
    if (holder && holder.id !== row.id) throw cannotComeBack(row);
    await tx.attributes.put(row);
  }
  for (const c of order.rest) {
    if (c.kind === 'value')
      await tx.attributes.setValue(c.docId, c.attributeId, c[side]); // a document deleted since has nothing to restore
    else if (await tx.documents.get(c.docId)) {
      await tx.documents.updateMetadata(c.docId, c[side].fields);
      await tx.attributes.setDocFlags(c.docId, c[side].edited, c[side].inferred);
    }
  }
  for (const id of order.remove) await tx.attributes.remove(id);
}

export function attributeHandlers(ctx: TeamContext): TeamHandlers {
  const { store, events } = ctx;
  const owner = (c: Caller): UndoOwner => c.userId;
  const live = async (tx: Repositories, id: number) => requireLive(await tx.attributes.get(id), id);
  const freeName = async (tx: Repositories, name: string, except?: number) => requireFreeName(name, await tx.attributes.liveByName(name), except);

  /** One attribute-row change, logged as one undo step of the caller. */
  const changeAttribute = (caller: Caller, id: number, next: (row: AttributeRow, tx: Repositories) => Promise<{ after: AttributeRow; label: string }>) =>
    store.transaction(async (tx) => {
      const before = await live(tx, id);
      const { after, label } = await next(before, tx);
      await tx.attributes.put(after);
      await tx.attributes.pushUndo(owner(caller), label, [{ kind: 'attribute', id, before, after }]);
      return after;
    });

  const step = async (caller: Caller, direction: 'undo' | 'redo') => {
    const done = await store.transaction(async (tx) => {
      const entry = direction === 'undo' ? await tx.attributes.lastDone(owner(caller)) : await tx.attributes.firstUndone(owner(caller));
      if (!entry) return null;
      const changes = JSON.parse(entry.changes) as Change[];
      const side = direction === 'undo' ? 'before' : 'after';
      // Another account may have changed the same cell since: their change is not overwritten.
      for (const c of changes) {
        const doc = c.kind === 'attribute' ? null : await tx.documents.get(c.docId);
        const now =
          c.kind === 'attribute'
            ? { docExists: true, row: await tx.attributes.get(c.id) }
            : { docExists: !!doc, value: c.kind === 'value' ? await tx.attributes.value(c.docId, c.attributeId) : undefined, metadata: doc?.metadata };
        if (overwritten(c, side, now))
          throw new ApiError('conflict', `Cannot ${direction} “${entry.label}”: someone else has changed it since. Nothing was changed.`);
      }
      await apply(tx, changes, side);
      await tx.attributes.markUndone(entry.id, direction === 'undo');
      return { label: entry.label, metadata: changes.some((c) => c.kind === 'metadata') };
    });
    events.changed('attributes');
    if (done?.metadata) events.changed('documents');
    return { ...(await historyOf(store, owner(caller))), done: done?.label ?? null };
  };

  return {
    'attributes.list': async () => {
      const counts = await store.attributes.valueCounts();
      return (await store.attributes.live()).map((r) => attributeOut(r, counts));
    },
    'attributes.create': async ({ name, type, options }, caller) => {
      const clean = cleanNew(name, type, options);
      const row = await store.transaction(async (tx) => {
        await freeName(tx, clean.name);
        const id = await tx.attributes.insert({ name: clean.name, type, options: clean.options });
        const created = (await tx.attributes.get(id))!;
        await tx.attributes.pushUndo(owner(caller), `create ${clean.name}`, [{ kind: 'attribute', id, before: null, after: created }]);
        return created;
      });
      events.changed('attributes');
      return attributeOut(row, await store.attributes.valueCounts());
    },
    'attributes.update': async ({ id, name, options }, caller) => {
      const after = await changeAttribute(caller, id, async (row, tx) => {
        const plan = planUpdate(row, { name, options });
        await freeName(tx, plan.name, id);
        for (const gone of plan.dropped) {
          const n = await tx.attributes.optionUses(id, gone);
          if (n) throw optionInUse(row, gone, n);
        }
        return { after: plan.after, label: plan.label };
      });
      events.changed('attributes');
      return attributeOut(after, await store.attributes.valueCounts());
    },
    'attributes.delete': async ({ id }, caller) => {
      let values = 0;
      // Soft: the values stay in the table, hidden, so undo brings the attribute back whole.
      await changeAttribute(caller, id, async (row, tx) => {
        values = await tx.attributes.valueCount(id);
        return { after: { ...row, deleted_at: new Date().toISOString() }, label: `delete ${row.name}` };
      });
      events.changed('attributes');
      return { values };
    },
    'attributes.values': async ({ docIds }) => valuesByDoc(await store.attributes.values(docIds ?? null), await store.attributes.live()),
    'attributes.set': async (input, caller) => {
      const changes = await store.transaction(async (tx) => {
        // Everything is checked before anything is written: a bad value changes nothing.
        const ids = [...new Set(input.docIds)];
        const rows = new Map<number, AttributeRow | null>();
        for (const v of input.values ?? []) rows.set(v.attributeId, await tx.attributes.get(v.attributeId));
        const plan = planSet(input, new Set(await tx.attributes.existingDocs(ids)), rows);
        const out: Change[] = [];
        for (const docId of plan.ids) {
          for (const p of plan.planned) {
            const before = await tx.attributes.value(docId, p.row.id);
            if (before === p.value) continue;
            await tx.attributes.setValue(docId, p.row.id, p.value);
            out.push({ kind: 'value', docId, attributeId: p.row.id, before, after: p.value });
          }
          if (!plan.names.length) continue;
          const doc = await tx.documents.get(docId);
          const flags = await tx.attributes.docFlags(docId);
          if (!doc || !flags) throw new StoreError('not_found', `Document ${docId} does not exist (it may have been deleted).`);
          const edit = metadataEdit(plan, doc.metadata, flags);
          if (!edit) continue;
          await tx.documents.updateMetadata(docId, edit.fields);
          const now = (await tx.attributes.docFlags(docId))!;
          out.push({ kind: 'metadata', docId, before: edit.before, after: { fields: edit.fields, edited: now.edited_fields, inferred: now.inferred_fields } });
        }
        if (out.length) await tx.attributes.pushUndo(owner(caller), plan.label, out);
        return out;
      });
      if (changes.length) events.changed('attributes');
      if (changes.some((c) => c.kind === 'metadata')) events.changed('documents');
      return { changed: changes.length, ...(await historyOf(store, owner(caller))) };
    },
    'attributes.undo': (_input, caller) => step(caller, 'undo'),
    'attributes.redo': (_input, caller) => step(caller, 'redo'),
    'attributes.history': (_input, caller) => historyOf(store, owner(caller)),
    'attributes.match': async ({ filters }) => {
      const matches: number[][] = [];
      for (const f of filters) {
        const row = await live(store, f.attributeId);
        const { wanted, withNone } = wantedValues(row, f.values);
        matches.push(await store.attributes.matching(row.id, wanted, withNone));
      }
      return { docIds: intersect(matches) ?? (await store.attributes.allDocIds()) };
    },
  };
}
