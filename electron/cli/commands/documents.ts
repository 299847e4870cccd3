import { resolve } from 'node:path';
import type { ImportReport } from '../../../shared/api/methods/documents';
import { type Command, requireId } from './types';

export const importCommand: Command = {
  usage: 'import --db FILE PATH… — import files or folders; prints {documents, errors}',
  async run(backend, { positionals }) {
    if (!positionals.length) throw new Error('import needs at least one file or folder.');
    // Progress goes to stderr (stdout holds the one JSON value): a line per 2% of the files.
    const taskId = `cli-import-${process.pid}`;
    let shown = -1;
    const started = Date.now();
    const unsubscribe = backend.subscribe((e) => {
      if (e.type !== 'progress' || e.taskId !== taskId || !e.total) return;
      const step = Math.floor((50 * e.done) / e.total);
      if (step === shown) return;
      shown = step;
      process.stderr.write(
        `import: ${e.done}/${e.total} files (${Math.round((100 * e.done) / e.total)}%, ${((Date.now() - started) / 1000).toFixed(0)} s)${e.label ? ` ${e.label}` : ''}\n`,
      );
    });
    let report: ImportReport;
    try {
      report = await backend.api.documents.importPaths({ paths: positionals.map((p) => resolve(p)), taskId });
    } finally {
      unsubscribe();
    }
    return {
      documents: [...report.imported, ...report.updated].map((d) => ({ id: d.id, file: d.file, title: d.title })),
      duplicates: report.duplicates,
      errors: report.errors,
      incomplete: report.incomplete,
      cancelled: report.cancelled,
    };
  },
};

export const documentsCommand: Command = {
  usage: 'documents --db FILE — every document with its metadata',
  async run(backend) {
    const list = await backend.api.documents.list({});
    const out = [];
    for (const d of list) {
      const full = await backend.api.documents.get({ id: d.id });
      out.push({
        id: d.id,
        file: d.file,
        title: d.title,
        city: d.city,
        province: d.province,
        level: d.level,
        issuer: d.issuer,
        docNumber: d.docNumber,
        dateWritten: d.dateWritten,
        datePublished: d.datePublished,
        validity: d.validity,
        period: d.period,
        citedDocNumbers: full.cited.map((c) => c.docNumber),
        parts: d.parts.map((p) => ({ title: p.title })),
        parentId: null,
        format: d.format,
        encoding: d.encoding,
        inferred: full.inferred,
        dateEffective: d.dateEffective,
        approvedBy: d.approvedBy,
        dateApproved: d.dateApproved,
        history: d.history,
        sourceId: d.sourceId,
        sourceUrl: d.sourceUrl,
      });
    }
    return out;
  },
};

export const clausesCommand: Command = {
  usage: 'clauses --db FILE --doc ID — the clauses of a document in reading order',
  async run(backend, { options }) {
    return backend.api.documents.clauses({ id: requireId(options.doc, '--doc') });
  },
};

export const textCommand: Command = {
  usage: 'text --db FILE --doc ID — the cleaned text of a document',
  async run(backend, { options }) {
    return backend.api.documents.text({ id: requireId(options.doc, '--doc') });
  },
};
