import type { DocumentSummary } from '../../../shared/api/methods/documents';

/**
 * Where a document shows in the city column and the city grouping: its city, or for a
 * province-level document its province (a 直辖市 is both). National documents have none.
 */
export function placeOf(d: Pick<DocumentSummary, 'city' | 'province'>): string | null {
  return d.city ?? d.province ?? null;
}
