import { useMemo } from 'react';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import type { Row, SortKey } from './DocumentTable';
import { placeOf } from './place';

export type GroupKey = 'city' | 'year' | 'none';

const collator = new Intl.Collator('zh-CN', { numeric: true });

function sortValue(d: DocumentSummary, key: SortKey): string | number {
  switch (key) {
    case 'title':
      return d.title ?? d.file;
    case 'city':
      return placeOf(d) ?? '';
    case 'year':
      return d.year ?? 0;
    case 'docNumber':
      return d.docNumber ?? '';
    case 'date':
      return d.dateWritten ?? d.datePublished ?? '';
    case 'clauses':
      return d.clauseCount;
  }
}

/** The folded text the Library's filter matches a document against. */
export function libraryHaystack(d: DocumentSummary): string {
  return [d.title, d.file, d.city, d.province, d.docNumber, d.issuer, d.year ?? ''].join(' ').toLowerCase();
}

/** The filter's words: every one must occur in the haystack. */
export function filterWords(q: string): string[] {
  return q.toLowerCase().split(/\s+/u).filter(Boolean);
}

interface Indexed {
  doc: DocumentSummary;
  hay: string;
  city: string;
  year: string;
}

/**
 * The Library's rows for a filter, sort and grouping, computed in stages so that a keystroke in
 * the filter only filters: the folded text each document is matched against is built once per
 * list, the sort (the costly part: a collator over thousands of Chinese titles) once per list and
 * sort key, and a keystroke filters the sorted list, which keeps its order, in one linear pass.
 */
export function useLibraryRows(
  docs: DocumentSummary[] | undefined,
  q: string,
  sort: { key: SortKey; dir: 1 | -1 },
  group: GroupKey,
  labels: { national: string; unknownCity: string; unknownYear: string },
) {
  const indexed = useMemo<Indexed[]>(
    () =>
      (docs ?? []).map((d) => ({
        doc: d,
        hay: libraryHaystack(d),
        city: placeOf(d) ?? (d.level === 'national' ? labels.national : labels.unknownCity),
        year: d.year == null ? labels.unknownYear : String(d.year),
      })),
    [docs, labels.national, labels.unknownCity, labels.unknownYear],
  );

  const sorted = useMemo(() => {
    const keyed = indexed.map((x) => ({ x, v: sortValue(x.doc, sort.key) }));
    keyed.sort((a, b) => {
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c * sort.dir || a.x.doc.id - b.x.doc.id;
    });
    return keyed.map((k) => k.x);
  }, [indexed, sort.key, sort.dir]);

  // Group headings in collation order, computed once per list, not per keystroke.
  const groupOrder = useMemo(() => {
    if (group === 'none') return new Map<string, number>();
    const keys = [...new Set(indexed.map((x) => (group === 'city' ? x.city : x.year)))].sort(collator.compare);
    return new Map(keys.map((k, i) => [k, i]));
  }, [indexed, group]);

  return useMemo(() => {
    const words = filterWords(q);
    const list = words.length ? sorted.filter((x) => words.every((w) => x.hay.includes(w))) : sorted;
    let rows: Row[];
    if (group === 'none') rows = list.map((x) => ({ type: 'doc', doc: x.doc }));
    else {
      const buckets: DocumentSummary[][] = Array.from({ length: groupOrder.size }, () => []);
      for (const x of list) buckets[groupOrder.get(group === 'city' ? x.city : x.year)!].push(x.doc);
      const keys = [...groupOrder.keys()];
      rows = [];
      buckets.forEach((b, i) => {
        if (!b.length) return;
        rows.push({ type: 'group', key: keys[i], count: b.length });
        for (const doc of b) rows.push({ type: 'doc', doc });
      });
    }
    return { rows, shown: list.length };
  }, [sorted, q, group, groupOrder]);
}
