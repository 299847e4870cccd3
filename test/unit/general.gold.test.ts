// Document understanding on documents nobody tuned for: hand-composed Chinese policy documents of
// shapes the seeds do not cover (test/fixtures/general: a provincial 办法 with 章/节/条/款/项, a
// county 实施意见 in GB18030 with （一）/1、/（1）/①, PDF text with running headers and 第N页共M页
// footers, a GBK portal page, a notice transmitting two plans, a UTF-16 notice with a Chinese-numeral
// date and a 文号 split across lines, Markdown, a district document that never names its city).
//
// Each fixture goes through the real pipeline — the importer for its extension (encoding detection,
// HTML/Markdown to text) and analyseDocument — and is scored the way ../shared/eval/score.mjs scores
// the seeds: a gold clause is found when a clause has the same label and its own text starts with the
// gold start (NFKC, white space ignored); parents are compared after skipping unmatched nodes;
// metadata fields are exact after the same folding (gold nulls skipped); cited 文号 as sets. Beyond
// score.mjs it also checks levels, heading/measure kinds, responsible agencies, level of
// administration, which fields are marked inferred, and strings that must (or must not) survive cleanup.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { analyseDocument, type AnalysedDocument } from '../../shared/domain/analyze/index';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'general');

interface GoldClause {
  label: string;
  level: number;
  start: string;
  heading_only: boolean;
  parent_index: number | null;
  agencies?: { lead: string[]; responsible: string[] };
}
interface GoldDocument {
  title: string | null;
  plan_titles?: string[];
  city: string | null;
  province: string | null;
  level: string | null;
  issuer: string | null;
  doc_number: string | null;
  date_written: string | null;
  date_published: string | null;
  validity: string | null;
  period: string | null;
  cited_doc_numbers: string[];
  /** When given: exactly the fields the app must mark as inferred. */
  inferred?: string[];
}
interface Gold {
  file: string;
  clauses: GoldClause[];
  document: GoldDocument;
  absent?: string[];
  preserved?: Array<{ text: string; count: number }>;
  /**
   * A known failure outside the methods tested here (an importer, say), with the reason: the fixture is
   * scored and printed but left out of the thresholds until the reason is fixed.
   */
  pending?: string;
}

const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/\s+/gu, '');
const FIELDS: Array<[keyof GoldDocument, string]> = [
  ['title', 'title'],
  ['city', 'city'],
  ['province', 'province'],
  ['level', 'level'],
  ['issuer', 'issuer'],
  ['doc_number', 'docNumber'],
  ['date_written', 'dateWritten'],
  ['date_published', 'datePublished'],
  ['validity', 'validity'],
  ['period', 'period'],
];

interface Score {
  file: string;
  pending?: string;
  gold: number;
  found: number;
  numbered: number;
  parentOk: number;
  levelOk: number;
  kindOk: number;
  fieldsOk: number;
  fields: number;
  citeTp: number;
  citeGold: number;
  citeApp: number;
  agenciesOk: number;
  agencies: number;
  textOk: number;
  texts: number;
  misses: string[];
}

