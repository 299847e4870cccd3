// The async store over a desktop project: the synchronous SQLite repositories of
// electron/backend/db/ and the search engine behind the Store interfaces, with no change to what
// they write (the desktop app keeps calling them directly). better-sqlite3 runs one statement at a
// time on one connection, so calls are queued: a Store.transaction holds the connection from
// BEGIN to COMMIT while its callback awaits, and nothing else slips into it.
import { bandSketch, estimatedJaccard } from '../../../shared/domain/similar';
import { encodeSketches, signatureOf, sketchRows } from '../compare/bands';
import { createSketchIndex } from '../compare/nearCopies';
import { createAnnotationsRepo, type AnnotationRow } from '../db/annotations';
import { createCompareRepo } from '../db/compare';
import type { Db } from '../db/connection';
import { createDocumentsRepo, metadataOf, type ClauseRow } from '../db/documents';
import { type StoredText, unpackText } from '../db/documentText';
import { createSearchStore } from '../db/search';
import { createRecordSql } from '../db/sqlite-store/records';
import { createSqliteCompare } from '../db/sqlite-store/compare';
import { createTeamSql } from '../db/sqlite-store/team';
import { sqliteThemeRepositories } from '../db/sqlite-store/themes';
import { createThemesRepo, type ThemeRow } from '../db/themes';
import { createSearchEngine } from '../search/engine';
import { codingOf, noteOf, themeOf } from '../db/pg/repos';
import type { Coder, Repositories, Store, StoredClause, StoredDocument, WhereElseCandidate } from './types';
import { StoreError } from './types';

/** Clauses sharing at least this many of 32 bands with the query are candidates (one band in 256 is shared by chance). */
const MIN_SHARED_BANDS = 2;
/** Candidates scored from their texts, most shared bands first. */
const SCORED = 200;

const clauseOf = (c: ClauseRow): StoredClause => ({
  id: c.id,
  docId: c.doc_id,
  parentId: c.parent_id,
  ord: c.ord,
  label: c.label,
  level: c.level,
  kind: c.kind,
  heading: c.heading,
  text: c.text,
  start: c.start,
  textStart: c.text_start,
  end: c.end,
  partIndex: c.part_index,
  path: c.path,
  leadAgencies: JSON.parse(c.lead_agencies) as string[],
  responsibleAgencies: JSON.parse(c.responsible_agencies) as string[],
});

