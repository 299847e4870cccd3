// Measures extractMetadata on the seeds against the researcher's labels in
// ../shared/eval/gold/documents.json, the way ../shared/eval/score.mjs does: fields exact after
// NFKC folding and white-space removal (gold nulls skipped), plan titles of multi-plan files
// looked up among the document's title and its parts' titles, cited 文号 as sets (P/R/F1).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../../shared/domain/cleanup/index';
import { splitParts } from '../../shared/domain/segment/index';
import { extractMetadata } from '../../shared/domain/metadata/index';
import type { DocumentMetadata, PartSpan } from '../../shared/domain/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedDir = path.resolve(repoRoot, '..', 'shared');
const goldFile = path.join(sharedDir, 'eval', 'gold', 'documents.json');
const haveGold = existsSync(goldFile);
if (!haveGold) console.warn(`metadata.gold.test: ${goldFile} not found, skipping the gold measurement`);

interface GoldDocument {
  file: string;
  title: string | null;
  plan_titles?: string[];
  city: string | null;
  province: string | null;
  issuer: string | null;
  doc_number: string | null;
  date_written: string | null;
  date_published: string | null;
  validity: string | null;
  period: string | null;
  cited_doc_numbers: string[];
}

const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/\s+/gu, '');
const FIELDS: Array<[keyof GoldDocument, keyof DocumentMetadata]> = [
  ['title', 'title'],
  ['city', 'city'],
  ['province', 'province'],
  ['issuer', 'issuer'],
  ['doc_number', 'docNumber'],
  ['date_written', 'dateWritten'],
  ['date_published', 'datePublished'],
  ['validity', 'validity'],
  ['period', 'period'],
];

function analyse(file: string): { meta: DocumentMetadata; parts: PartSpan[] } {
  const raw = readFileSync(path.join(repoRoot, 'seeds', file), 'utf8');
  const cleaned = cleanText(raw, 'txt');
  const parts = splitParts(cleaned);
  return { meta: extractMetadata({ raw, cleaned, parts, fileName: file }), parts };
}

describe.skipIf(!haveGold)('metadata against gold/documents.json', () => {
  it('gets ≥ 90% of fields right and cited 文号 F1 ≥ 0.95', () => {
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldDocument[];
    let ok = 0,
      n = 0,
      tp = 0,
      goldCites = 0,
      appCites = 0;
    const misses: string[] = [];
    for (const g of gold) {
      const { meta, parts } = analyse(g.file);
      for (const [gk, ak] of FIELDS) {
        const want = g[gk] as string | null;
        if (want == null) continue;
        n++;
        const alternatives = [want, ...(gk === 'period' ? [want.replace('-', '—')] : [])].map(norm);
        if (alternatives.includes(norm(meta[ak] as string | null))) ok++;
        else misses.push(`${g.file} ${ak}=${JSON.stringify(meta[ak])} (want ${want})`);
      }
      for (const t of g.plan_titles ?? []) {
        n++;
        const titles = new Set([meta.title, ...parts.map((p) => p.title)].map(norm));
        if (titles.has(norm(t))) ok++;
        else misses.push(`${g.file} part title missing: ${t}`);
      }
      const gc = new Set(g.cited_doc_numbers.map(norm));
      const ac = new Set(meta.citedDocNumbers.map(norm));
      goldCites += gc.size;
      appCites += ac.size;
      const hits = [...ac].filter((x) => gc.has(x)).length;
      tp += hits;
      for (const x of ac) if (!gc.has(x)) misses.push(`${g.file} extra cited ${x}`);
      for (const x of gc) if (!ac.has(x)) misses.push(`${g.file} missed cited ${x}`);
    }
    const precision = appCites ? tp / appCites : 0;
    const recall = goldCites ? tp / goldCites : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(
      `metadata gold: fields right ${ok}/${n} (${((100 * ok) / n).toFixed(1)}%), cited 文号 P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`,
    );
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(ok / n).toBeGreaterThanOrEqual(0.9);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });

  it('infers the place of a text that prints neither title nor issuer (004) from its body', () => {
    const { meta } = analyse('004_f2cd8c3235b740c8.txt');
    expect([meta.city, meta.province]).toEqual(['咸宁市', '湖北省']);
    expect(meta.inferred).toEqual(expect.arrayContaining(['city', 'province']));
  });

  it('reads a district document as district level of its city (001, 海曙区)', () => {
    const { meta } = analyse('001_8cf9a6de749d0b9f.txt');
    expect([meta.city, meta.province, meta.level]).toEqual(['宁波市', '浙江省', 'district']);
    expect(meta.validity).toBe('废止');
    expect(meta.period).toBe('2018-2020');
  });
});
