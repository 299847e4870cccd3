import { diffChars } from 'diff';

/**
 * Maps offsets in one text to offsets in a slightly different one (a source as another tool
 * stored it → the cleaned text PolicyLens made of it). Unchanged stretches map exactly; an
 * offset inside removed text maps to where the removal happened.
 */
export function textOffsetMap(from: string, to: string): ((offset: number) => number) | null {
  if (from === to) return (o) => o;
  // A bounded diff: a source rewritten beyond recognition is better reported than waited for.
  const parts = diffChars(from, to, { timeout: 10_000 });
  if (!parts) return null;
  const map = new Int32Array(from.length + 1);
  let a = 0;
  let b = 0;
  for (const p of parts) {
    const n = p.value.length;
    if (p.added) b += n;
    else if (p.removed) {
      map.fill(b, a, a + n);
      a += n;
    } else {
      for (let i = 0; i < n; i++) map[a + i] = b + i;
      a += n;
      b += n;
    }
  }
  map[from.length] = to.length;
  return (o) => map[Math.max(0, Math.min(from.length, o))];
}

/** Fallback when the diff gives up: offsets of text found verbatim move with it; others map to 0. */
export function locateByText(from: string, to: string): (o: number) => number {
  return (o) => {
    const probe = from.slice(o, o + 12);
    const at = probe ? to.indexOf(probe) : -1;
    return at >= 0 ? at : 0;
  };
}
