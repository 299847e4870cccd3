// The attribute table's decisions without the database, shared by the desktop (synchronous
// SQLite, ./index.ts) and a team project (the asynchronous Store, ../team/attributes.ts): what a
// call may change, which change it is, how it is labelled in the undo log, and in which order an
// undo step is written back. Each side reads and writes its own store around these.
import { ApiError } from '../../../shared/api/errors';
import type { Attribute, AttributeFilter } from '../../../shared/api/methods/attributes';
import type { MetadataFieldName, MetadataFields } from '../../../shared/api/methods/documents';
import {
  AttributeValueError,
  canonicalValue,
  cleanName,
  cleanOptions,
  typedValue,
  type AttributeInput,
  type AttributeType,
  type AttributeValue,
} from '../../../shared/domain/attributes/values';
import type { AttributeRow, ValueRow } from '../db/attributes';

/** One step of the attributes' undo log (its writing and reading are undo.ts's). */
export interface MetadataSnapshot {
  fields: Partial<MetadataFields>;
  edited: string;
  inferred: string;
}

export type Change =
  | { kind: 'value'; docId: number; attributeId: number; before: string | null; after: string | null }
  | { kind: 'metadata'; docId: number; before: MetadataSnapshot; after: MetadataSnapshot }
  | { kind: 'attribute'; id: number; before: AttributeRow | null; after: AttributeRow | null };

/** A domain error (a value the attribute cannot hold) as the API's invalid_input. */
export const domainError = <T>(f: () => T): T => {
  try {
    return f();
  } catch (e) {
    if (e instanceof AttributeValueError) throw new ApiError('invalid_input', e.message);
    throw e;
  }
};

export const optionsOf = (r: AttributeRow) => JSON.parse(r.options) as string[];
export const specOf = (r: AttributeRow) => ({ name: r.name, type: r.type as AttributeType, options: optionsOf(r) });

export const attributeOut = (r: AttributeRow, counts: Map<number, number>): Attribute => ({
  id: r.id,
  name: r.name,
  type: r.type,
  options: optionsOf(r),
  ord: r.ord,
  valueCount: counts.get(r.id) ?? 0,
});

export function requireLive(r: AttributeRow | null, id: number): AttributeRow {
  if (!r || r.deleted_at) throw new ApiError('not_found', `Attribute ${id} does not exist (it may have been deleted).`);
  return r;
}

export function requireFreeName(name: string, holder: AttributeRow | null, except?: number): void {
  if (holder && holder.id !== except) throw new ApiError('conflict', `There is already an attribute named “${name}”.`);
}

export const cleanNew = (name: string, type: AttributeType, options: string[] | undefined) =>
  domainError(() => ({ name: cleanName(name), options: cleanOptions(type, options) }));

/** A rename or new options: the row after it, its undo label and the options it drops (which must be unused). */
export function planUpdate(row: AttributeRow, input: { name?: string; options?: string[] }) {
  const name = input.name === undefined ? row.name : domainError(() => cleanName(input.name!));
  const options = input.options === undefined ? optionsOf(row) : domainError(() => cleanOptions(row.type, input.options));
  return {
    name,
    dropped: optionsOf(row).filter((o) => !options.includes(o)),
    label: name !== row.name ? `rename ${row.name} → ${name}` : `options of ${row.name}`,
    after: { ...row, name, options: JSON.stringify(options) },
  };
}

export function optionInUse(row: AttributeRow, option: string, uses: number): ApiError {
  return new ApiError('conflict', `“${option}” is the value of ${row.name} on ${uses} document(s); change those first, then remove the option.`);
}

/** The canonical values a filter entry asks for; a value the attribute cannot hold matches no document. */
export function wantedValues(row: AttributeRow, values: string[]): { wanted: string[]; withNone: boolean } {
  const s = specOf(row);
  const wanted = new Set<string>();
  for (const v of values) {
    if (v === '') continue;
    try {
      const c = canonicalValue(s, v);
      if (c !== null) wanted.add(c);
    } catch {
      // matches nothing
    }
  }
  return { wanted: [...wanted], withNone: values.includes('') };
}

/** Documents every filter entry selects: the intersection of each entry's matches (null: no filter, every document). */
export function intersect(matches: number[][]): number[] | null {
  if (!matches.length) return null;
  let out = new Set(matches[0]);
  for (const m of matches.slice(1)) out = new Set(m.filter((id) => out.has(id)));
  return [...out].sort((a, b) => a - b);
}

export type AttributeFilterEntry = AttributeFilter[number];

