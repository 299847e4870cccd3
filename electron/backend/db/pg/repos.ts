import { estimatedJaccard, signatureFromBytes, bandKeys } from '../../../../shared/domain/similar';
import type { Coder, CoderRepository, Coding, CodingRepository, Note, NoteRepository, Theme, ThemeRepository, WhereElseRepository } from '../../store/types';
import { StoreError } from '../../store/types';
import type { Runner } from './runner';

/** Coders, themes, codings, notes and "where else" candidates on PostgreSQL. */

type Row = Record<string, unknown>;

const coderOf = (r: Row): Coder => ({ id: r.id as number, name: r.name as string, createdAt: r.created_at as string });

export function codingOf(r: Row): Coding {
  return {
    id: r.id as number,
    docId: r.doc_id as number,
    clauseId: r.clause_id as number,
    themeId: r.theme_id as string,
    coderId: (r.coder_id as number | null) ?? null,
    start: r.start as number | null,
    end: r.end as number | null,
    quote: r.quote as string | null,
    source: r.source as Coding['source'],
    status: r.status as Coding['status'],
    score: Number(r.score),
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export function noteOf(r: Row): Note {
  return {
    id: r.id as number,
    kind: r.kind as Note['kind'],
    docId: r.doc_id as number | null,
    clauseId: r.clause_id as number | null,
    start: r.start as number | null,
    end: r.end as number | null,
    quote: r.quote as string | null,
    comparisonId: (r.comparison_id as number | null) ?? null,
    rowKey: (r.row_key as string | null) ?? null,
    clauseIds: JSON.parse((r.clause_ids as string | undefined) ?? '[]') as number[],
    content: r.content as string,
    formatVersion: r.format_version as number,
    plainText: r.plain_text as string,
    revision: r.revision as number,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export function themeOf(r: Row): Theme {
  return {
    id: r.id as string,
    parentId: r.parent_id as string | null,
    ord: r.ord as number,
    nameZh: r.name_zh as string,
    nameEn: r.name_en as string,
    color: r.color as string,
    description: r.description as string,
    instrument: r.instrument as Theme['instrument'],
    keywords: JSON.parse(r.keywords as string) as string[],
  };
}

export function createPgCoders(run: Runner): CoderRepository {
  return {
    async create(name) {
      const clean = name.trim();
      if (!clean) throw new StoreError('invalid', 'A coder needs a name.');
      return run.write(async (q) =>
        coderOf((await q.query('INSERT INTO coders (name, created_at) VALUES ($1, $2) RETURNING *', [clean, new Date().toISOString()])).rows[0]),
      );
    },
    list: async () => (await run.read('SELECT * FROM coders ORDER BY id')).map(coderOf),
    byName: async (name) => (await run.read('SELECT * FROM coders WHERE name = $1', [name.trim()])).map(coderOf)[0] ?? null,
  };
}

export function createPgThemes(run: Runner): ThemeRepository {
  return {
    list: async () => (await run.read('SELECT * FROM themes ORDER BY ord, id')).map(themeOf),
    put: (t) =>
      run.write(async (q) => {
        await q.query(
          `INSERT INTO themes (id, parent_id, ord, name_zh, name_en, color, description, instrument, keywords) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, ord = excluded.ord, name_zh = excluded.name_zh, name_en = excluded.name_en,
          color = excluded.color, description = excluded.description, instrument = excluded.instrument, keywords = excluded.keywords`,
          [t.id, t.parentId, t.ord, t.nameZh, t.nameEn, t.color, t.description, t.instrument, JSON.stringify(t.keywords)],
        );
      }),
  };
}

export function createPgCodings(run: Runner): CodingRepository {
  return {
    codeClause: ({ clauseId, themeId, coderId, status = 'accepted' }) =>
      run.write(async (q) => {
        const now = new Date().toISOString();
        // The conflict target is the partial unique index: one whole-clause coding per clause, theme and coder.
        const { rows } = await q.query(
          `INSERT INTO codings (doc_id, clause_id, theme_id, start, "end", quote, source, status, score, created_at, updated_at, coder_id)
          SELECT c.doc_id, c.id, $2, NULL, NULL, NULL, 'manual', $3, 1, $4, $4, $5 FROM clauses c WHERE c.id = $1
        ON CONFLICT (clause_id, theme_id, (COALESCE(coder_id, 0))) WHERE start IS NULL
        DO UPDATE SET status = excluded.status, source = 'manual', score = 1, updated_at = excluded.updated_at
        RETURNING *`,
          [clauseId, themeId, status, now, coderId],
        );
        if (!rows.length) throw new StoreError('not_found', `Clause ${clauseId} does not exist.`);
        return codingOf(rows[0]);
      }),

    codeRange: ({ clauseId, themeId, coderId, start, end }) =>
      run.write(async (q) => {
        const { rows: found } = await q.query(
          'SELECT c.doc_id, c.start, c."end", d.cleaned_text FROM clauses c JOIN documents d ON d.id = c.doc_id WHERE c.id = $1',
          [clauseId],
        );
        if (!found.length) throw new StoreError('not_found', `Clause ${clauseId} does not exist.`);
        const c = found[0];
        if (!(Number.isInteger(start) && Number.isInteger(end) && start >= c.start && end <= c.end && start < end)) {
          throw new StoreError('invalid', `A coded range must lie inside its clause (${c.start}–${c.end}); got ${start}–${end}.`);
        }
        const now = new Date().toISOString();
        const { rows } = await q.query(
          `INSERT INTO codings (doc_id, clause_id, theme_id, start, "end", quote, source, status, score, created_at, updated_at, coder_id)
        VALUES ($1, $2, $3, $4, $5, $6, 'manual', 'accepted', 1, $7, $7, $8) RETURNING *`,
          [c.doc_id, clauseId, themeId, start, end, (c.cleaned_text as string).slice(start, end), now, coderId],
        );
        return codingOf(rows[0]);
      }),

    remove: (id) => run.write(async (q) => ((await q.query('DELETE FROM codings WHERE id = $1', [id])).rowCount ?? 0) > 0),

    async ofDocument(docId, coder) {
      const rows =
        coder === undefined
          ? await run.read('SELECT * FROM codings WHERE doc_id = $1 ORDER BY clause_id, start NULLS FIRST, id', [docId])
          : await run.read('SELECT * FROM codings WHERE doc_id = $1 AND coder_id IS NOT DISTINCT FROM $2 ORDER BY clause_id, start NULLS FIRST, id', [
              docId,
              coder,
            ]);
      return rows.map(codingOf);
    },
    ofClause: async (clauseId) => (await run.read('SELECT * FROM codings WHERE clause_id = $1 ORDER BY start NULLS FIRST, id', [clauseId])).map(codingOf),
    get: async (id) => (await run.read('SELECT * FROM codings WHERE id = $1', [id])).map(codingOf)[0] ?? null,
    ofCoder: async (coderId) =>
      (await run.read('SELECT * FROM codings WHERE coder_id IS NOT DISTINCT FROM $1 ORDER BY doc_id, clause_id, start NULLS FIRST, id', [coderId])).map(
        codingOf,
      ),
  };
}

export function createPgNotes(run: Runner): NoteRepository {
  const get = async (id: number) => (await run.read('SELECT * FROM annotations WHERE id = $1 AND deleted_at IS NULL', [id])).map(noteOf)[0] ?? null;
  return {
    create: (input) =>
      run.write(async (q) => {
        const { rows: docs } = await q.query('SELECT cleaned_text FROM documents WHERE id = $1', [input.docId]);
        if (!docs.length) throw new StoreError('not_found', `Document ${input.docId} does not exist.`);
        const start = input.start ?? null;
        const end = input.end ?? null;
        if (input.kind === 'range' && (start == null || end == null || start >= end || end > (docs[0].cleaned_text as string).length)) {
          throw new StoreError('invalid', 'A note on a passage needs a start before its end, inside the document.');
        }
        const quote = start != null && end != null ? (docs[0].cleaned_text as string).slice(start, end) : null;
        const now = new Date().toISOString();
        const { rows } = await q.query(
          `INSERT INTO annotations (kind, doc_id, clause_id, start, "end", quote, content, format_version, plain_text, revision, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING *`,
          [input.kind, input.docId, input.clauseId ?? null, start, end, quote, input.content, input.formatVersion, input.plainText, now],
        );
        return noteOf(rows[0]);
      }),

    createOnComparison: (input) =>
      run.write(async (q) => {
        const clauseIds = input.clauseIds ?? [];
        // The row's first clause that still exists gives the note its document, as on the desktop.
        const { rows: first } = clauseIds.length
          ? await q.query('SELECT doc_id FROM clauses WHERE id = ANY($1::integer[]) ORDER BY array_position($1::integer[], id) LIMIT 1', [clauseIds])
          : { rows: [] as Row[] };
        const now = new Date().toISOString();
        const { rows } = await q.query(
          `INSERT INTO annotations (kind, doc_id, comparison_id, row_key, clause_ids, content, format_version, plain_text, revision, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) RETURNING *`,
          [
            input.kind,
            (first[0]?.doc_id as number | undefined) ?? null,
            input.comparisonId,
            input.kind === 'alignmentRow' ? (input.rowKey ?? null) : null,
            JSON.stringify(clauseIds),
            input.content,
            input.formatVersion,
            input.plainText,
            now,
          ],
        );
        return noteOf(rows[0]);
      }),

    save: (id, input) =>
      run.write(async (q) => {
        // FOR UPDATE: of two coders saving one note at once, the second waits and sees the first's revision.
        const { rows } = await q.query('SELECT * FROM annotations WHERE id = $1 AND deleted_at IS NULL FOR UPDATE', [id]);
        if (!rows.length) throw new StoreError('not_found', `Note ${id} does not exist.`);
        const current = rows[0];
        if (input.expectedRevision !== undefined && input.expectedRevision !== current.revision) {
          throw new StoreError(
            'conflict',
            `Note ${id} was saved by someone else meanwhile (revision ${current.revision}, this edit was based on ${input.expectedRevision}).`,
          );
        }
        await q.query(
          `INSERT INTO annotation_revisions (annotation_id, revision, content, format_version, saved_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT DO NOTHING`,
          [id, current.revision, current.content, current.format_version, current.updated_at],
        );
        const { rows: saved } = await q.query(
          `UPDATE annotations SET content = $1, format_version = $2, plain_text = $3, revision = revision + 1, updated_at = $4
        WHERE id = $5 RETURNING *`,
          [input.content, input.formatVersion, input.plainText, new Date().toISOString(), id],
        );
        return noteOf(saved[0]);
      }),

    get,

    async list({ docId, comparisonId, q, limit = 200 }) {
      const rows = await run.read(
        `SELECT * FROM annotations WHERE deleted_at IS NULL
          AND ($1::integer IS NULL OR doc_id = $1) AND ($4::integer IS NULL OR comparison_id = $4)
          AND ($2::text IS NULL OR strpos(lower(plain_text), lower($2)) > 0 OR strpos(coalesce(quote, ''), $2) > 0)
        ORDER BY updated_at DESC, id DESC LIMIT $3`,
        [docId ?? null, q ?? null, limit, comparisonId ?? null],
      );
      return rows.map(noteOf);
    },

    remove: (id) =>
      run.write(
        async (q) =>
          ((await q.query('UPDATE annotations SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL', [new Date().toISOString(), id])).rowCount ?? 0) > 0,
      ),

    revisions: async (id) =>
      await run.read<{ revision: number; content: string }>('SELECT revision, content FROM annotation_revisions WHERE annotation_id = $1 ORDER BY revision', [
        id,
      ]),
  };
}

/** Rows read per LSH bucket: a bucket of hundreds of near-copies adds nothing past that (as db/compare.ts). */
const PER_BUCKET = 200;

export function createPgWhereElse(run: Runner): WhereElseRepository {
  return {
    async candidates(clauseId, limit) {
      const own = await run.read<{ signature: Buffer; doc_id: number }>('SELECT signature, doc_id FROM clause_signatures WHERE clause_id = $1', [clauseId]);
      if (!own.length) return [];
      const sig = signatureFromBytes(own[0].signature);
      const rows = await run.read<{ clause_id: number; doc_id: number; signature: Buffer }>(
        `SELECT s.clause_id, s.doc_id, s.signature FROM clause_signatures s
        WHERE s.clause_id IN (SELECT b.clause_id FROM unnest($1::bigint[]) AS k(key)
          CROSS JOIN LATERAL (SELECT clause_id FROM clause_bands WHERE band_key = k.key ORDER BY clause_id LIMIT ${PER_BUCKET}) b)
        AND s.doc_id <> $2`,
        [bandKeys(sig), own[0].doc_id],
      );
      return rows
        .map((r) => ({ clauseId: r.clause_id, docId: r.doc_id, similarity: estimatedJaccard(sig, signatureFromBytes(r.signature)) }))
        .sort((a, b) => b.similarity - a.similarity || a.clauseId - b.clauseId)
        .slice(0, limit);
    },
  };
}