function scoreSegments(g: Gold, doc: AnalysedDocument, s: Score): void {
  const app = doc.clauses.map((c, id) => ({ ...c, id }));
  const bodyOf = (c: (typeof app)[number]): string => {
    const t = norm(c.text);
    const l = norm(c.label);
    return l && t.startsWith(l) ? t.slice(l.length) : t;
  };
  const used = new Set<number>();
  const match = new Map<number, (typeof app)[number]>();
  g.clauses.forEach((gc, i) => {
    const hit = app.find((c) => !used.has(c.id) && norm(c.label) === norm(gc.label) && bodyOf(c).startsWith(norm(gc.start)));
    if (hit) {
      used.add(hit.id);
      match.set(i, hit);
    } else s.misses.push(`missed #${i} ${gc.label}${gc.start}`);
  });
  const matchedIds = new Set([...match.values()].map((c) => c.id));
  for (const [i, c] of match) {
    const gc = g.clauses[i];
    const want = gc.parent_index == null ? null : (match.get(gc.parent_index)?.id ?? '∅');
    let got: number | null = c.parentIndex;
    while (got != null && !matchedIds.has(got)) got = app[got]?.parentIndex ?? null;
    if (want === got) s.parentOk++;
    else s.misses.push(`wrong parent #${i} ${gc.label}${gc.start}`);
    if (c.level === gc.level) s.levelOk++;
    else s.misses.push(`level ${c.level} (want ${gc.level}) #${i} ${gc.label}${gc.start}`);
    if ((c.kind === 'heading') === gc.heading_only) s.kindOk++;
    else s.misses.push(`kind ${c.kind} #${i} ${gc.label}${gc.start}`);
    if (gc.agencies) {
      s.agencies++;
      const ok = JSON.stringify(c.agencies) === JSON.stringify(gc.agencies);
      if (ok) s.agenciesOk++;
      else s.misses.push(`agencies ${JSON.stringify(c.agencies)} (want ${JSON.stringify(gc.agencies)}) #${i} ${gc.label}`);
    }
  }
  const numbered = app.filter((c) => norm(c.label) !== '');
  for (const c of numbered) if (!matchedIds.has(c.id)) s.misses.push(`extra ${c.label}${c.text.slice(0, 14)}`);
  s.gold = g.clauses.length;
  s.found = match.size;
  s.numbered = numbered.length;
}

function scoreMetadata(g: Gold, doc: AnalysedDocument, s: Score): void {
  const meta = doc.metadata as unknown as Record<string, string | null>;
  for (const [gk, ak] of FIELDS) {
    const want = g.document[gk] as string | null;
    if (want == null) continue;
    s.fields++;
    const alternatives = [want, ...(gk === 'period' ? [want.replace('-', '—')] : [])].map(norm);
    if (alternatives.includes(norm(meta[ak]))) s.fieldsOk++;
    else s.misses.push(`${ak}=${JSON.stringify(meta[ak])} (want ${want})`);
  }
  for (const t of g.document.plan_titles ?? []) {
    s.fields++;
    const titles = new Set([doc.metadata.title, ...doc.parts.map((p) => p.title)].map(norm));
    if (titles.has(norm(t))) s.fieldsOk++;
    else s.misses.push(`part title missing: ${t} (parts: ${doc.parts.map((p) => p.title).join(' | ') || 'none'})`);
  }
  if (g.document.inferred) {
    s.fields++;
    const got = [...doc.metadata.inferred].sort().join(',');
    if (got === [...g.document.inferred].sort().join(',')) s.fieldsOk++;
    else s.misses.push(`inferred=[${got}] (want [${g.document.inferred.join(',')}])`);
  }
  const gc = new Set(g.document.cited_doc_numbers.map(norm));
  const ac = new Set(doc.metadata.citedDocNumbers.map(norm));
  s.citeGold += gc.size;
  s.citeApp += ac.size;
  s.citeTp += [...ac].filter((x) => gc.has(x)).length;
  for (const x of ac) if (!gc.has(x)) s.misses.push(`extra cited ${x}`);
  for (const x of gc) if (!ac.has(x)) s.misses.push(`missed cited ${x}`);
}

function scoreText(g: Gold, doc: AnalysedDocument, s: Score): void {
  const text = norm(doc.cleaned);
  for (const a of g.absent ?? []) {
    s.texts++;
    if (!text.includes(norm(a))) s.textOk++;
    else s.misses.push(`cleaned text still has "${a}"`);
  }
  for (const p of g.preserved ?? []) {
    s.texts++;
    const n = text.split(norm(p.text)).length - 1;
    if (n === p.count) s.textOk++;
    else s.misses.push(`cleaned text has "${p.text}" ${n} times, want ${p.count}`);
  }
}

async function scoreFixture(g: Gold): Promise<Score> {
  const bytes = new Uint8Array(readFileSync(path.join(fixtures, g.file)));
  const extracted = await extractFile(g.file, bytes);
  const doc = analyseDocument(extracted, g.file);
  const s: Score = {
    file: g.file,
    pending: g.pending,
    gold: 0,
    found: 0,
    numbered: 0,
    parentOk: 0,
    levelOk: 0,
    kindOk: 0,
    fieldsOk: 0,
    fields: 0,
    citeTp: 0,
    citeGold: 0,
    citeApp: 0,
    agenciesOk: 0,
    agencies: 0,
    textOk: 0,
    texts: 0,
    misses: [],
  };
  scoreSegments(g, doc, s);
  scoreMetadata(g, doc, s);
  scoreText(g, doc, s);
  return s;
}

