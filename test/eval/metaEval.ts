// Scores the app's metadata against labels: imports the labelled files through the backend's own
// import pipeline (documents.importPaths) into a throw-away project and compares field by field.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { docNumberKey } from '../../shared/domain/metadata/docNumbers';
import { freshProject } from '../contract/harness';
import { baselineFields } from './metaBaseline';

export const SCORED_FIELDS = [
  'title',
  'city',
  'province',
  'level',
  'issuer',
  'docNumber',
  'dateWritten',
  'datePublished',
  'dateEffective',
  'approvedBy',
  'dateApproved',
  'validity',
  'history',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface LabelledDoc {
  /** File name inside the fixtures' docs/ folder. */
  file: string;
  fields: Partial<Record<ScoredField, unknown>>;
}

export interface MetaEvalResult {
  split: string;
  documents: number;
  correct: number;
  total: number;
  fields: Record<string, { correct: number; total: number }>;
  /** The plain baseline (metaBaseline.ts) scored on the same documents in the same run. */
  baseline: { correct: number; fields: Record<string, number> };
  misses: Array<{ file: string; field: string; expected: unknown; actual: unknown }>;
  importErrors: Array<{ file: string; message: string }>;
}

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const baseName = (p: string) => p.split(/[\\/]/u).pop() ?? p;

/** Accepts the label file as an array, {documents: […]} or {file: fields}; fields flat or under metadata/labels. */
export function readLabels(json: unknown): LabelledDoc[] {
  const list: Rec[] = Array.isArray(json)
    ? json.filter(isRec)
    : isRec(json) && Array.isArray(json.documents)
      ? (json.documents as unknown[]).filter(isRec)
      : isRec(json)
        ? Object.entries(json)
            .filter(([, v]) => isRec(v))
            .map(([file, v]) => ({ file, ...(v as Rec) }))
        : [];
  return list
    .map((r) => {
      const file = String(r.file ?? r.fileName ?? r.doc ?? r.path ?? r.source ?? '');
      const inner = [r.metadata, r.labels, r.fields, r.expected].find(isRec) ?? r;
      const fields: LabelledDoc['fields'] = {};
      const snake = (f: string) => f.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);
      for (const f of SCORED_FIELDS) {
        if (f in inner) fields[f] = inner[f];
        else if (snake(f) in inner) fields[f] = inner[snake(f)];
      }
      if (!('docNumber' in fields) && 'docNo' in inner) fields.docNumber = inner.docNo;
      return { file: baseName(file), fields };
    })
    .filter((d) => d.file);
}

const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/gu, '');

/** One history event as 'YYYY-MM-DD kind' (who acted is not scored: printed names vary). */
function eventKey(e: unknown): string {
  if (!isRec(e)) return String(e);
  const kind = String(e.event ?? e.kind ?? e.type ?? '');
  return `${String(e.date ?? '')} ${kind}`;
}

/** Normalises a value of a field for comparison; arrays of names are joined. */
export function canon(field: ScoredField, v: unknown): string | null {
  if (v == null || v === '') return null;
  if (field === 'history') {
    const events = Array.isArray(v) ? v : [];
    return events.length ? events.map(eventKey).sort().join(' | ') : null;
  }
  const s = Array.isArray(v) ? v.map(String).join('、') : String(v);
  if (field === 'docNumber') return docNumberKey(s);
  if (field === 'title') return squash(s).replace(/^《(.*)》$/u, '$1');
  return squash(s);
}

export async function evaluateMetadata(labelsJson: unknown, docsDir: string, split: string): Promise<MetaEvalResult> {
  const labels = readLabels(labelsJson);
  const result: MetaEvalResult = {
    split,
    documents: labels.length,
    correct: 0,
    total: 0,
    fields: {},
    baseline: { correct: 0, fields: {} },
    misses: [],
    importErrors: [],
  };
  const missing = labels.filter((l) => !existsSync(join(docsDir, l.file)));
  if (missing.length) throw new Error(`labelled files not found in ${docsDir}: ${missing.map((m) => m.file).join(', ')}`);
  const project = await freshProject({ seeds: false });
  try {
    const b = project.backend;
    const report = await b.api.documents.importPaths({ paths: labels.map((l) => join(docsDir, l.file)) });
    result.importErrors = report.errors;
    const list = await b.api.documents.list({});
    const byFile = new Map(list.map((d) => [d.file, d]));
    for (const l of labels) {
      const summary = byFile.get(l.file);
      const detail = summary ? ((await b.api.documents.get({ id: summary.id })) as Rec) : null;
      const text = summary ? (await b.api.documents.text({ id: summary.id })).text : '';
      const plain = baselineFields(l.file, text);
      for (const [f, expectedRaw] of Object.entries(l.fields) as Array<[ScoredField, unknown]>) {
        const stat = (result.fields[f] ??= { correct: 0, total: 0 });
        const expected = canon(f, expectedRaw);
        const actualRaw = detail ? detail[f] : undefined;
        const actual = canon(f, actualRaw);
        stat.total++;
        result.total++;
        if (expected === canon(f, plain[f])) {
          result.baseline.correct++;
          result.baseline.fields[f] = (result.baseline.fields[f] ?? 0) + 1;
        }
        if (expected === actual) {
          stat.correct++;
          result.correct++;
        } else result.misses.push({ file: l.file, field: f, expected: expectedRaw ?? null, actual: actualRaw ?? null });
      }
    }
  } finally {
    project.dispose();
  }
  return result;
}
