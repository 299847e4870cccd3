// How a document comes back from the Trash, without the database: the rows of its snapshot in
// the order they are written, renumbered when their ids were taken meanwhile, and what could not
// come back. Written as a generator of steps so that one logic serves both stores: the desktop
// runs the steps synchronously on SQLite (db/trash.ts), a team project asynchronously on
// PostgreSQL (db/pg/trash.ts). Each step is answered by the store: an insert with the new row's
// id, a question with a boolean or number.
import { CLAUSE_MENTION_TYPE } from '../../../shared/domain/annotations';

type Row = Record<string, unknown>;

/** The snapshot of a document and of what refers to it, exactly as SELECT * returns the rows. */
export interface DocumentSnapshot {
  document: Row;
  parts: Row[];
  citations: Row[];
  /** In reading order: a parent comes before its children. */
  clauses: Row[];
  codings: Row[];
  instruments: Row[];
  /** Notes of the document (deleted with it), including notes already in the notes' own bin. */
  notes: Row[];
  revisions: Row[];
  /** Notes of other targets pointing at one of its clauses (their clause is set to NULL on delete). */
  pointingNotes: Array<{ id: number; clause_id: number }>;
  /** Notes on aligned rows and comparisons that list its clauses (kept, but renumbered on restore). */
  rowNotes: Array<{ id: number; clause_ids: string; row_key: string | null }>;
  decisions: Row[];
  members: Row[];
  /** The researcher's own attribute values (absent in snapshots taken before attributes existed). */
  attributeValues?: Row[];
}

/** The tables a restore writes into. */
export type RestoredTable =
  | 'documents'
  | 'clauses'
  | 'parts'
  | 'citations'
  | 'codings'
  | 'clause_instruments'
  | 'annotations'
  | 'annotation_revisions'
  | 'alignment_decisions'
  | 'comparison_members'
  | 'attribute_values';
/** The tables whose ids a restore asks about. */
export type IdTable = 'documents' | 'clauses' | 'codings' | 'annotations' | 'themes' | 'comparisons' | 'attributes';

export type RestoreStep =
  /** Writes a row (an `id: null` asks the store for a new id); answered with the row's id. */
  | { op: 'insert'; table: RestoredTable; row: Row }
  /** Whether a row with this id exists. */
  | { op: 'taken'; table: IdTable; id: unknown }
  /** Whether the clause has a whole-clause coding of this theme by this coder (null: consensus). */
  | { op: 'wholeClauseCoded'; clauseId: number | null; themeId: unknown; coderId: unknown }
  | { op: 'decisionExists'; a: number; b: number }
  | { op: 'memberAt'; comparisonId: unknown; ord: unknown }
  /** The highest member position of a comparison (-1 when empty). */
  | { op: 'maxOrd'; comparisonId: unknown }
  /** Points a note of another target back at its clause, unless it was pointed elsewhere meanwhile. */
  | { op: 'setNoteClause'; id: number; clauseId: number | null }
  | { op: 'setNoteClauses'; id: number; clauseIds: string; rowKey: string | null };

type Steps<T> = Generator<RestoreStep, T, unknown>;

function* ask<T>(step: RestoreStep): Steps<T> {
  return (yield step) as T;
}
const taken = (table: IdTable, id: unknown) => ask<boolean>({ op: 'taken', table, id });
const insert = (table: RestoredTable, row: Row) => ask<number>({ op: 'insert', table, row });

/** Re-points clause mentions inside a note's Lexical state at renumbered clauses. */
function remapMentions(content: string, docOld: number, docNew: number, clauseMap: Map<number, number>): string {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) o[k] = walk(v);
    if (o.type === CLAUSE_MENTION_TYPE && o.docId === docOld) {
      o.docId = docNew;
      if (typeof o.clauseId === 'number') o.clauseId = clauseMap.get(o.clauseId) ?? o.clauseId;
    }
    return o;
  };
  try {
    return JSON.stringify(walk(JSON.parse(content)));
  } catch {
    return content;
  }
}

const remapIds = (json: string, map: Map<number, number>) => (JSON.parse(json) as number[]).map((x) => map.get(x) ?? x);
const rowKeyOf = (ids: number[]) => [...ids].sort((a, b) => a - b).join('-');

/** The Trash's summary row of a snapshot: what the list shows before anything is restored. */
export function trashEntryOf(docId: number, snap: DocumentSnapshot, deletedAt: string) {
  const d = snap.document;
  return {
    doc_id: docId,
    title: (d.title as string | null) ?? null,
    city: (d.city as string | null) ?? null,
    file_name: String(d.file_name),
    clauses: snap.clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length,
    codings: snap.codings.filter((c) => c.status === 'accepted').length,
    notes: snap.notes.filter((n) => n.deleted_at == null).length,
    deleted_at: deletedAt,
    snapshot: JSON.stringify(snap),
  };
}