const golds: Gold[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')) as Gold);

const ratio = (a: number, b: number): number => (b ? a / b : 1);
const pct = (a: number, b: number): string => `${(100 * ratio(a, b)).toFixed(1)}% (${a}/${b})`;

describe('document understanding on general fixtures (not the seeds)', () => {
  const all: Score[] = [];
  // Pending fixtures are printed, not counted.
  const scores: Score[] = [];
  const total = (k: keyof Omit<Score, 'file' | 'misses' | 'pending'>): number => scores.reduce((a, s) => a + s[k], 0);

  beforeAll(async () => {
    for (const g of golds) all.push(await scoreFixture(g));
    scores.push(...all.filter((s) => !s.pending));
    for (const s of all) {
      const cp = ratio(s.citeTp, s.citeApp),
        cr = ratio(s.citeTp, s.citeGold);
      console.log(
        `${s.file}: seg recall ${pct(s.found, s.gold)} precision ${pct(s.found, s.numbered)} parent ${pct(s.parentOk, s.found)}` +
          ` level ${pct(s.levelOk, s.found)} kind ${pct(s.kindOk, s.found)} | fields ${pct(s.fieldsOk, s.fields)}` +
          ` cites P ${cp.toFixed(2)} R ${cr.toFixed(2)} | agencies ${pct(s.agenciesOk, s.agencies)} | text ${pct(s.textOk, s.texts)}` +
          (s.pending ? `\n  PENDING (not counted): ${s.pending}` : '') +
          (s.misses.length ? `\n  ${s.misses.join('\n  ')}` : ''),
      );
    }
  });

  it('has fixtures of at least eight shapes, each with labelled clauses and metadata', () => {
    expect(golds.length).toBeGreaterThanOrEqual(8);
    for (const g of golds) {
      expect(g.clauses.length, g.file).toBeGreaterThan(5);
      expect(g.document.title, g.file).toBeTruthy();
    }
  });

  it('segments: recall ≥ 98%, precision ≥ 98%, parents ≥ 97%, levels ≥ 97%', () => {
    expect(ratio(total('found'), total('gold'))).toBeGreaterThanOrEqual(0.98);
    expect(ratio(total('found'), total('numbered'))).toBeGreaterThanOrEqual(0.98);
    expect(ratio(total('parentOk'), total('found'))).toBeGreaterThanOrEqual(0.97);
    expect(ratio(total('levelOk'), total('found'))).toBeGreaterThanOrEqual(0.97);
  });

  it('tells headings from measures (≥ 90% of matched clauses)', () => {
    expect(ratio(total('kindOk'), total('found'))).toBeGreaterThanOrEqual(0.9);
  });

  it('metadata: ≥ 90% of fields right, cited 文号 F1 ≥ 0.95', () => {
    expect(ratio(total('fieldsOk'), total('fields'))).toBeGreaterThanOrEqual(0.9);
    const p = ratio(total('citeTp'), total('citeApp'));
    const r = ratio(total('citeTp'), total('citeGold'));
    expect(p + r > 0 ? (2 * p * r) / (p + r) : 0).toBeGreaterThanOrEqual(0.95);
  });

  it('agencies: lead and responsible agencies right for ≥ 90% of labelled clauses', () => {
    expect(ratio(total('agenciesOk'), total('agencies'))).toBeGreaterThanOrEqual(0.9);
  });

  it('cleanup drops page furniture and web chrome and keeps the policy text', () => {
    expect(ratio(total('textOk'), total('texts'))).toBe(1);
  });

  it('pending fixtures still miss something (remove "pending" from the label file once the reason is fixed)', () => {
    for (const s of all.filter((x) => x.pending)) expect(s.misses.length, s.file).toBeGreaterThan(0);
  });
});