/** Stored values as the API gives them: typed, by document, of live attributes only. */
export function valuesByDoc(values: ValueRow[], live: AttributeRow[]) {
  const types = new Map(live.map((r) => [r.id, r.type]));
  const byDoc = new Map<number, Record<string, AttributeValue>>();
  for (const v of values) {
    const t = types.get(v.attribute_id);
    if (!t) continue;
    const rec = byDoc.get(v.doc_id) ?? {};
    rec[String(v.attribute_id)] = typedValue(t, v.value);
    byDoc.set(v.doc_id, rec);
  }
  return [...byDoc].map(([docId, values]) => ({ docId, values }));
}

export interface SetPlan {
  ids: number[];
  planned: Array<{ row: AttributeRow; value: string | null }>;
  fields: Partial<MetadataFields>;
  names: MetadataFieldName[];
  label: string;
}

/**
 * Checks an attributes.set call before anything is written (a bad value changes nothing): the
 * documents exist, each attribute is set once, each value fits its attribute. `rows` are the
 * attributes it names, as read (null: gone).
 */
export function planSet(
  input: { docIds: number[]; values?: Array<{ attributeId: number; value: AttributeInput }>; metadata?: Partial<MetadataFields> },
  existing: Set<number>,
  rows: Map<number, AttributeRow | null>,
): SetPlan {
  const ids = [...new Set(input.docIds)];
  const values = input.values ?? [];
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length) throw new ApiError('not_found', `Document(s) ${missing.slice(0, 10).join(', ')} do not exist (they may have been deleted).`);
  if (new Set(values.map((v) => v.attributeId)).size !== values.length) throw new ApiError('invalid_input', 'Each attribute can be set once per call.');
  const planned = values.map((v) => {
    const row = requireLive(rows.get(v.attributeId) ?? null, v.attributeId);
    return { row, value: domainError(() => canonicalValue(specOf(row), v.value)) };
  });
  const fields = Object.fromEntries(
    Object.entries(input.metadata ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v]),
  ) as Partial<MetadataFields>;
  const names = Object.keys(fields) as MetadataFieldName[];
  if (!planned.length && !names.length) throw new ApiError('invalid_input', 'Nothing to set: give attribute values or metadata fields.');
  const parts = [...planned.map((v) => `${v.row.name} = ${v.value ?? '∅'}`), ...names.map((f) => `${f} = ${fields[f] ?? '∅'}`)];
  return { ids, planned, fields, names, label: `${parts.join(', ')} (${ids.length} document${ids.length === 1 ? '' : 's'})` };
}

/** The metadata fields a set call changes on one document, and what they were (null: nothing changes). */
export function metadataEdit(plan: SetPlan, current: MetadataFields, flags: { edited_fields: string; inferred_fields: string }) {
  const differing = plan.names.filter((f) => current[f] !== plan.fields[f]);
  if (!differing.length) return null;
  const before: MetadataSnapshot = {
    fields: Object.fromEntries(differing.map((f) => [f, current[f]])),
    edited: flags.edited_fields,
    inferred: flags.inferred_fields,
  };
  return { before, fields: Object.fromEntries(differing.map((f) => [f, plan.fields[f] ?? null])) as Partial<MetadataFields> };
}

/**
 * An undo step written back in order: attribute rows that come back first (their values refer to
 * them), then values and metadata, then rows that go.
 */
export function applyOrder(changes: Change[], side: 'before' | 'after') {
  return {
    put: changes.flatMap((c) => (c.kind === 'attribute' && c[side] ? [c[side]!] : [])),
    rest: changes.filter((c): c is Exclude<Change, { kind: 'attribute' }> => c.kind !== 'attribute'),
    remove: changes.flatMap((c) => (c.kind === 'attribute' && !c[side] ? [c.id] : [])),
  };
}

/** What the project holds now of what a change touched (read by the caller; docExists false: the document is gone). */
export interface HeldNow {
  docExists: boolean;
  value?: string | null;
  metadata?: MetadataFields;
  row?: AttributeRow | null;
}

const sameRow = (a: AttributeRow | null | undefined, b: AttributeRow | null) =>
  (a ?? null) === null || b === null
    ? (a ?? null) === b
    : a!.name === b.name && a!.type === b.type && a!.options === b.options && a!.ord === b.ord && (a!.deleted_at ?? null) === (b.deleted_at ?? null);

/**
 * Whether writing `side` of a change back would overwrite a later change by someone else: the
 * project no longer holds the change's other side. One person's log (the desktop) always holds
 * it; on a team server another account may have changed the same cell since.
 */
export function overwritten(c: Change, side: 'before' | 'after', now: HeldNow): boolean {
  const from = side === 'before' ? 'after' : 'before';
  if (c.kind === 'attribute') return !sameRow(now.row, c[from]);
  if (!now.docExists) return false; // a document deleted since has nothing to restore
  if (c.kind === 'value') return (now.value ?? null) !== c[from];
  return Object.entries(c[from].fields).some(([f, v]) => (now.metadata?.[f as MetadataFieldName] ?? null) !== (v ?? null));
}
