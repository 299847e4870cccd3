// Cleanup and segmentation on the five seed documents: invariants that must hold for any text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../shared/domain/cleanup/index';
import { segmentClauses, splitParts } from '../../shared/domain/segment/index';
import { expectTiling } from '../support/clauses';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedDir = path.join(repoRoot, 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const read = (f: string): string => readFileSync(path.join(seedDir, f), 'utf8');

describe('seed documents', () => {
  it('are all present', () => expect(seeds).toHaveLength(5));

  describe.each(seeds)('%s', (file) => {
    const raw = read(file);
    const cleaned = cleanText(raw, 'txt');
    const parts = splitParts(cleaned);
    const clauses = segmentClauses(cleaned, parts);

    it('cleans and segments deterministically', () => {
      expect(cleanText(raw, 'txt')).toBe(cleaned);
      expect(segmentClauses(cleaned, splitParts(cleaned))).toEqual(clauses);
    });

    it('is already clean: cleaning the cleaned text changes nothing', () => {
      expect(cleanText(cleaned, 'txt')).toBe(cleaned);
    });

    it('has clauses that tile the cleaned text exactly, in order, without overlap', () => {
      expectTiling(cleaned, clauses);
    });

    it('has a consistent tree: parents come first, levels grow by one, labels sit at the clause start', () => {
      clauses.forEach((c, i) => {
        const parent = c.parentIndex === null ? null : clauses[c.parentIndex];
        if (c.parentIndex !== null) expect(c.parentIndex).toBeLessThan(i);
        if (!c.label) expect(c.level).toBe(0);
        else expect(c.level).toBe(parent === null || parent.kind === 'part' ? 1 : parent.level + 1);
        if (c.label) expect(cleaned.slice(c.start, c.start + c.label.length)).toBe(c.label);
        else expect(['preamble', 'part']).toContain(c.kind);
      });
    });

    it('leaves no page markers, markup or chrome in the cleaned text', () => {
      expect(cleaned).not.toMatch(/^[-—]\s*\d+\s*[-—]$/m);
      expect(cleaned).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(cleaned).not.toMatch(/浏览次数|索\s*引\s*号|返回顶部|附件下载|打印本页|关闭窗口|style=/);
      expect(cleaned).not.toMatch(/\n\s*\n|[\u00a0\u3000]|^\s|\s$/);
      expect(cleaned).not.toMatch(/\d [年月日号次个家]/);
    });
  });
});
