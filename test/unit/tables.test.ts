import { describe, expect, it } from 'vitest';
import { packTables, unpackTables } from '../../shared/api/tables';

const docs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    title: i % 3 ? `青岛市条例 ${i}` : null,
    history: i % 2 ? [{ date: '2020-01-01', event: 'amended', by: '常委会' }] : [],
    parts: [],
    year: i % 5 ? 2020 + (i % 4) : null,
  }));

/** What the page gets: the packed value through JSON and back, unpacked. */
const overTheWire = (value: unknown) => {
  const packed = packTables(value);
  return packed === null ? JSON.parse(JSON.stringify(value)) : unpackTables(JSON.parse(JSON.stringify(packed)));
};

describe('lists sent as tables (shared/api/tables.ts)', () => {
  it('a long list of records comes back equal, and its JSON is much smaller', () => {
    const list = docs(5000);
    expect(overTheWire(list)).toEqual(list);
    const plain = JSON.stringify(list).length;
    const packed = JSON.stringify(packTables(list)).length;
    expect(packed).toBeLessThan(plain * 0.75);
  });

  it('packs lists inside results (search hits, facets) and leaves the rest of the result as it is', () => {
    const result = { total: 3000, hits: docs(40), facets: { cities: docs(20).map((d) => ({ value: String(d.id), count: d.id })) }, note: null };
    const packed = packTables(result) as Record<string, unknown>;
    expect(packed.total).toBe(3000);
    expect(Array.isArray(packed.hits)).toBe(false);
    expect(overTheWire(result)).toEqual(result);
  });

  it('leaves short lists, lists of mixed shapes and lists holding undefined alone (nothing to undo: null)', () => {
    expect(packTables(docs(10))).toBeNull();
    const mixed = [...docs(20), { id: 99, other: true }];
    expect(packTables(mixed)).toBeNull();
    const reordered = docs(20).map((d, i) => (i === 7 ? { title: d.title, id: d.id, history: d.history, parts: d.parts, year: d.year } : d));
    expect(packTables(reordered)).toBeNull();
    const withUndefined = docs(20).map((d, i) => ({ ...d, note: i === 3 ? undefined : 'x' }));
    expect(packTables(withUndefined)).toBeNull();
    expect(packTables([1, 2, 3, ...Array(30).fill('x')])).toBeNull();
    expect(packTables('text')).toBeNull();
    expect(packTables(null)).toBeNull();
  });

  it('keeps values that look like tables but are not (an empty list, lists of lists, numbers, strings)', () => {
    const values = [[], [[1, 2]], Array.from({ length: 30 }, (_, i) => [i, String(i)]), { rows: [[1]] }, 0, '', false];
    for (const v of values) expect(overTheWire(v)).toEqual(v);
  });
});