/** SQLite's constraint errors as errors a caller can act on. */
function storeErrorOf(e: unknown): unknown {
  const code = (e as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new StoreError('not_found', `A referenced row does not exist: ${(e as Error).message}`);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return new StoreError('conflict', `Already exists: ${(e as Error).message}`);
  return e;
}

/** The repositories as synchronous functions; `atomic` runs a write as one transaction (a savepoint inside Store.transaction). */
function syncRepositories(db: Db) {
  const documents = createDocumentsRepo(db);
  const themes = createThemesRepo(db);
  const annotations = createAnnotationsRepo(db);
  const compare = createCompareRepo(db);
  const sketches = createSketchIndex(compare);
  const searchStore = createSearchStore(db);
  const engine = createSearchEngine(searchStore);
  const team = createTeamSql(db);
  const atomic = <T>(fn: () => T): T => db.transaction(fn)();
  const needCoders = (coderId: number | null) => {
    if (coderId != null && !team.hasCoders) throw new StoreError('invalid', 'This project has no coders: it needs the coders migration of PolicyLens first.');
  };
  const coderOf = (r: Record<string, unknown>): Coder => ({ id: r.id as number, name: r.name as string, createdAt: r.created_at as string });
  const note = (r: AnnotationRow | null) => (r && !r.deleted_at ? noteOf(r as unknown as Record<string, unknown>) : null);

  const records = createRecordSql(db, atomic, {
    index(docId) {
      searchStore.indexDocumentClauses(docId);
      compare.replaceSketches(docId, encodeSketches(sketchRows(documents.clauses(docId))));
    },
    unindex: (docId) => searchStore.unindexDocument(docId),
    remove: (docId) => documents.delete(docId),
  });

  return {
    ...sqliteThemeRepositories(themes, documents),
    ...records,
    ...createSqliteCompare(db, { compare, sketches, documents }),
    documents: {
      insert: (doc: Parameters<Repositories['documents']['insert']>[0]) =>
        atomic(() => {
          const out = documents.insert(doc);
          searchStore.indexDocumentClauses(out.id);
          // Signatures are not stored (migration 009): the band sketches are computed from the clause texts.
          compare.replaceSketches(out.id, encodeSketches(sketchRows(documents.clauses(out.id))));
          return out;
        }),
      get(id: number) {
        const r = documents.get(id);
        return r
          ? {
              id: r.id,
              fileName: r.file_name,
              sourceHash: r.source_hash,
              format: r.format,
              encoding: r.encoding,
              cleanedText: r.cleaned_text,
              metadata: metadataOf(r),
              inferredFields: JSON.parse(r.inferred_fields) as string[],
              editedFields: JSON.parse(r.edited_fields) as string[],
              warnings: JSON.parse(r.warnings) as string[],
              history: JSON.parse(r.history) as StoredDocument['history'],
              importedAt: r.imported_at,
              updatedAt: r.updated_at,
            }
          : null;
      },
      list: () => documents.list().map((d) => ({ id: d.id, fileName: d.file, title: d.title, city: d.city, year: d.year, clauseCount: d.clauseCount })),
      count: () => documents.count(),
      citations: (id: number) => {
        const own = documents.get(id);
        return {
          cited: documents.citations(id).map((n) => ({ docNumber: n, documentId: documents.documentIdByNumber(n) })),
          citedBy: own?.doc_number ? documents.citedBy(own.doc_number, id) : [],
        };
      },
      clauses: (docId: number) => documents.clauses(docId).map(clauseOf),
      clause: (id: number) => {
        const c = documents.clause(id);
        return c ? clauseOf(c) : null;
      },
      parts: (docId: number) =>
        (team.parts.all(docId) as Array<{ part_index: number; title: string; start: number; end: number }>).map((p) => ({
          index: p.part_index,
          title: p.title,
          start: p.start,
          end: p.end,
        })),
      updateMetadata: (id: number, fields: Parameters<Repositories['documents']['updateMetadata']>[1]) =>
        atomic(() => {
          if (!documents.get(id)) throw new StoreError('not_found', `Document ${id} does not exist.`);
          documents.updateMetadata(id, fields);
          searchStore.documentsChanged();
        }),
      remove: (id: number) =>
        atomic(() => {
          if (!documents.get(id)) return false;
          searchStore.unindexDocument(id);
          return documents.delete(id);
        }),
    },
    coders: {
      create(name: string) {
        needCoders(0);
        const clean = name.trim();
        if (!clean) throw new StoreError('invalid', 'A coder needs a name.');
        return coderOf(team.insertCoder!.get(clean, new Date().toISOString()) as Record<string, unknown>);
      },
      list: () => (team.hasCoders ? (team.coders!.all() as Array<Record<string, unknown>>).map(coderOf) : []),
      byName(name: string) {
        const r = team.hasCoders ? (team.coderByName!.get(name.trim()) as Record<string, unknown> | undefined) : undefined;
        return r ? coderOf(r) : null;
      },
    },
    themes: {
      list: () => themes.themes().map((t) => themeOf(t as unknown as Record<string, unknown>)),
      put: (t: Parameters<Repositories['themes']['put']>[0]) =>
        atomic(() => {
          const row: ThemeRow = {
            id: t.id,
            parent_id: t.parentId,
            ord: t.ord,
            name_zh: t.nameZh,
            name_en: t.nameEn,
            color: t.color,
            description: t.description,
            instrument: t.instrument,
            keywords: JSON.stringify(t.keywords),
          };
          themes.putRow('themes', row as unknown as Record<string, unknown>);
        }),
    },
    codings: {
      codeClause: ({ clauseId, themeId, coderId, status = 'accepted' }: Parameters<Repositories['codings']['codeClause']>[0]) =>
        atomic(() => {
          needCoders(coderId);
          const doc = team.clauseDoc.get(clauseId) as number | undefined;
          if (doc === undefined) throw new StoreError('not_found', `Clause ${clauseId} does not exist.`);
          return codingOf(
            team.upsertWhole.get({ doc, clause: clauseId, theme: themeId, status, now: new Date().toISOString(), coder: coderId }) as Record<string, unknown>,
          );
        }),
      codeRange: ({ clauseId, themeId, coderId, start, end }: Parameters<Repositories['codings']['codeRange']>[0]) =>
        atomic(() => {
          needCoders(coderId);
          const c = team.clauseSpan.get(clauseId) as ({ doc_id: number; start: number; end: number } & StoredText) | undefined;
          if (!c) throw new StoreError('not_found', `Clause ${clauseId} does not exist.`);
          if (!(Number.isInteger(start) && Number.isInteger(end) && start >= c.start && end <= c.end && start < end)) {
            throw new StoreError('invalid', `A coded range must lie inside its clause (${c.start}–${c.end}); got ${start}–${end}.`);
          }
          return codingOf(
            team.insertRange.get({
              doc: c.doc_id,
              clause: clauseId,
              theme: themeId,
              start,
              end,
              quote: unpackText(c).slice(start, end),
              now: new Date().toISOString(),
              coder: coderId,
            }) as Record<string, unknown>,
          );
        }),
      remove: (id: number) => atomic(() => team.deleteCoding.run(id).changes > 0),
      ofDocument: (docId: number, coder?: number | null) =>
        ((coder === undefined ? team.codingsOfDoc.all(docId) : team.codingsOfDocCoder.all(docId, coder)) as Array<Record<string, unknown>>).map(codingOf),
      ofClause: (clauseId: number) => (team.codingsOfClause.all(clauseId) as Array<Record<string, unknown>>).map(codingOf),
      get: (id: number) => {
        const r = team.coding.get(id) as Record<string, unknown> | undefined;
        return r ? codingOf(r) : null;
      },
      ofCoder: (coderId: number | null) => (team.codingsOfCoder.all(coderId) as Array<Record<string, unknown>>).map(codingOf),
    },
    notes: {
      create: (input: Parameters<Repositories['notes']['create']>[0]) =>
        atomic(() => {
          const doc = documents.get(input.docId);
          if (!doc) throw new StoreError('not_found', `Document ${input.docId} does not exist.`);
          const start = input.start ?? null;
          const end = input.end ?? null;
          if (input.kind === 'range' && (start == null || end == null || start >= end || end > doc.cleaned_text.length)) {
            throw new StoreError('invalid', 'A note on a passage needs a start before its end, inside the document.');
          }
          const id = annotations.insert({
            kind: input.kind,
            doc_id: input.docId,
            clause_id: input.clauseId ?? null,
            start,
            end,
            quote: start != null && end != null ? doc.cleaned_text.slice(start, end) : null,
            comparison_id: null,
            row_key: null,
            clause_ids: '[]',
            content: input.content,
            format_version: input.formatVersion,
            plain_text: input.plainText,
            mentions: '[]',
          });
          return note(annotations.get(id))!;
        }),
      save: (id: number, input: Parameters<Repositories['notes']['save']>[1]) =>
        atomic(() => {
          const current = annotations.get(id);
          if (!current || current.deleted_at) throw new StoreError('not_found', `Note ${id} does not exist.`);
          if (input.expectedRevision !== undefined && input.expectedRevision !== current.revision) {
            throw new StoreError(
              'conflict',
              `Note ${id} was saved by someone else meanwhile (revision ${current.revision}, this edit was based on ${input.expectedRevision}).`,
            );
          }
          annotations.save(id, { content: input.content, format_version: input.formatVersion, plain_text: input.plainText, mentions: current.mentions });
          return note(annotations.get(id))!;
        }),
      get: (id: number) => note(annotations.get(id)),
      createOnComparison: (input: Parameters<Repositories['notes']['createOnComparison']>[0]) =>
        atomic(() => {
          const clauseIds = input.clauseIds ?? [];
          const first = clauseIds.map((id) => documents.clause(id)).find(Boolean);
          const id = annotations.insert({
            kind: input.kind,
            doc_id: first?.doc_id ?? null,
            clause_id: null,
            start: null,
            end: null,
            quote: null,
            comparison_id: input.comparisonId,
            row_key: input.kind === 'alignmentRow' ? (input.rowKey ?? null) : null,
            clause_ids: JSON.stringify(clauseIds),
            content: input.content,
            format_version: input.formatVersion,
            plain_text: input.plainText,
            mentions: '[]',
          });
          return note(annotations.get(id))!;
        }),
      list: ({ docId, comparisonId, q, limit = 200 }: Parameters<Repositories['notes']['list']>[0]) =>
        annotations.list({ kind: null, doc: docId ?? null, cmp: comparisonId ?? null, q: q ?? null, limit }).map((r) => note(r)!),
      remove: (id: number) =>
        atomic(() => {
          const current = annotations.get(id);
          if (!current || current.deleted_at) return false;
          annotations.setDeleted(id, true);
          return true;
        }),
      revisions: (id: number) => team.revisions.all(id) as Array<{ revision: number; content: string }>,
    },
    search: {
      query({ query, docIds, offset = 0, limit = 20 }: Parameters<Repositories['search']['query']>[0]) {
        if (docIds && !docIds.length) return { total: 0, hits: [] };
        const r = engine.query({ query, filters: docIds ? { docIds } : undefined, offset, limit, withTotal: true });
        return { total: r.total ?? 0, hits: r.hits.map((h) => ({ clauseId: h.clauseId, docId: h.docId, score: h.score, occurrences: h.occurrences })) };
      },
      count: ({ query, docIds }: Parameters<Repositories['search']['count']>[0]) =>
        docIds && !docIds.length ? 0 : engine.count({ query, filters: docIds ? { docIds } : undefined }).total,
    },
    whereElse: {
      candidates(clauseId: number, limit: number): WhereElseCandidate[] {
        const own = documents.clausesByIds([clauseId])[0];
        const sig = own ? signatureOf(own) : null;
        if (!own || !sig) return [];
        const ids = sketches
          .sharing(bandSketch(sig), MIN_SHARED_BANDS)
          .filter((c) => c.docId !== own.doc_id)
          .sort((a, b) => b.shared - a.shared || a.clauseId - b.clauseId)
          .slice(0, SCORED)
          .map((c) => c.clauseId);
        return documents
          .clausesByIds(ids)
          .filter((c) => c.doc_id !== own.doc_id)
          .flatMap((c) => {
            const other = signatureOf(c);
            return other ? [{ clauseId: c.id, docId: c.doc_id, similarity: estimatedJaccard(sig, other) }] : [];
          })
          .sort((a, b) => b.similarity - a.similarity || a.clauseId - b.clauseId)
          .slice(0, limit);
      },
    },
  };
}

type Sync = ReturnType<typeof syncRepositories>;

/** Each synchronous method as an async one; `guard` decides how a call reaches the connection. */
function asyncRepositories(sync: Sync, guard: <T>(fn: () => T) => Promise<T>): Repositories {
  const wrap = <R extends Record<string, (...args: never[]) => unknown>>(repo: R) =>
    Object.fromEntries(Object.entries(repo).map(([k, f]) => [k, (...args: never[]) => guard(() => f(...args))]));
  return Object.fromEntries(
    Object.entries(sync).map(([name, repo]) => [name, wrap(repo as Record<string, (...args: never[]) => unknown>)]),
  ) as unknown as Repositories;
}

export function createSqliteStore(db: Db): Store {
  const sync = syncRepositories(db);
  // One queue for the connection: a call starts when the previous call or transaction has ended.
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(fn: () => T | Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
  const direct = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(storeErrorOf(e));
    }
  };
  const top = asyncRepositories(sync, (fn) => queued(() => direct(fn)));
  const inside = asyncRepositories(sync, direct);
  return {
    kind: 'sqlite',
    ...top,
    transaction: (fn) =>
      queued(async () => {
        db.prepare('BEGIN IMMEDIATE').run();
        try {
          const result = await fn(inside);
          db.prepare('COMMIT').run();
          return result;
        } catch (e) {
          if (db.inTransaction) db.prepare('ROLLBACK').run();
          throw storeErrorOf(e);
        }
      }),
    close: async () => {
      await tail;
    },
  };
}
