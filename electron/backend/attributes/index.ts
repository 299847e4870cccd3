import type { attributesMethods, AttributeFilter } from '../../../shared/api/methods/attributes';
import type { BackendContext } from '../context';
import { type AttributeRow, createAttributesRepo } from '../db/attributes';
import { metadataOf } from '../db/documents';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';
import {
  attributeOut,
  cleanNew,
  intersect,
  metadataEdit,
  optionInUse,
  planSet,
  planUpdate,
  requireFreeName,
  requireLive,
  valuesByDoc,
  wantedValues,
} from './plan';
import { type Change, historyState, logChanges, redo, undo } from './undo';

/**
 * The attributes feature: researchers' own document attributes with a type, the table that
 * edits them and document metadata for many documents at once (one transaction, one undo step),
 * and the document filter that search, the heatmap and exports use.
 */
export function createAttributesFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof attributesMethods>; hooks?: DocumentHooks } {
  const { db, events, documents } = ctx;
  const repo = createAttributesRepo(db);

  const toApi = (r: AttributeRow, counts = repo.valueCounts()) => attributeOut(r, counts);
  const live = (id: number): AttributeRow => requireLive(repo.get(id), id);
  const uniqueName = (name: string, except?: number) => requireFreeName(name, repo.liveByName(name), except);
  const withHistory = <T extends object>(x: T) => ({ ...x, ...historyState(repo) });

  /** One attribute-row change, logged as one undo step. */
  function changeAttribute(id: number, label: string, next: (row: AttributeRow) => AttributeRow): AttributeRow {
    return db.transaction(() => {
      const before = repo.get(id)!;
      const after = next(before);
      repo.put(after);
      logChanges(repo, label, [{ kind: 'attribute', id, before, after }]);
      return after;
    })();
  }

  function match(filters: AttributeFilter): number[] {
    const matches = filters.map((f) => {
      const row = live(f.attributeId);
      const { wanted, withNone } = wantedValues(row, f.values);
      return repo.matching(row.id, wanted, withNone);
    });
    return intersect(matches) ?? repo.allDocIds();
  }

  const afterUndo = (r: { label: string; metadata: boolean } | null) => {
    events.changed('attributes');
    if (r?.metadata) events.changed('documents');
    return { ...historyState(repo), done: r?.label ?? null };
  };

  return {
    handlers: {
      'attributes.list': () => {
        const counts = repo.valueCounts();
        return repo.live().map((r) => toApi(r, counts));
      },
      'attributes.create': ({ name, type, options: opts }) => {
        const clean = cleanNew(name, type, opts);
        uniqueName(clean.name);
        const id = db.transaction(() => {
          const newId = repo.insert({ name: clean.name, type, options: clean.options });
          logChanges(repo, `create ${clean.name}`, [{ kind: 'attribute', id: newId, before: null, after: repo.get(newId) }]);
          return newId;
        })();
        events.changed('attributes');
        return toApi(repo.get(id)!);
      },
      'attributes.update': ({ id, name, options: opts }) => {
        const row = live(id);
        const plan = planUpdate(row, { name, options: opts });
        uniqueName(plan.name, id);
        for (const gone of plan.dropped) {
          const n = repo.optionUses(id, gone);
          if (n) throw optionInUse(row, gone, n);
        }
        const after = changeAttribute(id, plan.label, (r) => ({ ...r, name: plan.after.name, options: plan.after.options }));
        events.changed('attributes');
        return toApi(after);
      },
      'attributes.delete': ({ id }) => {
        const row = live(id);
        const values = repo.valueCount(id);
        // Soft: the values stay in the table, hidden, so undo brings the attribute back whole.
        changeAttribute(id, `delete ${row.name}`, (r) => ({ ...r, deleted_at: new Date().toISOString() }));
        events.changed('attributes');
        return { values };
      },
      'attributes.values': ({ docIds }) => valuesByDoc(repo.values(docIds ?? null), repo.live()),
      'attributes.set': (input) => {
        // Everything is checked before anything is written: a bad value changes nothing.
        const ids = [...new Set(input.docIds)];
        const plan = planSet(input, new Set(repo.existingDocs(ids)), new Map((input.values ?? []).map((v) => [v.attributeId, repo.get(v.attributeId)])));
        const changes: Change[] = db.transaction(() => {
          const out: Change[] = [];
          for (const docId of plan.ids) {
            for (const p of plan.planned) {
              const before = repo.value(docId, p.row.id);
              if (before === p.value) continue;
              repo.setValue(docId, p.row.id, p.value);
              out.push({ kind: 'value', docId, attributeId: p.row.id, before, after: p.value });
            }
            if (!plan.names.length) continue;
            const edit = metadataEdit(plan, metadataOf(documents.get(docId)!), repo.docFlags(docId)!);
            if (!edit) continue;
            documents.updateMetadata(docId, edit.fields);
            const now = repo.docFlags(docId)!;
            out.push({
              kind: 'metadata',
              docId,
              before: edit.before,
              after: { fields: edit.fields, edited: now.edited_fields, inferred: now.inferred_fields },
            });
          }
          logChanges(repo, plan.label, out);
          return out;
        })();
        if (changes.length) events.changed('attributes');
        if (changes.some((c) => c.kind === 'metadata')) events.changed('documents');
        return withHistory({ changed: changes.length });
      },
      'attributes.undo': () => afterUndo(undo(db, repo, documents)),
      'attributes.redo': () => afterUndo(redo(db, repo, documents)),
      'attributes.history': () => historyState(repo),
      'attributes.match': ({ filters }) => ({ docIds: match(filters) }),
    },
  };
}
