import { docNumberKey } from '../../../../shared/domain/metadata/docNumbers';
import { searchRows, signatureRows } from '../../store/derive';
import type {
  DocumentListItem,
  DocumentRepository,
  MetadataFieldName,
  MetadataFields,
  NewDocumentInput,
  StoredClause,
  StoredDocument,
} from '../../store/types';
import { StoreError } from '../../store/types';
import { metadataColumns as columns, metadataFieldList as fieldNames } from '../documentRows';
import { gramKeys } from './grams';
import type { Queryable, Runner } from './runner';

/** Every SQL statement about documents, parts, clauses, citations and their index rows on PostgreSQL. */

type Row = Record<string, unknown>;

function yearOf(r: Row): number | null {
  const m = /^(\d{4})/.exec(String(r.date_written ?? r.date_published ?? r.period ?? ''));
  return m ? Number(m[1]) : null;
}

export function clauseOf(r: Row, cleaned: string): StoredClause {
  return {
    id: r.id as number,
    docId: r.doc_id as number,
    parentId: r.parent_id as number | null,
    ord: r.ord as number,
    label: r.label as string,
    level: r.level as number,
    kind: r.kind as StoredClause['kind'],
    heading: r.heading as string | null,
    text: cleaned.slice(r.text_start as number, r.end as number).trim(),
    start: r.start as number,
    textStart: r.text_start as number,
    end: r.end as number,
    partIndex: r.part_index as number | null,
    path: r.path as string,
    leadAgencies: JSON.parse(r.lead_agencies as string) as string[],
    responsibleAgencies: JSON.parse(r.responsible_agencies as string) as string[],
  };
}

/** PostgreSQL text cannot hold U+0000; the analysis never leaves one, and a clear error beats a driver message. */
function assertStorable(s: string): void {
  if (s.includes('\u0000')) throw new StoreError('invalid', 'A document text holds a NUL character, which PostgreSQL cannot store.');
}

/** The search and "where else" rows of freshly written clauses, in bulk (unnest of parallel arrays). */
export async function writeIndexRows(q: Queryable, docId: number, cleaned: string, clauses: StoredClause[]): Promise<void> {
  const rows = searchRows(cleaned, clauses);
  if (rows.length) {
    await q.query(
      `INSERT INTO search_clauses (clause_id, doc_id, base, len, text, folded, grams)
      SELECT c, $1, b, l, t, f, g::integer[] FROM unnest($2::integer[], $3::integer[], $4::integer[], $5::text[], $6::text[], $7::text[]) AS u(c, b, l, t, f, g)`,
      [
        docId,
        rows.map((r) => r.clauseId),
        rows.map((r) => r.base),
        rows.map((r) => r.len),
        rows.map((r) => r.text),
        rows.map((r) => r.folded),
        rows.map((r) => `{${gramKeys(r.folded).join(',')}}`),
      ],
    );
    await q.query('UPDATE search_stats SET rows = rows + $1, total_len = total_len + $2 WHERE id = 1', [rows.length, rows.reduce((s, r) => s + r.len, 0)]);
  }
  const sigs = signatureRows(clauses);
  if (sigs.length) {
    await q.query('INSERT INTO clause_signatures (clause_id, doc_id, signature) SELECT c, $1, s FROM unnest($2::integer[], $3::bytea[]) AS u(c, s)', [
      docId,
      sigs.map((s) => s.clauseId),
      sigs.map((s) => Buffer.from(s.signature)),
    ]);
    const bandClauses = sigs.flatMap((s) => s.keys.map(() => s.clauseId));
    await q.query('INSERT INTO clause_bands (band_key, clause_id) SELECT k, c FROM unnest($1::bigint[], $2::integer[]) AS u(k, c) ON CONFLICT DO NOTHING', [
      sigs.flatMap((s) => s.keys),
      bandClauses,
    ]);
  }
}