/** Writes the snapshot back; ids taken meanwhile (a newer import) are renumbered consistently. */
export function* writeBackSteps(snap: DocumentSnapshot): Steps<{ docId: number; lost: string[] }> {
  const lost: string[] = [];
  const oldDoc = Number(snap.document.id);
  const docId = yield* insert('documents', { ...snap.document, id: (yield* taken('documents', oldDoc)) ? null : oldDoc });
  const clauseMap = new Map<number, number>();
  for (const c of snap.clauses) {
    const old = Number(c.id);
    const parent = c.parent_id == null ? null : (clauseMap.get(Number(c.parent_id)) ?? null);
    clauseMap.set(old, yield* insert('clauses', { ...c, id: (yield* taken('clauses', old)) ? null : old, doc_id: docId, parent_id: parent }));
  }
  const renumbered = docId !== oldDoc || [...clauseMap].some(([a, b]) => a !== b);
  const clause = (id: unknown) => (id == null ? null : (clauseMap.get(Number(id)) ?? null));
  for (const p of snap.parts) yield* insert('parts', { ...p, doc_id: docId });
  for (const c of snap.citations) yield* insert('citations', { ...c, doc_id: docId });
  let missingThemes = 0;
  for (const c of snap.codings) {
    if (!(yield* taken('themes', c.theme_id))) {
      if (c.status !== 'suggested') missingThemes++; // suggestions are recomputed anyway
      continue;
    }
    if (c.start == null && (yield* ask<boolean>({ op: 'wholeClauseCoded', clauseId: clause(c.clause_id), themeId: c.theme_id, coderId: c.coder_id ?? null })))
      continue;
    yield* insert('codings', { ...c, id: (yield* taken('codings', c.id)) ? null : c.id, doc_id: docId, clause_id: clause(c.clause_id) });
  }
  if (missingThemes) lost.push(`${missingThemes} coding(s) of themes deleted since`);
  for (const i of snap.instruments) yield* insert('clause_instruments', { ...i, doc_id: docId, clause_id: clause(i.clause_id) });
  const noteMap = new Map<number, number>();
  for (const n of snap.notes) {
    const ids = remapIds(String(n.clause_ids ?? '[]'), clauseMap);
    const row: Row = {
      ...n,
      id: (yield* taken('annotations', n.id)) ? null : n.id,
      doc_id: docId,
      clause_id: clause(n.clause_id),
      clause_ids: JSON.stringify(ids),
    };
    if (renumbered) {
      row.content = remapMentions(String(n.content), oldDoc, docId, clauseMap);
      if (n.row_key != null) row.row_key = rowKeyOf(ids);
    }
    noteMap.set(Number(n.id), yield* insert('annotations', row));
  }
  for (const r of snap.revisions) {
    const row: Row = { ...r, annotation_id: noteMap.get(Number(r.annotation_id)) };
    if (renumbered) row.content = remapMentions(String(r.content), oldDoc, docId, clauseMap);
    yield* insert('annotation_revisions', row);
  }
  for (const p of snap.pointingNotes) yield* ask<void>({ op: 'setNoteClause', id: p.id, clauseId: clause(p.clause_id) });
  if (renumbered) {
    for (const r of snap.rowNotes) {
      const ids = remapIds(r.clause_ids, clauseMap);
      yield* ask<void>({ op: 'setNoteClauses', id: r.id, clauseIds: JSON.stringify(ids), rowKey: r.row_key == null ? null : rowKeyOf(ids) });
    }
  }
  let lostDecisions = 0;
  for (const d of snap.decisions) {
    const a = clauseMap.get(Number(d.clause_a)) ?? Number(d.clause_a);
    const b = clauseMap.get(Number(d.clause_b)) ?? Number(d.clause_b);
    if (!(yield* taken('clauses', a)) || !(yield* taken('clauses', b))) {
      lostDecisions++;
      continue;
    }
    const [x, y] = a < b ? [a, b] : [b, a];
    if (!(yield* ask<boolean>({ op: 'decisionExists', a: x, b: y }))) yield* insert('alignment_decisions', { ...d, clause_a: x, clause_b: y });
  }
  if (lostDecisions) lost.push(`${lostDecisions} alignment decision(s) with documents deleted since`);
  for (const m of snap.members) {
    if (!(yield* taken('comparisons', m.comparison_id))) continue;
    const ord = (yield* ask<boolean>({ op: 'memberAt', comparisonId: m.comparison_id, ord: m.ord }))
      ? (yield* ask<number>({ op: 'maxOrd', comparisonId: m.comparison_id })) + 1
      : m.ord;
    yield* insert('comparison_members', { ...m, ord, doc_id: docId });
  }
  // An attribute deleted for good since takes its values with it; one in the attributes' own bin keeps them.
  for (const v of snap.attributeValues ?? []) {
    if (yield* taken('attributes', v.attribute_id)) yield* insert('attribute_values', { ...v, doc_id: docId });
  }
  return { docId, lost };
}

/** Runs steps against a synchronous store (SQLite). */
export function runSteps<T>(steps: Steps<T>, perform: (step: RestoreStep) => unknown): T {
  let next = steps.next();
  while (!next.done) next = steps.next(perform(next.value));
  return next.value;
}

/** Runs steps against an asynchronous store (PostgreSQL), one statement after the other. */
export async function runStepsAsync<T>(steps: Steps<T>, perform: (step: RestoreStep) => Promise<unknown>): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await perform(next.value));
  return next.value;
}
