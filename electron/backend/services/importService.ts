import { createHash } from 'node:crypto';
import { getMaxListeners, setMaxListeners } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { ImportReport } from '../../../shared/api/methods/documents';
import { unreadFields } from '../../../shared/domain/metadata/unread';
import { beginBulkLoad } from '../db/bulk';
import { type Db, isBusy } from '../db/connection';
import type { DocumentsRepo, NewDocument } from '../db/documents';
import { listImportableFiles } from '../importers';
import { importErrorMessage } from './analyseFile';
import { type AnalysisPool, createAnalysisPool, importThreads, MIN_FILES_FOR_WORKERS } from './analysisPool';
import type { DocumentExtras, ExtrasContext } from './documentExtras';
import { type EventBus, throwIfCancelled } from './events';
import type { DocumentHooks, ReanchorResult, WrittenDocument } from './hooks';
import type { TrashService } from './trash';

/** Policy documents are kilobytes to a few megabytes; anything this large is not one. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

// A batch of analysed files is committed together (see flush). Bounded by files, text held in
// memory, and time since its first file, so a crash loses at most a few seconds of work and never
// a file reported as imported: the report is written only after the commit. Every commit rewrites
// the pages its rows land on in the indexes ordered by search key (all over the file on a large
// corpus), so fewer, larger batches write much less: on a busy machine a 2 s bound made batches of
// a few files, and most of an import's disk writes.
const BATCH_FILES = 64;
const BATCH_CHARS = 16 * 1024 * 1024;
const BATCH_MS = 8000;

export interface ImportInput {
  name: string;
  sourcePath: string | null;
  /** Loaded lazily so a folder of thousands of files is not held in memory at once. */
  load: () => Promise<Uint8Array>;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

const messageOf = importErrorMessage;

/** Caveats of an imported file go into the report beside it, so the researcher learns of them at import. */
function noteWarnings(r: ImportReport, file: string, warnings: string[]): void {
  if (warnings.length) (r.warnings ??= []).push(...warnings.map((message) => ({ file, message })));
}

