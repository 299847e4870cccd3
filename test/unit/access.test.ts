import { describe, expect, it } from 'vitest';
import { accessLevels, allowed, methodAccess, roles } from '../../shared/api/access';
import { methodNames } from '../../shared/api/contract';

describe('team access policy (#14)', () => {
  it('names every method of the contract, and nothing else', () => {
    expect(Object.keys(methodAccess).sort()).toEqual([...methodNames].sort());
    for (const m of methodNames) expect(accessLevels).toContain(methodAccess[m]);
  });

  it('a viewer only reads, a coder also codes, the owner may do everything', () => {
    for (const m of methodNames) {
      const level = methodAccess[m];
      expect(allowed('owner', m)).toBe(true);
      expect(allowed('coder', m)).toBe(level !== 'manage');
      expect(allowed('viewer', m)).toBe(level === 'read');
    }
    expect(roles).toEqual(['viewer', 'coder', 'owner']);
  });

  it('puts what changes the corpus or the codebook under manage, and codings under code', () => {
    for (const m of [
      'documents.importFiles',
      'documents.importPaths',
      'documents.delete',
      'documents.purge',
      'project.restore',
      'project.importQdpx',
      'themes.delete',
      'themes.merge',
      'agreement.reconcile',
    ] as const) {
      expect(methodAccess[m]).toBe('manage');
    }
    for (const m of ['themes.code', 'themes.uncode', 'notes.save', 'compare.decide'] as const) expect(methodAccess[m]).toBe('code');
    // A method whose name says it writes is never readable by a viewer.
    const writes =
      /\.(?!codebook)(create|save|delete|code|uncode|decide|set|update|merge|move|purge|restore|import|undo|redo|accept|unlink|rename|recompute)(?![a-z])/;
    for (const m of methodNames) if (writes.test(m)) expect(methodAccess[m], m).not.toBe('read');
  });
});
