import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { ImportReport } from '../../../shared/api/methods/documents';
import { analyseDocument } from '../../../shared/domain/analyze';
import type { Db } from '../db/connection';
import type { DocumentsRepo } from '../db/documents';
import { extractFile, listImportableFiles } from '../importers';
import { type EventBus, throwIfCancelled } from './events';
import type { DocumentHooks, ReanchorResult } from './hooks';

/** Policy documents are kilobytes to a few megabytes; anything this large is not one. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface ImportInput {
  name: string;
  sourcePath: string | null;
  /** Loaded lazily so a folder of thousands of files is not held in memory at once. */
  load: () => Promise<Uint8Array>;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return `Could not import this file: ${e.message}`;
  return 'Could not import this file.';
}

export function createImportService(deps: { db: Db; documents: DocumentsRepo; hooks: DocumentHooks[]; events: EventBus }) {
  const { db, documents, hooks, events } = deps;

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
      const i = Math.max(0, candidates.findIndex((c) => c.path === n.path));
      return candidates.splice(i, 1)[0].id;
    });
  }

  async function importOne(input: ImportInput, report: ImportReport, signal: AbortSignal, onFraction: (f: number) => void): Promise<void> {
    const bytes = await input.load();
    if (bytes.byteLength > MAX_FILE_BYTES) throw new ApiError('bad_file', `${input.name} is ${(bytes.byteLength / 1048576).toFixed(0)} MB; PolicyLens imports files up to 200 MB.`);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const same = documents.findByHash(hash);
    if (same) {
      report.duplicates.push({ id: same.id, file: input.name });
      return;
    }
    const extracted = await extractFile(input.name, bytes, { signal, onProgress: onFraction });
    throwIfCancelled(signal);
    const analysed = analyseDocument(extracted, input.name);
    if (!analysed.cleaned.trim()) throw new ApiError('bad_file', `${input.name} contains no text after cleanup.`);
    const doc = { fileName: input.name, sourcePath: input.sourcePath, sourceHash: hash, format: extracted.format, encoding: extracted.encoding, raw: extracted.text, analysed, warnings: extracted.warnings };
    const previous = documents.findByFile(input.name);
    // One transaction per file: a failure anywhere leaves the database as it was for this file.
    db.transaction(() => {
      if (!previous) {
        const { id } = documents.insert(doc);
        for (const h of hooks) h.clausesWritten?.(db, id);
        report.imported.push({ id, file: input.name, title: analysed.metadata.title, clauseCount: analysed.clauses.filter((c) => c.label).length });
        return;
      }
      const oldRows = documents.clauses(previous.id);
      const reuse = matchClauses(oldRows, analysed.clauses);
      const kept = new Set(reuse.filter((x): x is number => x != null));
      const clauseMap = new Map(oldRows.map((o) => [o.id, kept.has(o.id) ? o.id : null] as const));
      let results: ReanchorResult[] = [];
      documents.replace(previous.id, doc, reuse, (ids) => {
        const newClauses = analysed.clauses.map((c, i) => ({ id: ids[i], start: c.start, end: c.end, text: c.text }));
        const ctx = { docId: previous.id, oldText: previous.cleaned_text, newText: analysed.cleaned, clauseMap, newClauses };
        results = hooks.map((h) => h.reanchor?.(db, ctx) ?? { kept: 0, lost: [] });
      });
      for (const h of hooks) h.clausesWritten?.(db, previous.id);
      report.updated.push({ id: previous.id, file: input.name, title: analysed.metadata.title, kept: results.reduce((a, r) => a + r.kept, 0), lost: results.flatMap((r) => r.lost) });
    })();
  }

  async function run(inputs: ImportInput[], opts: { taskId: string; signal: AbortSignal }): Promise<ImportReport> {
    const report: ImportReport = { imported: [], updated: [], duplicates: [], errors: [], cancelled: false };
    const total = inputs.length;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      if (opts.signal.aborted) {
        report.cancelled = true;
        break;
      }
      events.emit({ type: 'progress', taskId: opts.taskId, done: i, total, label: input.name, itemFraction: 0 });
      try {
        await importOne(input, report, opts.signal, (f) => events.emit({ type: 'progress', taskId: opts.taskId, done: i, total, label: input.name, itemFraction: f }));
      } catch (e) {
        if (e instanceof ApiError && e.code === 'cancelled') {
          report.cancelled = true;
          break;
        }
        report.errors.push({ file: input.name, message: messageOf(e) });
      }
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
      const files = await listImportableFiles(existing);
      const report = await run(files.map((f) => ({ name: basename(f), sourcePath: f, load: async () => new Uint8Array(await readFile(f)) })), opts);
      report.errors.unshift(...missing);
      return report;
    },
    fromUploads(files: Array<{ name: string; dataBase64: string }>, opts: { taskId: string; signal: AbortSignal }): Promise<ImportReport> {
      return run(files.map((f) => ({ name: basename(f.name.replace(/\\/g, '/')), sourcePath: null, load: async () => new Uint8Array(Buffer.from(f.dataBase64, 'base64')) })), opts);
    },
    deleteDocument(id: number): boolean {
      return db.transaction(() => {
        for (const h of hooks) h.documentDeleting?.(db, id);
        return documents.delete(id);
      })();
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
