import { expect } from 'vitest';
import type { ClauseDraft } from '../../shared/domain/types';

/** Clauses tile the text: in order, without gaps or overlap, each with its text start inside it. */
export function expectTiling(text: string, clauses: ClauseDraft[]): void {
  let at = 0;
  for (const c of clauses) {
    expect(c.start).toBe(at);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.textStart).toBeGreaterThanOrEqual(c.start);
    expect(c.textStart).toBeLessThanOrEqual(c.end);
    at = c.end;
  }
  expect(at).toBe(text.length);
}
