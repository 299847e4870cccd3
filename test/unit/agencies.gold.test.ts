// Measures extractAgencies on the sampled clauses of ../shared/eval/gold/themes.json: each sample
// names a clause by an anchor text and lists the agencies a researcher reads as responsible.
// The clause is found as score.mjs finds it: the shortest clause whose text contains the anchor.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../../shared/domain/cleanup/index';
import { segmentClauses, splitParts } from '../../shared/domain/segment/index';
import { extractAgencies } from '../../shared/domain/agencies/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const goldFile = path.join(path.resolve(repoRoot, '..', 'shared'), 'eval', 'gold', 'themes.json');
const haveGold = existsSync(goldFile);
if (!haveGold) console.warn(`agencies.gold.test: ${goldFile} not found, skipping the gold measurement`);

interface ThemeSample {
  file: string;
  anchor: string;
  agencies: string[];
}

const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

function clauseTexts(file: string): string[] {
  const cleaned = cleanText(readFileSync(path.join(repoRoot, 'seeds', file), 'utf8'), 'txt');
  return segmentClauses(cleaned, splitParts(cleaned)).map((c) => cleaned.slice(c.start, c.end));
}

describe.skipIf(!haveGold)('agencies against gold/themes.json', () => {
  it('finds the responsible agencies of sampled clauses (precision and recall ≥ 0.9)', () => {
    const samples = JSON.parse(readFileSync(goldFile, 'utf8')) as ThemeSample[];
    const textsByFile = new Map<string, string[]>();
    let tp = 0,
      goldN = 0,
      appN = 0,
      exact = 0,
      found = 0;
    const misses: string[] = [];
    for (const s of samples) {
      if (!textsByFile.has(s.file)) textsByFile.set(s.file, clauseTexts(s.file));
      const anchor = norm(s.anchor);
      const clause = textsByFile
        .get(s.file)!
        .filter((t) => norm(t).includes(anchor))
        .sort((a, b) => norm(a).length - norm(b).length)[0];
      if (clause === undefined) {
        misses.push(`${s.file} no clause contains anchor ${s.anchor}`);
        goldN += s.agencies.length;
        continue;
      }
      found++;
      const { lead, responsible } = extractAgencies(clause);
      const got = new Set([...lead, ...responsible].map(norm));
      const want = new Set(s.agencies.map(norm));
      const hits = [...got].filter((a) => want.has(a)).length;
      tp += hits;
      goldN += want.size;
      appN += got.size;
      if (hits === want.size && hits === got.size) exact++;
      else misses.push(`${s.file} ${s.anchor}: got [${[...got].join('、')}] want [${[...want].join('、')}]`);
    }
    const precision = appN ? tp / appN : 1;
    const recall = goldN ? tp / goldN : 1;
    console.log(`agencies gold: ${found}/${samples.length} clauses found, exact ${exact}/${found}, P ${precision.toFixed(3)} R ${recall.toFixed(3)}`);
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
