// The pure steps of codebook edits and undo that the desktop and the team server share.
import { describe, expect, it } from 'vitest';
import { effectiveChanges, writePlan, type Change } from '../../electron/backend/themes/changes';
import { isUnder, mergeStep, placeAmongSiblings } from '../../shared/domain/themes/index';

describe('codebook steps', () => {
  const tree = [
    { id: 'a', parentId: null },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
    { id: 'd', parentId: null },
  ];

  it('knows which theme lies under which', () => {
    expect(isUnder(tree, 'c', 'a')).toBe(true);
    expect(isUnder(tree, 'c', 'b')).toBe(true);
    expect(isUnder(tree, 'a', 'c')).toBe(false);
    expect(isUnder(tree, 'd', 'a')).toBe(false);
    expect(isUnder(tree, 'a', 'a')).toBe(false);
    // A damaged tree with a cycle ends instead of looping.
    expect(
      isUnder(
        [
          { id: 'x', parentId: 'y' },
          { id: 'y', parentId: 'x' },
        ],
        'x',
        'z',
      ),
    ).toBe(false);
  });

  it('places a moved theme among its new siblings at an index, or last', () => {
    const sib = [{ id: 'p' }, { id: 'q' }, { id: 'r' }];
    expect(placeAmongSiblings(sib, { id: 'm' }, 0).map((x) => x.id)).toEqual(['m', 'p', 'q', 'r']);
    expect(placeAmongSiblings(sib, { id: 'm' }, undefined).map((x) => x.id)).toEqual(['p', 'q', 'r', 'm']);
    expect(placeAmongSiblings(sib, { id: 'm' }, 99).map((x) => x.id)).toEqual(['p', 'q', 'r', 'm']);
    // Moving within the same parent: the theme is taken out first.
    expect(placeAmongSiblings(sib, { id: 'r' }, 0).map((x) => x.id)).toEqual(['r', 'p', 'q']);
  });

  it('merges a coding into the target keeping the stronger decision', () => {
    expect(mergeStep({ status: 'accepted', start: null, isFallback: false }, { status: 'suggested' })).toEqual({ kind: 'drop', accept: true });
    expect(mergeStep({ status: 'suggested', start: null, isFallback: false }, { status: 'accepted' })).toEqual({ kind: 'drop', accept: false });
    expect(mergeStep({ status: 'accepted', start: null, isFallback: false }, null)).toEqual({ kind: 'retheme' });
    expect(mergeStep({ status: 'suggested', start: null, isFallback: true }, null)).toEqual({ kind: 'insert' });
    // A range never clashes: ranges of both themes may overlap.
    expect(mergeStep({ status: 'accepted', start: 4, isFallback: false }, { status: 'accepted' })).toEqual({ kind: 'retheme' });
  });

  it('keeps only real changes and writes parents before children, deletes the other way round', () => {
    const row = (id: number) => ({ id });
    const changes: Change[] = [
      { table: 'codings', key: 1, before: null, after: row(1) },
      { table: 'themes', key: 't', before: null, after: { id: 't' } },
      { table: 'codings', key: 2, before: row(2), after: row(2) },
      { table: 'clause_instruments', key: 3, before: row(3), after: null },
    ];
    const real = effectiveChanges(changes);
    expect(real.map((c) => c.key)).toEqual([1, 't', 3]);
    const undo = writePlan(real, 'before');
    expect(undo.dels.map((c) => c.table)).toEqual(['codings', 'themes']);
    expect(undo.puts.map((c) => c.table)).toEqual(['clause_instruments']);
    const redo = writePlan(real, 'after');
    expect(redo.puts.map((c) => c.table)).toEqual(['themes', 'codings']);
    expect(redo.dels.map((c) => c.table)).toEqual(['clause_instruments']);
  });
});
