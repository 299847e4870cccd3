import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDocument, pathSegment } from '../../shared/domain/analyze';
import { seedsDir } from '../contract/harness';

describe('analysing a document', () => {
  it('writes clause paths the way researchers cite them', () => {
    expect(pathSegment('一、')).toBe('一');
    expect(pathSegment('3.')).toBe('3');
    expect(pathSegment('(三)')).toBe('(三)');
    expect(pathSegment('第五条')).toBe('第五条');
  });

  it('is deterministic: the same source always gives the same text and offsets', () => {
    const raw = readFileSync(join(seedsDir, '000_4d56af254ffdf8b7.txt'), 'utf8');
    const a = analyseDocument({ text: raw, format: 'txt', encoding: 'utf-8', warnings: [] }, 'x.txt');
    const b = analyseDocument({ text: raw, format: 'txt', encoding: 'utf-8', warnings: [] }, 'x.txt');
    expect(b).toEqual(a);
  });

  it('gives nested clauses a path through their parents', () => {
    const raw = readFileSync(join(seedsDir, '000_4d56af254ffdf8b7.txt'), 'utf8');
    const { clauses } = analyseDocument({ text: raw, format: 'txt', encoding: 'utf-8', warnings: [] }, 'x.txt');
    const deep = clauses.find((c) => c.level >= 3 && c.label);
    expect(deep?.path.split('-').length).toBeGreaterThanOrEqual(3);
    for (const c of clauses) expect(c.text).toBe(c.text.trim());
  });
});