export function createImportService(deps: { db: Db; documents: DocumentsRepo; hooks: DocumentHooks[]; events: EventBus; trash: Pick<TrashService, 'keep'> }) {
  const { db, documents, hooks, events, trash } = deps;

  /** Old clauses whose text is found again keep their ids; the rest map to null. */
  function matchClauses(oldRows: ReturnType<DocumentsRepo['clauses']>, newTexts: Array<{ text: string; path: string }>): Array<number | null> {
    const byText = new Map<string, Array<{ id: number; path: string }>>();
    for (const o of oldRows) {
      const k = squash(o.text);
      if (!byText.has(k)) byText.set(k, []);
      byText.get(k)!.push({ id: o.id, path: o.path });
    }
    return newTexts.map((n) => {
      const candidates = byText.get(squash(n.text));
      if (!candidates?.length) return null;
      const i = Math.max(
        0,
        candidates.findIndex((c) => c.path === n.path),
      );
      return candidates.splice(i, 1)[0].id;
    });
  }

  /** A file read and analysed, waiting to be written: everything but the database work. */
  interface Prepared {
    input: ImportInput;
    doc: NewDocument;
    extras: DocumentExtras;
    /** The importer's text length before cleanup (what a batch is bounded by, with the cleaned text's). */
    rawLength: number;
  }
  /** What one file adds to the report, applied only once its batch is committed. */
  type Outcome = (report: ImportReport) => void;

  /** Reads a file and has it extracted and analysed (on a worker thread); a file already in the project unchanged is only reported. */
  async function prepare(input: ImportInput, pool: AnalysisPool, signal: AbortSignal, onFraction: (f: number) => void): Promise<Prepared | Outcome> {
    const bytes = await input.load();
    if (bytes.byteLength > MAX_FILE_BYTES)
      throw new ApiError('bad_file', `${input.name} is ${(bytes.byteLength / 1048576).toFixed(0)} MB; PolicyLens imports files up to 200 MB.`);
    const hash = createHash('sha256').update(bytes).digest('hex');
    // Checked again when written (a copy earlier in the same batch is not in the database yet);
    // checked here too so a file already imported is not extracted again.
    const same = documents.findByHash(hash);
    if (same) return (r) => r.duplicates.push({ id: same.id, file: input.name });
    const file = await pool.analyse(input.name, bytes, { signal, onProgress: onFraction });
    throwIfCancelled(signal);
    return {
      input,
      doc: {
        fileName: input.name,
        sourcePath: input.sourcePath,
        sourceHash: hash,
        format: file.format,
        encoding: file.encoding,
        analysed: file.analysed,
        warnings: file.warnings,
        packed: file.extras.packed,
      },
      extras: file.extras,
      rawLength: file.rawLength,
    };
  }

  /** What the hooks get: the analysed document under the ids its clauses were written with. */
  const written = (analysed: Prepared['doc']['analysed'], ids: number[], extras: DocumentExtras): WrittenDocument => ({
    cleaned: analysed.cleaned,
    extras: {
      sketches: extras.sketches.map((b) => ({ clauseId: ids[b.clause], sketch: b.sketch })),
      suggestions: extras.suggestions && {
        themesKey: extras.suggestions.themesKey,
        byId: new Map(extras.suggestions.byClause.flatMap((s, i) => (s ? [[ids[i], s] as const] : []))),
      },
      search: extras.search,
    },
    clauses: analysed.clauses.map((c, i) => ({
      id: ids[i],
      parent_id: c.parentIndex == null ? null : ids[c.parentIndex],
      kind: c.kind,
      heading: c.heading,
      text: c.text,
      ownStart: c.ownStart,
    })),
  });

  /** Writes one analysed file; runs inside its batch's transaction, as its own savepoint. docId: the document written, if any. */
  function write({ input, doc, extras }: Prepared): { outcome: Outcome; docId: number | null; written?: WrittenDocument } {
    const same = documents.findByHash(doc.sourceHash);
    if (same) return { outcome: (r) => r.duplicates.push({ id: same.id, file: input.name }), docId: null };
    const { analysed } = doc;
    const previous = documents.findByFile(input.name);
    if (!previous) {
      const { id, clauseIds } = documents.insert(doc);
      const w = written(analysed, clauseIds, extras);
      for (const h of hooks) if (!h.batchWritten) h.clausesWritten?.(db, id, w);
      const entry = { id, file: input.name, title: analysed.metadata.title, clauseCount: analysed.clauses.filter((c) => c.label).length };
      const missing = unreadFields(analysed.metadata, analysed.cleaned);
      const outcome: Outcome = (r) => {
        r.imported.push(entry);
        noteWarnings(r, input.name, doc.warnings);
        if (missing.length) r.incomplete.push({ id, file: input.name, title: entry.title, missing });
      };
      return { outcome, docId: id, written: w };
    }
    const oldRows = documents.clauses(previous.id);
    const reuse = matchClauses(oldRows, analysed.clauses);
    const kept = new Set(reuse.filter((x): x is number => x != null));
    const clauseMap = new Map(oldRows.map((o) => [o.id, kept.has(o.id) ? o.id : null] as const));
    let results: ReanchorResult[] = [];
    const ids = documents.replace(previous.id, doc, reuse, (ids) => {
      const newClauses = analysed.clauses.map((c, i) => ({ id: ids[i], start: c.start, end: c.end, text: c.text }));
      const ctx = { docId: previous.id, oldText: previous.cleaned_text, newText: analysed.cleaned, clauseMap, newClauses };
      results = hooks.map((h) => h.reanchor?.(db, ctx) ?? { kept: 0, lost: [] });
    });
    const w = written(analysed, ids, extras);
    for (const h of hooks) if (!h.batchWritten) h.clausesWritten?.(db, previous.id, w);
    const entry = {
      id: previous.id,
      file: input.name,
      title: analysed.metadata.title,
      kept: results.reduce((a, r) => a + r.kept, 0),
      lost: results.flatMap((r) => r.lost),
    };
    // Fields the researcher already edited by hand are not reported as unread.
    const edited = new Set(JSON.parse(previous.edited_fields) as string[]);
    const missing = unreadFields(analysed.metadata, analysed.cleaned).filter(
      (u) =>
        !(u.field === 'title'
          ? edited.has('title')
          : u.field === 'place'
            ? edited.has('city') || edited.has('province')
            : edited.has('dateWritten') || edited.has('datePublished')),
    );
    const outcome: Outcome = (r) => {
      r.updated.push(entry);
      noteWarnings(r, input.name, doc.warnings);
      if (missing.length) r.incomplete.push({ id: previous.id, file: input.name, title: entry.title, missing });
    };
    return { outcome, docId: previous.id, written: w };
  }

  /**
   * Writes a batch of analysed files in ONE transaction (one commit, one fsync, and pages shared
   * by neighbouring files written once), each file inside its own savepoint: a file that fails
   * leaves nothing behind, and the others go on. Nothing is awaited while the transaction is open,
   * so no other request's writes can join it. Slots are the batch's files in order, including those
   * that failed before reaching the database, so the report keeps the files' order.
   */
  function flush(slots: Array<Prepared | Outcome>, report: ImportReport, bulk: ReturnType<typeof beginBulkLoad>, retryIfBusy = false): void {
    if (!slots.length) return;
    let outcomes: Outcome[];
    try {
      outcomes = bulk.batch(() =>
        db.transaction(() => {
          const writtenIds: number[] = [];
          const docs = new Map<number, WrittenDocument>();
          const done = slots.map((slot) => {
            if (typeof slot === 'function') return slot;
            try {
              const { outcome, docId, written: w } = db.transaction(() => write(slot))();
              if (docId != null) writtenIds.push(docId);
              if (docId != null && w) docs.set(docId, w);
              return outcome;
            } catch (e) {
              const message = messageOf(e);
              return (r: ImportReport) => r.errors.push({ file: slot.input.name, message });
            }
          });
          for (const h of hooks) h.batchWritten?.(db, writtenIds, docs);
          return done;
        })(),
      );
    } catch (e) {
      // Another process held the write lock past busy_timeout: nothing was written; run() waits and retries.
      if (retryIfBusy && isBusy(e)) throw e;
      // The commit itself failed (a full disk): nothing of the batch was written.
      const message = messageOf(e);
      outcomes = slots.map((slot) => (typeof slot === 'function' ? slot : (r: ImportReport) => r.errors.push({ file: slot.input.name, message })));
    }
    for (const o of outcomes) o(report);
    slots.length = 0;
  }

  /** flush, waiting (without blocking the event loop) while another process writes, for up to a minute. */
  async function flushWhenFree(slots: Array<Prepared | Outcome>, report: ImportReport, bulk: ReturnType<typeof beginBulkLoad>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return flush(slots, report, bulk, attempt < 12);
      } catch {
        await new Promise((ok) => setTimeout(ok, 100 * Math.min(attempt + 1, 10)));
      }
    }
  }

  async function run(inputs: ImportInput[], opts: { taskId: string; signal: AbortSignal }): Promise<ImportReport> {
    const report: ImportReport = { imported: [], updated: [], duplicates: [], errors: [], incomplete: [], cancelled: false };
    const total = inputs.length;
    const slots: Array<Prepared | Outcome> = [];
    let batchChars = 0;
    let batchStarted = 0;
    // A file or two is analysed here: starting a worker would cost more than it saves.
    const context = Object.assign({}, ...hooks.map((h) => h.importContext?.(db) ?? {})) as ExtrasContext;
    const pool = createAnalysisPool(inputs.length >= MIN_FILES_FOR_WORKERS ? importThreads() : 0, context);
    // Every file read ahead listens for cancellation until it is analysed: up to a batch of them at once.
    setMaxListeners(Math.max(getMaxListeners(opts.signal), BATCH_FILES + 8), opts.signal);
    // Files read and sent for analysis ahead of the one being written, so the workers go on while
    // this thread writes a batch; bounded like a batch, so memory holds about two batches at most.
    // `bytes`: its text, what a batch is bounded by; `held`: with the UTF-8 bytes of the search
    // index rows its analysis computed (about six for each character of the text), what it holds in memory.
    const ahead: Array<{ i: number; bytes: number; held: number; result: Promise<Prepared | Outcome> }> = [];
    let next = 0;
    let head = -1;
    let headFraction = (_f: number) => {};
    const fill = () => {
      const limit = pool.threads ? BATCH_FILES : 1;
      // What the files analysed and not yet taken hold (known once a file is analysed).
      const held = () => ahead.reduce((n, a) => n + a.held, 0);
      while (next < inputs.length && ahead.length < limit && (!ahead.length || held() < BATCH_CHARS) && !opts.signal.aborted) {
        const i = next++;
        const input = inputs[i];
        const entry = { i, bytes: 0, held: 0, result: null as unknown as Promise<Prepared | Outcome> };
        entry.result = prepare(input, pool, opts.signal, (f) => {
          if (i === head) headFraction(f);
        }).then((p) => {
          if (typeof p === 'function') return p;
          entry.bytes = p.rawLength + p.doc.analysed.cleaned.length;
          entry.held = entry.bytes + p.extras.search.bytes.length;
          return p;
        });
        // Settled or not, a result is read in order below; this keeps an abandoned one from being unhandled.
        entry.result.catch(() => {});
        ahead.push(entry);
      }
    };
    const bulk = beginBulkLoad(db);
    try {
      for (let i = 0; i < inputs.length; i++) {
        const input = inputs[i];
        if (opts.signal.aborted) {
          report.cancelled = true;
          break;
        }
        events.emit({ type: 'progress', taskId: opts.taskId, done: i, total, label: input.name, itemFraction: 0 });
        head = i;
        headFraction = (f) => events.emit({ type: 'progress', taskId: opts.taskId, done: i, total, label: input.name, itemFraction: f });
        fill();
        const entry = ahead.shift()!;
        try {
          const prepared = await entry.result;
          if (!slots.length) batchStarted = performance.now();
          slots.push(prepared);
          batchChars += entry.bytes;
        } catch (e) {
          if (e instanceof ApiError && e.code === 'cancelled') {
            report.cancelled = true;
            break;
          }
          const message = messageOf(e);
          if (!slots.length) batchStarted = performance.now();
          slots.push((r) => r.errors.push({ file: input.name, message }));
        }
        fill();
        if (slots.length >= BATCH_FILES || batchChars >= BATCH_CHARS || performance.now() - batchStarted >= BATCH_MS) {
          await flushWhenFree(slots, report, bulk);
          batchChars = 0;
        }
      }
      await flushWhenFree(slots, report, bulk);
    } finally {
      pool.close();
      bulk.end();
    }
    events.emit({ type: 'progress', taskId: opts.taskId, done: report.cancelled ? report.imported.length : total, total, label: '' });
    if (report.imported.length || report.updated.length) events.changed('documents');
    return report;
  }

  return {
    run,
    async fromPaths(paths: string[], opts: { taskId: string; signal: AbortSignal }): Promise<ImportReport> {
      const missing: ImportReport['errors'] = [];
      const existing: string[] = [];
      for (const p of paths) {
        try {
          await stat(p);
          existing.push(p);
        } catch {
          missing.push({ file: basename(p), message: `${p} does not exist or cannot be read.` });
        }
      }
      const files = await listImportableFiles(existing, (file, message) => missing.push({ file: basename(file), message }));
      const report = await run(
        files.map((f) => ({ name: basename(f), sourcePath: f, load: async () => new Uint8Array(await readFile(f)) })),
        opts,
      );
      report.errors.unshift(...missing);
      return report;
    },
    fromUploads(files: Array<{ name: string; dataBase64: string }>, opts: { taskId: string; signal: AbortSignal }): Promise<ImportReport> {
      return run(
        files.map((f) => ({
          name: basename(f.name.replace(/\\/g, '/')),
          sourcePath: null,
          load: async () => new Uint8Array(Buffer.from(f.dataBase64, 'base64')),
        })),
        opts,
      );
    },
    /** Moves the document to the Trash (a snapshot of it and its codings, notes and links) and deletes it, in one transaction. */
    deleteDocument(id: number): number {
      return db.transaction(() => {
        const trashId = trash.keep(id);
        for (const h of hooks) h.documentDeleting?.(db, id);
        documents.delete(id);
        return trashId;
      })();
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