export function createPgDocuments(run: Runner): DocumentRepository {
  const getDoc = async (q: Queryable | null, id: number): Promise<Row | undefined> =>
    (q ? (await q.query('SELECT * FROM documents WHERE id = $1', [id])).rows : await run.read('SELECT * FROM documents WHERE id = $1', [id]))[0];

  return {
    async insert(doc: NewDocumentInput) {
      const a = doc.analysed;
      assertStorable(a.cleaned);
      return run.write(async (q) => {
        const now = new Date().toISOString();
        const m = a.metadata;
        const values: unknown[] = [
          doc.fileName,
          doc.sourcePath,
          doc.sourceHash,
          doc.format,
          doc.encoding,
          a.cleaned,
          ...fieldNames.map((f) => (m[f] as string | null) ?? null),
          m.docNumber ? docNumberKey(m.docNumber) : null,
          JSON.stringify(m.history ?? []),
          JSON.stringify(m.inferred),
          JSON.stringify(doc.warnings),
          now,
        ];
        const cols = [
          'file_name',
          'source_path',
          'source_hash',
          'format',
          'encoding',
          'cleaned_text',
          ...fieldNames.map((f) => columns[f]),
          'doc_number_key',
          'history',
          'inferred_fields',
          'warnings',
          'imported_at',
        ];
        const { rows } = await q.query<{ id: number }>(
          `INSERT INTO documents (${cols.join(', ')}, updated_at) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}, $${cols.length}) RETURNING id`,
          values,
        );
        const id = rows[0].id;
        // Ids first, so each clause can name its parent (an earlier clause) in one bulk insert.
        const n = a.clauses.length;
        const ids = n
          ? (await q.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('clauses', 'id'))::integer AS id FROM generate_series(1, $1)", [n])).rows.map(
              (r) => r.id,
            )
          : [];
        if (n) {
          const cs = a.clauses;
          await q.query(
            `INSERT INTO clauses (id, doc_id, parent_id, ord, label, level, kind, heading, start, text_start, "end", part_index, path, lead_agencies, responsible_agencies)
            SELECT * FROM unnest($1::integer[], $2::integer[], $3::integer[], $4::integer[], $5::text[], $6::integer[], $7::text[], $8::text[],
              $9::integer[], $10::integer[], $11::integer[], $12::integer[], $13::text[], $14::text[], $15::text[])`,
            [
              ids,
              ids.map(() => id),
              cs.map((c) => (c.parentIndex == null ? null : ids[c.parentIndex])),
              cs.map((_, i) => i),
              cs.map((c) => c.label),
              cs.map((c) => c.level),
              cs.map((c) => c.kind),
              cs.map((c) => c.heading),
              cs.map((c) => c.start),
              cs.map((c) => c.textStart),
              cs.map((c) => c.end),
              cs.map((c) => c.partIndex),
              cs.map((c) => c.path),
              cs.map((c) => JSON.stringify(c.agencies.lead)),
              cs.map((c) => JSON.stringify(c.agencies.responsible)),
            ],
          );
        }
        for (const [i, p] of a.parts.entries())
          await q.query('INSERT INTO parts (doc_id, part_index, title, start, "end") VALUES ($1, $2, $3, $4, $5)', [id, i, p.title, p.start, p.end]);
        for (const [i, c] of m.citedDocNumbers.entries())
          await q.query('INSERT INTO citations (doc_id, ord, doc_number, doc_number_key) VALUES ($1, $2, $3, $4)', [id, i, c, docNumberKey(c)]);
        const stored = a.clauses.map((c, i): StoredClause => ({
          id: ids[i],
          docId: id,
          parentId: c.parentIndex == null ? null : ids[c.parentIndex],
          ord: i,
          label: c.label,
          level: c.level,
          kind: c.kind,
          heading: c.heading,
          text: c.text,
          start: c.start,
          textStart: c.textStart,
          end: c.end,
          partIndex: c.partIndex,
          path: c.path,
          leadAgencies: c.agencies.lead,
          responsibleAgencies: c.agencies.responsible,
        }));
        await writeIndexRows(q, id, a.cleaned, stored);
        return { id, clauseIds: ids };
      });
    },

    async get(id): Promise<StoredDocument | null> {
      const r = await getDoc(null, id);
      if (!r) return null;
      return {
        id: r.id as number,
        fileName: r.file_name as string,
        sourceHash: r.source_hash as string,
        format: r.format as string,
        encoding: r.encoding as string | null,
        cleanedText: r.cleaned_text as string,
        metadata: Object.fromEntries(fieldNames.map((f) => [f, r[columns[f]] ?? null])) as MetadataFields,
        inferredFields: JSON.parse(r.inferred_fields as string),
        editedFields: JSON.parse(r.edited_fields as string),
        warnings: JSON.parse(r.warnings as string),
        history: JSON.parse(r.history as string),
        importedAt: r.imported_at as string,
        updatedAt: r.updated_at as string,
      };
    },

    async list(): Promise<DocumentListItem[]> {
      const rows = await run.read(`SELECT d.id, d.file_name, d.title, d.city, d.date_written, d.date_published, d.period,
          (SELECT count(*)::integer FROM clauses c WHERE c.doc_id = d.id AND c.kind IN ('heading', 'measure')) AS clause_count
        FROM documents d ORDER BY d.id`);
      return rows.map((r) => ({
        id: r.id as number,
        fileName: r.file_name as string,
        title: r.title as string | null,
        city: r.city as string | null,
        year: yearOf(r),
        clauseCount: r.clause_count as number,
      }));
    },

    async citations(id) {
      const cited = await run.read<{ doc_number: string; document_id: number | null }>(
        `SELECT c.doc_number, (SELECT d.id FROM documents d WHERE d.doc_number_key = c.doc_number_key ORDER BY d.id LIMIT 1) AS document_id
        FROM citations c WHERE c.doc_id = $1 ORDER BY c.ord`,
        [id],
      );
      const citedBy = await run.read<{ id: number; title: string | null; city: string | null }>(
        `SELECT DISTINCT d.id, d.title, d.city FROM citations c JOIN documents d ON d.id = c.doc_id
        WHERE c.doc_number_key = (SELECT doc_number_key FROM documents WHERE id = $1) AND d.id <> $1 ORDER BY d.id`,
        [id],
      );
      return { cited: cited.map((r) => ({ docNumber: r.doc_number, documentId: r.document_id })), citedBy };
    },

    count: async () => (await run.read<{ n: number }>('SELECT count(*)::integer AS n FROM documents'))[0].n,

    async clauses(docId) {
      const doc = await run.read<{ cleaned_text: string }>('SELECT cleaned_text FROM documents WHERE id = $1', [docId]);
      if (!doc.length) return [];
      const rows = await run.read('SELECT * FROM clauses WHERE doc_id = $1 ORDER BY ord', [docId]);
      return rows.map((r) => clauseOf(r, doc[0].cleaned_text));
    },

    async clause(id) {
      const rows = await run.read('SELECT c.*, d.cleaned_text FROM clauses c JOIN documents d ON d.id = c.doc_id WHERE c.id = $1', [id]);
      return rows.length ? clauseOf(rows[0], rows[0].cleaned_text as string) : null;
    },

    async parts(docId) {
      const rows = await run.read('SELECT part_index, title, start, "end" FROM parts WHERE doc_id = $1 ORDER BY part_index', [docId]);
      return rows.map((r) => ({ index: r.part_index as number, title: r.title as string, start: r.start as number, end: r.end as number }));
    },

    async updateMetadata(id, fields) {
      const names = (Object.keys(fields) as MetadataFieldName[]).filter((f) => fieldNames.includes(f));
      if (!names.length) return;
      await run.write(async (q) => {
        // FOR UPDATE: two people editing one document's metadata merge their edited-field lists one after the other.
        const { rows } = await q.query('SELECT edited_fields, inferred_fields FROM documents WHERE id = $1 FOR UPDATE', [id]);
        if (!rows.length) throw new StoreError('not_found', `Document ${id} does not exist.`);
        const edited = [...new Set([...(JSON.parse(rows[0].edited_fields) as string[]), ...names])];
        const inferred = (JSON.parse(rows[0].inferred_fields) as string[]).filter((f) => !names.includes(f as MetadataFieldName));
        const sets = names.map((f, i) => `${columns[f]} = $${i + 1}`);
        const values: unknown[] = names.map((f) => fields[f] ?? null);
        if (names.includes('docNumber')) {
          values.push(fields.docNumber ? docNumberKey(fields.docNumber) : null);
          sets.push(`doc_number_key = $${values.length}`);
        }
        values.push(JSON.stringify(edited), JSON.stringify(inferred), new Date().toISOString(), id);
        const n = values.length;
        await q.query(
          `UPDATE documents SET ${sets.join(', ')}, edited_fields = $${n - 3}, inferred_fields = $${n - 2}, updated_at = $${n - 1} WHERE id = $${n}`,
          values,
        );
      });
    },

    async remove(id) {
      return run.write(async (q) => {
        const { rows } = await q.query<{ n: string | null; l: string | null }>('SELECT count(*) AS n, sum(len) AS l FROM search_clauses WHERE doc_id = $1', [
          id,
        ]);
        const gone = await q.query('DELETE FROM documents WHERE id = $1', [id]);
        if (!gone.rowCount) return false;
        await q.query('UPDATE search_stats SET rows = rows - $1, total_len = total_len - $2 WHERE id = 1', [Number(rows[0].n ?? 0), Number(rows[0].l ?? 0)]);
        return true;
      });
    },
  };
}
