import type { AnalysedDocument } from '../../../shared/domain/analyze';
import { docNumberKey } from '../../../shared/domain/metadata/docNumbers';
import type { DocumentMetadata } from '../../../shared/domain/types';
import type { DocumentSummary, MetadataFieldName, MetadataFields } from '../../../shared/api/methods/documents';
import { createClauseTexts } from './clauseText';
import { textColumns } from './documentText';
import { type Db, keptUntilChange } from './connection';
import {
  metadataColumns,
  metadataOf,
  plain,
  summariesOf,
  SUMMARY_COLUMNS,
  type ClauseRow,
  type DocumentRow,
  type NewDocument,
  type PartRow,
  type StoredClauseRow,
  type SummaryRow,
} from './documentRows';

export { metadataFieldList, metadataOf, type ClauseRow, type DocumentRow, type NewDocument } from './documentRows';

/** Every SQL statement about documents, parts, clauses and citations lives here. */

export function createDocumentsRepo(db: Db) {
  const texts = createClauseTexts(db);
  const stmt = {
    byId: db.prepare('SELECT * FROM documents WHERE id = ?'),
    byHash: db.prepare('SELECT id, file_name FROM documents WHERE source_hash = ?'),
    byFile: db.prepare('SELECT * FROM documents WHERE file_name = ? ORDER BY id LIMIT 1'),
    // Clause counts from one grouped scan rather than a count per document.
    list: db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, coalesce(n.clause_count, 0) AS clause_count
      FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS clause_count FROM clauses WHERE kind IN ('heading','measure') GROUP BY doc_id) n
        ON n.doc_id = d.id
      ORDER BY d.id`,
      )
      .raw(true),
    /** One document's summary, by primary key. */
    listOne: db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, (SELECT count(*) FROM clauses c WHERE c.doc_id = d.id AND c.kind IN ('heading','measure')) AS clause_count
      FROM documents d WHERE d.id = ?`,
      )
      .raw(true),
    /** The same columns for a few documents (a picker's page), by primary key rather than a scan. */
    listIds: db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, (SELECT count(*) FROM clauses c WHERE c.doc_id = d.id AND c.kind IN ('heading','measure')) AS clause_count
      FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.id`,
      )
      .raw(true),
    partsIds: db.prepare('SELECT doc_id, part_index, title FROM parts WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY doc_id, part_index'),
    parts: db.prepare('SELECT part_index, title FROM parts WHERE doc_id = ? ORDER BY part_index'),
    allParts: db.prepare('SELECT doc_id, part_index, title FROM parts ORDER BY doc_id, part_index'),
    clauses: db.prepare('SELECT * FROM clauses WHERE doc_id = ? ORDER BY ord'),
    insertDoc: db.prepare(`INSERT INTO documents (file_name, source_path, source_hash, format, encoding, cleaned_text, cleaned_z,
        title, city, province, level, issuer, doc_number, doc_number_key, date_written, date_published, validity, period,
        date_effective, approved_by, date_approved, history, source_id, source_url, inferred_fields, warnings, imported_at, updated_at)
      VALUES (@file_name, @source_path, @source_hash, @format, @encoding, @cleaned_text, @cleaned_z, @title, @city, @province, @level, @issuer,
        @doc_number, @doc_number_key, @date_written, @date_published, @validity, @period,
        @date_effective, @approved_by, @date_approved, @history, @source_id, @source_url, @inferred_fields, @warnings, @now, @now)`),
    insertPart: db.prepare('INSERT INTO parts (doc_id, part_index, title, start, end) VALUES (?, ?, ?, ?, ?)'),
    insertClause:
      db.prepare(`INSERT INTO clauses (id, doc_id, parent_id, ord, label, level, kind, heading, start, text_start, end, part_index, path, lead_agencies, responsible_agencies)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertCitation: db.prepare('INSERT INTO citations (doc_id, ord, doc_number, doc_number_key) VALUES (?, ?, ?, ?)'),
    citations: db.prepare('SELECT doc_number FROM citations WHERE doc_id = ? ORDER BY ord'),
    docByNumber: db.prepare('SELECT id FROM documents WHERE doc_number_key = ? ORDER BY id LIMIT 1'),
    citedBy: db.prepare(`SELECT DISTINCT d.id, d.title, d.city FROM citations c JOIN documents d ON d.id = c.doc_id
      WHERE c.doc_number_key = ? AND d.id <> ? ORDER BY d.id`),
    delete: db.prepare('DELETE FROM documents WHERE id = ?'),
    clause: db.prepare('SELECT * FROM clauses WHERE id = ?'),
    clausesByIds: db.prepare('SELECT * FROM clauses WHERE id IN (SELECT value FROM json_each(?))'),
    codable: db.prepare("SELECT id, doc_id, path, part_index, text_start, end FROM clauses WHERE kind IN ('measure', 'heading') ORDER BY id"),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
    setSetting: db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)'),
    count: db.prepare('SELECT count(*) AS n FROM documents'),
    ids: db.prepare('SELECT id FROM documents ORDER BY id').pluck(),
  };

  // Re-import statements, prepared once like the rest (a folder re-import runs them per file).
  const replaceStmt = {
    updateDoc: db.prepare(`UPDATE documents SET source_path=@source_path, source_hash=@source_hash, format=@format, encoding=@encoding,
        cleaned_text=@cleaned_text, cleaned_z=@cleaned_z, title=@title, city=@city, province=@province, level=@level, issuer=@issuer, doc_number=@doc_number, doc_number_key=@doc_number_key,
        date_written=@date_written, date_published=@date_published, validity=@validity, period=@period, date_effective=@date_effective,
        approved_by=@approved_by, date_approved=@date_approved, history=@history, source_id=@source_id, source_url=@source_url, inferred_fields=@inferred_fields,
        warnings=@warnings, updated_at=@now WHERE id=@id`),
    detachClauses: db.prepare('UPDATE clauses SET parent_id = NULL, ord = -id WHERE doc_id = ?'),
    deleteParts: db.prepare('DELETE FROM parts WHERE doc_id = ?'),
    deleteCitations: db.prepare('DELETE FROM citations WHERE doc_id = ?'),
    deleteStale: db.prepare('DELETE FROM clauses WHERE doc_id = ? AND id NOT IN (SELECT value FROM json_each(?))'),
  };

  const updateClause = db.prepare(`UPDATE clauses SET parent_id=@parent_id, ord=@ord, label=@label, level=@level, kind=@kind, heading=@heading,
      start=@start, text_start=@text_start, end=@end, part_index=@part_index, path=@path, lead_agencies=@lead,
      responsible_agencies=@responsible WHERE id=@id AND doc_id=@doc_id`);

  /** Writes clauses in reading order; an entry of keepIds updates that existing row instead of inserting. */
  function writeClauses(docId: number, analysed: AnalysedDocument, keepIds: Array<number | null> = []): number[] {
    const ids: number[] = [];
    analysed.clauses.forEach((c, ord) => {
      const row = {
        id: keepIds[ord] ?? null,
        doc_id: docId,
        parent_id: c.parentIndex == null ? null : ids[c.parentIndex],
        ord,
        label: c.label,
        level: c.level,
        kind: c.kind,
        heading: c.heading,
        start: c.start,
        text_start: c.textStart,
        end: c.end,
        part_index: c.partIndex,
        path: c.path,
        lead: JSON.stringify(c.agencies.lead),
        responsible: JSON.stringify(c.agencies.responsible),
      };
      if (row.id != null) {
        updateClause.run(row);
        ids.push(row.id);
      } else {
        // Positional values: an import inserts one row per clause, and binding fifteen names cost about twice as much.
        const { doc_id, parent_id, label, level, kind, heading, start, text_start, end, part_index, path, lead, responsible } = row;
        const inserted = stmt.insertClause.run(
          null,
          doc_id,
          parent_id,
          ord,
          label,
          level,
          kind,
          heading,
          start,
          text_start,
          end,
          part_index,
          path,
          lead,
          responsible,
        );
        ids.push(Number(inserted.lastInsertRowid));
      }
    });
    analysed.parts.forEach((p, i) => stmt.insertPart.run(docId, i, p.title, p.start, p.end));
    analysed.metadata.citedDocNumbers.forEach((n, i) => stmt.insertCitation.run(docId, i, n, docNumberKey(n)));
    return ids;
  }

  function metadataParams(m: DocumentMetadata, keep: Partial<MetadataFields> = {}) {
    const pick = <K extends MetadataFieldName>(k: K) => (k in keep ? keep[k] : m[k]) ?? null;
    return {
      title: pick('title'),
      city: pick('city'),
      province: pick('province'),
      level: pick('level'),
      issuer: pick('issuer'),
      doc_number: pick('docNumber'),
      doc_number_key: pick('docNumber') == null ? null : docNumberKey(String(pick('docNumber'))),
      date_written: pick('dateWritten'),
      date_published: pick('datePublished'),
      validity: pick('validity'),
      period: pick('period'),
      date_effective: pick('dateEffective'),
      approved_by: pick('approvedBy'),
      date_approved: pick('dateApproved'),
      source_id: pick('sourceId'),
      source_url: pick('sourceUrl'),
      history: JSON.stringify(m.history ?? []),
    };
  }

  /** Every summary (id null) or one document's, read from the database. */
  function listRead(id: number | null): DocumentSummary[] {
    const partRows = id == null ? stmt.allParts.all() : (stmt.parts.all(id) as Array<{ part_index: number; title: string }>).map((p) => ({ ...p, doc_id: id }));
    return summariesOf((id == null ? stmt.list.all() : stmt.listOne.all(id)) as SummaryRow[], partRows as PartRow[]);
  }
  // Every summary, kept until the project changes: the Library, the attribute table and the compare
  // picker ask for all of them each time they open, 100 ms of CPU with 5,000 documents. Callers get
  // their own array; the summaries in it are shared and never changed.
  const everyone = keptUntilChange(db, () => listRead(null));

  return {
    count: () => (stmt.count.get() as { n: number }).n,
    /** Every document's id, in order (without reading their metadata). */
    ids: () => stmt.ids.all() as number[],
    get: (id: number) => plain(stmt.byId.get(id)),
    findByHash: (hash: string) => stmt.byHash.get(hash) as { id: number; file_name: string } | undefined,
    findByFile: (fileName: string) => plain(stmt.byFile.get(fileName)),
    clauses: (docId: number) => texts.withText(stmt.clauses.all(docId) as StoredClauseRow[]),
    clause: (id: number) => texts.withText(stmt.clause.all(id) as StoredClauseRow[])[0] as ClauseRow | undefined,
    clausesByIds(ids: number[]): ClauseRow[] {
      if (!ids.length) return [];
      return texts.withText(stmt.clausesByIds.all(JSON.stringify(ids)) as StoredClauseRow[]);
    },
    /** Clauses that carry content to code, align or suggest for: measures and headings, corpus-wide. */
    codableClauses: () =>
      texts
        .withText(stmt.codable.all() as Array<Pick<ClauseRow, 'id' | 'doc_id' | 'path' | 'part_index' | 'text_start' | 'end'>>)
        .map(({ id, doc_id, path, part_index, text }) => ({ id, doc_id, path, part_index, text })),
    setting: (key: string) => (stmt.getSetting.get(key) as { value: string } | undefined)?.value ?? null,
    setSetting: (key: string, value: string) => void stmt.setSetting.run(key, value),
    parts: (docId: number) => stmt.parts.all(docId) as Array<{ part_index: number; title: string }>,
    citations: (docId: number) => (stmt.citations.all(docId) as Array<{ doc_number: string }>).map((r) => r.doc_number),
    /** 文号 match on their folded key: 青政发[2012]46号 and 青政发〔2012〕46 号 are the same document. */
    documentIdByNumber: (docNumber: string) => (stmt.docByNumber.get(docNumberKey(docNumber)) as { id: number } | undefined)?.id ?? null,
    citedBy: (docNumber: string, exceptId: number) =>
      stmt.citedBy.all(docNumberKey(docNumber), exceptId) as Array<{ id: number; title: string | null; city: string | null }>,

    /** Every document's summary, or just one's (id). */
    list(id: number | null = null): DocumentSummary[] {
      return id == null ? everyone().slice() : listRead(id);
    },

    /** The summaries of these documents (in id order; unknown ids are left out), without reading the others. */
    summaries(ids: number[]): DocumentSummary[] {
      if (!ids.length) return [];
      const json = JSON.stringify(ids);
      return summariesOf(stmt.listIds.all(json) as SummaryRow[], stmt.partsIds.all(json) as PartRow[]);
    },

    insert(doc: NewDocument): { id: number; clauseIds: number[] } {
      const now = new Date().toISOString();
      const info = stmt.insertDoc.run({
        file_name: doc.fileName,
        source_path: doc.sourcePath,
        source_hash: doc.sourceHash,
        format: doc.format,
        encoding: doc.encoding,
        ...textColumns(doc.analysed.cleaned, doc.packed),
        ...metadataParams(doc.analysed.metadata),
        inferred_fields: JSON.stringify(doc.analysed.metadata.inferred),
        warnings: JSON.stringify(doc.warnings),
        now,
      });
      const id = Number(info.lastInsertRowid);
      return { id, clauseIds: writeClauses(id, doc.analysed) };
    },

    /**
     * Replaces a document's text and clauses in place (re-import of a changed file). Clause ids
     * listed in reuseIds are kept so codings and links on unchanged clauses stay attached; fields
     * the researcher edited keep their edited values.
     */
    replace(id: number, doc: NewDocument, reuseIds: Array<number | null>, beforeStaleDeleted: (newIds: number[]) => void): number[] {
      const old = stmt.byId.get(id) as DocumentRow;
      const edited = JSON.parse(old.edited_fields) as MetadataFieldName[];
      const keep = Object.fromEntries(edited.map((f) => [f, metadataOf(old)[f]])) as Partial<MetadataFields>;
      const m = metadataParams(doc.analysed.metadata, keep);
      replaceStmt.updateDoc.run({
        id,
        source_path: doc.sourcePath,
        source_hash: doc.sourceHash,
        format: doc.format,
        encoding: doc.encoding,
        ...textColumns(doc.analysed.cleaned, doc.packed),
        ...m,
        inferred_fields: JSON.stringify(doc.analysed.metadata.inferred.filter((f) => !edited.includes(f))),
        warnings: JSON.stringify(doc.warnings),
        now: new Date().toISOString(),
      });
      // Kept clauses are updated in place (deleting them would cascade to their codings and links);
      // the rest go. Parents and order are detached first so the rewrite cannot trip over them.
      // The stale ones are deleted only after the callback has moved what refers to them.
      replaceStmt.detachClauses.run(id);
      replaceStmt.deleteParts.run(id);
      replaceStmt.deleteCitations.run(id);
      const ids = writeClauses(id, doc.analysed, reuseIds);
      beforeStaleDeleted(ids);
      replaceStmt.deleteStale.run(id, JSON.stringify(ids));
      return ids;
    },

    updateMetadata(id: number, fields: Partial<MetadataFields>): void {
      const row = stmt.byId.get(id) as DocumentRow;
      const names = Object.keys(fields) as MetadataFieldName[];
      if (!names.length) return;
      const edited = new Set([...(JSON.parse(row.edited_fields) as MetadataFieldName[]), ...names]);
      const inferred = (JSON.parse(row.inferred_fields) as MetadataFieldName[]).filter((f) => !names.includes(f));
      const sets = names.map((f) => `${metadataColumns[f]} = @${f}`).join(', ');
      const key = names.includes('docNumber') ? ', doc_number_key = @docNumberKey' : '';
      db.prepare(`UPDATE documents SET ${sets}${key}, edited_fields = @edited, inferred_fields = @inferred, updated_at = @now WHERE id = @id`).run({
        ...Object.fromEntries(names.map((f) => [f, fields[f] ?? null])),
        ...(key ? { docNumberKey: fields.docNumber ? docNumberKey(fields.docNumber) : null } : {}),
        edited: JSON.stringify([...edited]),
        inferred: JSON.stringify(inferred),
        now: new Date().toISOString(),
        id,
      });
    },

    delete: (id: number) => stmt.delete.run(id).changes > 0,
  };
}
export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
