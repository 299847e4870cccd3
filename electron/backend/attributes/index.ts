import { ApiError } from '../../../shared/api/errors';
import type { Attribute, attributesMethods, AttributeFilter } from '../../../shared/api/methods/attributes';
import type { MetadataFieldName, MetadataFields } from '../../../shared/api/methods/documents';
import {
  AttributeValueError,
  canonicalValue,
  cleanName,
  cleanOptions,
  typedValue,
  type AttributeInput,
  type AttributeType,
} from '../../../shared/domain/attributes/values';
import type { BackendContext } from '../context';
import { type AttributeRow, createAttributesRepo } from '../db/attributes';
import { metadataOf } from '../db/documents';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';
import { type Change, historyState, logChanges, type MetadataSnapshot, redo, undo } from './undo';

const domainError = <T>(f: () => T): T => {
  try {
    return f();
  } catch (e) {
    if (e instanceof AttributeValueError) throw new ApiError('invalid_input', e.message);
    throw e;
  }
};

const options = (r: AttributeRow) => JSON.parse(r.options) as string[];
const spec = (r: AttributeRow) => ({ name: r.name, type: r.type as AttributeType, options: options(r) });

/**
 * The attributes feature: researchers' own document attributes with a type, the table that
 * edits them and document metadata for many documents at once (one transaction, one undo step),
 * and the document filter that search, the heatmap and exports use.
 */
export function createAttributesFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof attributesMethods>; hooks?: DocumentHooks } {
  const { db, events, documents } = ctx;
  const repo = createAttributesRepo(db);

  const toApi = (r: AttributeRow, counts = repo.valueCounts()): Attribute => ({
    id: r.id,
    name: r.name,
    type: r.type,
    options: options(r),
    ord: r.ord,
    valueCount: counts.get(r.id) ?? 0,
  });
  const live = (id: number): AttributeRow => {
    const r = repo.get(id);
    if (!r || r.deleted_at) throw new ApiError('not_found', `Attribute ${id} does not exist (it may have been deleted).`);
    return r;
  };
  const uniqueName = (name: string, except?: number) => {
    const other = repo.liveByName(name);
    if (other && other.id !== except) throw new ApiError('conflict', `There is already an attribute named “${name}”.`);
  };
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
    let out: Set<number> | null = null;
    for (const f of filters) {
      const row = live(f.attributeId);
      const s = spec(row);
      const wanted = new Set<string>();
      for (const v of f.values) {
        if (v === '') continue;
        try {
          const c = canonicalValue(s, v);
          if (c !== null) wanted.add(c);
        } catch {
          // A value this attribute cannot hold matches no document.
        }
      }
      const ids = repo.matching(row.id, [...wanted], f.values.includes(''));
      out = out ? new Set(ids.filter((id) => out!.has(id))) : new Set(ids);
    }
    return out ? [...out].sort((a, b) => a - b) : repo.allDocIds();
  }

  function describe(values: Array<{ row: AttributeRow; value: string | null }>, metadata: string[], n: number): string {
    const parts = [...values.map((v) => `${v.row.name} = ${v.value ?? '∅'}`), ...metadata];
    return `${parts.join(', ')} (${n} document${n === 1 ? '' : 's'})`;
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
        const clean = domainError(() => ({ name: cleanName(name), options: cleanOptions(type, opts) }));
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
        const newName = name === undefined ? row.name : domainError(() => cleanName(name));
        uniqueName(newName, id);
        const newOptions = opts === undefined ? options(row) : domainError(() => cleanOptions(row.type, opts));
        for (const gone of options(row).filter((o) => !newOptions.includes(o))) {
          const n = repo.optionUses(id, gone);
          if (n) throw new ApiError('conflict', `“${gone}” is the value of ${row.name} on ${n} document(s); change those first, then remove the option.`);
        }
        const label = newName !== row.name ? `rename ${row.name} → ${newName}` : `options of ${row.name}`;
        const after = changeAttribute(id, label, (r) => ({ ...r, name: newName, options: JSON.stringify(newOptions) }));
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
      'attributes.values': ({ docIds }) => {
        const types = new Map(repo.live().map((r) => [r.id, r.type]));
        const byDoc = new Map<number, Record<string, string | number | boolean>>();
        for (const v of repo.values(docIds ?? null)) {
          const t = types.get(v.attribute_id);
          if (!t) continue;
          const rec = byDoc.get(v.doc_id) ?? {};
          rec[String(v.attribute_id)] = typedValue(t, v.value);
          byDoc.set(v.doc_id, rec);
        }
        return [...byDoc].map(([docId, values]) => ({ docId, values }));
      },
      'attributes.set': ({ docIds, values = [], metadata = {} }) => {
        // Everything is checked before anything is written: a bad value changes nothing.
        const ids = [...new Set(docIds)];
        const existing = new Set(repo.existingDocs(ids));
        const missing = ids.filter((id) => !existing.has(id));
        if (missing.length) throw new ApiError('not_found', `Document(s) ${missing.slice(0, 10).join(', ')} do not exist (they may have been deleted).`);
        if (new Set(values.map((v) => v.attributeId)).size !== values.length) throw new ApiError('invalid_input', 'Each attribute can be set once per call.');
        const planned = values.map((v) => {
          const row = live(v.attributeId);
          return { row, value: domainError(() => canonicalValue(spec(row), v.value as AttributeInput)) };
        });
        const fields = Object.fromEntries(
          Object.entries(metadata).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v]),
        ) as Partial<MetadataFields>;
        const names = Object.keys(fields) as MetadataFieldName[];
        if (!planned.length && !names.length) throw new ApiError('invalid_input', 'Nothing to set: give attribute values or metadata fields.');

        const changes: Change[] = db.transaction(() => {
          const out: Change[] = [];
          for (const docId of ids) {
            for (const p of planned) {
              const before = repo.value(docId, p.row.id);
              if (before === p.value) continue;
              repo.setValue(docId, p.row.id, p.value);
              out.push({ kind: 'value', docId, attributeId: p.row.id, before, after: p.value });
            }
            if (!names.length) continue;
            const row = documents.get(docId)!;
            const current = metadataOf(row);
            const differing = names.filter((f) => current[f] !== fields[f]);
            if (!differing.length) continue;
            const flags = repo.docFlags(docId)!;
            const before: MetadataSnapshot = {
              fields: Object.fromEntries(differing.map((f) => [f, current[f]])),
              edited: flags.edited_fields,
              inferred: flags.inferred_fields,
            };
            documents.updateMetadata(docId, Object.fromEntries(differing.map((f) => [f, fields[f] ?? null])));
            const now = repo.docFlags(docId)!;
            out.push({
              kind: 'metadata',
              docId,
              before,
              after: { fields: Object.fromEntries(differing.map((f) => [f, fields[f] ?? null])), edited: now.edited_fields, inferred: now.inferred_fields },
            });
          }
          logChanges(
            repo,
            describe(
              planned,
              names.map((f) => `${f} = ${fields[f] ?? '∅'}`),
              ids.length,
            ),
            out,
          );
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
