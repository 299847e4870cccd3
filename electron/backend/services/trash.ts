import { ApiError } from '../../../shared/api/errors';
import { CLAUSE_MENTION_TYPE } from '../../../shared/domain/annotations';
import type { Db } from '../db/connection';
import type { DocumentSnapshot, TrashRepo } from '../db/trash';
import type { DocumentHooks } from './hooks';

type Row = Record<string, unknown>;

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

/**
 * The document Trash: deleting keeps a snapshot (in the deleting transaction), restoring writes it
 * back in one transaction and lets the features rebuild their indexes (search, alignment,
 * suggestions) through the same hooks an import uses.
 */
export function createTrashService(deps: { db: Db; trash: TrashRepo; hooks: DocumentHooks[] }) {
  const { db, trash, hooks } = deps;

  /** Inside the caller's transaction, before the document's rows are deleted. */
  function keep(docId: number): number {
    const snap = trash.snapshot(docId);
    if (!snap) throw new ApiError('not_found', `Document ${docId} does not exist (it may have been deleted).`);
    const d = snap.document;
    return trash.add({
      doc_id: docId,
      title: (d.title as string | null) ?? null,
      city: (d.city as string | null) ?? null,
      file_name: String(d.file_name),
      clauses: snap.clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length,
      codings: snap.codings.filter((c) => c.status === 'accepted').length,
      notes: snap.notes.filter((n) => n.deleted_at == null).length,
      deleted_at: new Date().toISOString(),
      snapshot: JSON.stringify(snap),
    });
  }

  /** Writes the snapshot back; ids taken meanwhile (a newer import) are renumbered consistently. */
  function writeBack(snap: DocumentSnapshot): { docId: number; lost: string[] } {
    const lost: string[] = [];
    const oldDoc = Number(snap.document.id);
    const docId = trash.insertRow('documents', { ...snap.document, id: trash.taken('documents', oldDoc) ? null : oldDoc });
    const clauseMap = new Map<number, number>();
    for (const c of snap.clauses) {
      const old = Number(c.id);
      const parent = c.parent_id == null ? null : (clauseMap.get(Number(c.parent_id)) ?? null);
      clauseMap.set(old, trash.insertRow('clauses', { ...c, id: trash.taken('clauses', old) ? null : old, doc_id: docId, parent_id: parent }));
    }
    const renumbered = docId !== oldDoc || [...clauseMap].some(([a, b]) => a !== b);
    const clause = (id: unknown) => (id == null ? null : (clauseMap.get(Number(id)) ?? null));
    for (const p of snap.parts) trash.insertRow('parts', { ...p, doc_id: docId });
    for (const c of snap.citations) trash.insertRow('citations', { ...c, doc_id: docId });
    let missingThemes = 0;
    for (const c of snap.codings) {
      if (!trash.taken('themes', c.theme_id)) {
        if (c.status !== 'suggested') missingThemes++; // suggestions are recomputed anyway
        continue;
      }
      if (c.start == null && trash.wholeClauseCoded.get(clause(c.clause_id), c.theme_id, c.coder_id ?? null)) continue;
      trash.insertRow('codings', { ...c, id: trash.taken('codings', c.id) ? null : c.id, doc_id: docId, clause_id: clause(c.clause_id) });
    }
    if (missingThemes) lost.push(`${missingThemes} coding(s) of themes deleted since`);
    for (const i of snap.instruments) trash.insertRow('clause_instruments', { ...i, doc_id: docId, clause_id: clause(i.clause_id) });
    const noteMap = new Map<number, number>();
    for (const n of snap.notes) {
      const ids = remapIds(String(n.clause_ids ?? '[]'), clauseMap);
      const row: Row = {
        ...n,
        id: trash.taken('annotations', n.id) ? null : n.id,
        doc_id: docId,
        clause_id: clause(n.clause_id),
        clause_ids: JSON.stringify(ids),
      };
      if (renumbered) {
        row.content = remapMentions(String(n.content), oldDoc, docId, clauseMap);
        if (n.row_key != null) row.row_key = rowKeyOf(ids);
      }
      noteMap.set(Number(n.id), trash.insertRow('annotations', row));
    }
    for (const r of snap.revisions) {
      const row: Row = { ...r, annotation_id: noteMap.get(Number(r.annotation_id)) };
      if (renumbered) row.content = remapMentions(String(r.content), oldDoc, docId, clauseMap);
      trash.insertRow('annotation_revisions', row);
    }
    for (const p of snap.pointingNotes) trash.setNoteClause.run(clause(p.clause_id), p.id);
    if (renumbered) {
      for (const r of snap.rowNotes) {
        const ids = remapIds(r.clause_ids, clauseMap);
        trash.setNoteClauses.run(JSON.stringify(ids), r.row_key == null ? null : rowKeyOf(ids), r.id);
      }
    }
    let lostDecisions = 0;
    for (const d of snap.decisions) {
      const a = clauseMap.get(Number(d.clause_a)) ?? Number(d.clause_a);
      const b = clauseMap.get(Number(d.clause_b)) ?? Number(d.clause_b);
      if (!trash.taken('clauses', a) || !trash.taken('clauses', b)) {
        lostDecisions++;
        continue;
      }
      const [x, y] = a < b ? [a, b] : [b, a];
      if (!trash.decisionExists.get(x, y)) trash.insertRow('alignment_decisions', { ...d, clause_a: x, clause_b: y });
    }
    if (lostDecisions) lost.push(`${lostDecisions} alignment decision(s) with documents deleted since`);
    for (const m of snap.members) {
      if (!trash.taken('comparisons', m.comparison_id)) continue;
      const ord = trash.memberAt.get(m.comparison_id, m.ord) ? trash.maxOrd.get(m.comparison_id) + 1 : m.ord;
      trash.insertRow('comparison_members', { ...m, ord, doc_id: docId });
    }
    // An attribute deleted for good since takes its values with it; one in the attributes' own bin keeps them.
    for (const v of snap.attributeValues ?? []) {
      if (trash.taken('attributes', v.attribute_id)) trash.insertRow('attribute_values', { ...v, doc_id: docId });
    }
    for (const h of hooks) h.clausesWritten?.(db, docId);
    return { docId, lost };
  }

  return {
    keep,
    list: () => trash.list(),
    restore(trashId: number): { id: number; lost: string[] } {
      return db.transaction(() => {
        const row = trash.get(trashId);
        if (!row) throw new ApiError('not_found', `Nothing with id ${trashId} is in the Trash (it may have been restored or purged).`);
        const { docId, lost } = writeBack(JSON.parse(row.snapshot) as DocumentSnapshot);
        trash.remove(trashId);
        return { id: docId, lost };
      })();
    },
    purge(trashId: number): void {
      db.transaction(() => {
        if (!trash.remove(trashId)) throw new ApiError('not_found', `Nothing with id ${trashId} is in the Trash (it may have been restored or purged).`);
      })();
    },
  };
}
export type TrashService = ReturnType<typeof createTrashService>;
