import { diffChars } from 'diff';
import { findQuantities, type QuantityMatch } from './quantities';

export { findQuantities, type QuantityMatch } from './quantities';

/** A run of one cell's text: shared with the other cell, or only in this one. */
export interface DiffRun {
  text: string;
  changed: boolean;
}

/** A number with a unit in a cell, and how it compares with the rest of its row. */
export interface CellQuantity extends QuantityMatch {
  /** same: another cell has this very value and unit; differs: another cell has the unit with another value; only: no other cell has the unit. */
  status: 'same' | 'differs' | 'only';
}

export interface CellDiff {
  runs: DiffRun[];
  quantities: CellQuantity[];
}

/** Longer texts than this are shown without a character diff: the diff would cost more than it shows. */
const maxDiffChars = 6000;

/**
 * Character differences between two clauses, as runs of each side. jsdiff splits by code point
 * (Array.from), so a character outside the BMP is never cut in half. Gives up after 200 ms and
 * then marks both sides as changed instead of blocking the view.
 */
export function diffPair(a: string, b: string): { a: DiffRun[]; b: DiffRun[] } {
  if (a.length + b.length > maxDiffChars) return { a: [{ text: a, changed: a !== b }], b: [{ text: b, changed: a !== b }] };
  const changes = diffChars(a, b, { timeout: 200 });
  if (!changes) return { a: [{ text: a, changed: true }], b: [{ text: b, changed: true }] };
  const ra: DiffRun[] = [];
  const rb: DiffRun[] = [];
  const push = (runs: DiffRun[], text: string, changed: boolean) => {
    const last = runs[runs.length - 1];
    if (last && last.changed === changed) last.text += text;
    else runs.push({ text, changed });
  };
  for (const c of changes) {
    if (c.added) push(rb, c.value, true);
    else if (c.removed) push(ra, c.value, true);
    else {
      push(ra, c.value, false);
      push(rb, c.value, false);
    }
  }
  return { a: ra, b: rb };
}

/**
 * Differences across a row of aligned clauses (one per document column). Each cell is compared
 * with the row's first cell, and the first cell with the second, so every cell shows what is its
 * own. Numbers with units are compared across the whole row by unit.
 */
export function diffRow(cells: string[]): CellDiff[] {
  const quantities = cells.map((t) => findQuantities(t));
  return cells.map((text, i) => {
    const ref = i === 0 ? cells[1] : cells[0];
    const runs = ref == null ? [{ text, changed: false }] : diffPair(ref, text).b;
    const others = quantities.filter((_, k) => k !== i).flat();
    return {
      runs,
      quantities: quantities[i].map((q) => {
        const sameUnit = others.filter((o) => o.unit === q.unit);
        const status: CellQuantity['status'] = !sameUnit.length ? 'only' : sameUnit.some((o) => o.value === q.value) ? 'same' : 'differs';
        return { ...q, status };
      }),
    };
  });
}

/** A cell's text cut into pieces for display: diff runs and quantities overlaid, in order. */
export interface DisplayPiece {
  text: string;
  changed: boolean;
  quantity?: CellQuantity['status'];
}

export function displayPieces(cell: CellDiff): DisplayPiece[] {
  const out: DisplayPiece[] = [];
  let offset = 0;
  for (const run of cell.runs) {
    const runEnd = offset + run.text.length;
    let at = offset;
    for (const q of cell.quantities) {
      if (q.end <= at || q.start >= runEnd) continue;
      const s = Math.max(q.start, at),
        e = Math.min(q.end, runEnd);
      if (s > at) out.push({ text: run.text.slice(at - offset, s - offset), changed: run.changed });
      out.push({ text: run.text.slice(s - offset, e - offset), changed: run.changed, quantity: q.status });
      at = e;
    }
    if (at < runEnd) out.push({ text: run.text.slice(at - offset), changed: run.changed });
    offset = runEnd;
  }
  return out.filter((p) => p.text.length > 0);
}
