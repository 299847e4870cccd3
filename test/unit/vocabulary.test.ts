import { describe, expect, it } from 'vitest';
import { metadataFields as metadataSchema } from '../../shared/api/methods/documents';
import { adminLevels, annotationKinds, attributeTypes, instrumentClasses, metadataFieldNames, vocabularies } from '../../shared/domain/vocabulary';
import { catalog as attributesCatalog } from '../../renderer/features/attributes/i18n';
import { catalog as notesCatalog } from '../../renderer/features/notes/i18n';
import { catalog as readerCatalog } from '../../renderer/features/reader/i18n';
import { catalog as searchCatalog } from '../../renderer/features/search/i18n';
import { catalog as themesCatalog } from '../../renderer/features/themes/i18n';
import { sourceFiles } from '../support/source';
import { vocabularyCopies } from '../support/vocabulary-copies';

/**
 * Literal lists that share 3+ members with a vocabulary list but are another list, each with why.
 * Tests are not scanned: an expectation spelled out by hand is an independent oracle, not a copy.
 */
const otherLists = [
  // The 题注 steps that date the text's writing: a rule over some event kinds, not the list of them.
  'shared/domain/metadata/index.ts: metadataEventKinds',
  // Quick-open result kinds (document, clause, theme, note, comparison, command).
  'renderer/app/extensions.ts: annotationKinds',
  // The Library's sortable columns (title, city, year, 文号, date, clauses).
  'renderer/features/library/DocumentTable.tsx: metadataFieldNames',
];

describe('one vocabulary', () => {
  it('no literal copy of a closed list outside shared/domain/vocabulary.ts', () => {
    const files = sourceFiles(['shared', 'electron', 'renderer', 'test/e2e/pages']).filter((f) => f.path !== 'shared/domain/vocabulary.ts');
    const copies = vocabularyCopies(files, vocabularies).filter(
      (c) => !otherLists.some((o) => c.startsWith(o.split(':')[0]) && c.includes(` ${o.split(': ')[1]} `)),
    );
    expect(copies).toEqual([]);
  });

  it('the scan finds a copy as an array, a zod enum and a union, and ignores unrelated lists', () => {
    const file = (text: string) => [{ path: 'x.ts', text }];
    expect(vocabularyCopies(file("const levels = ['national', 'province', 'city'] as const;"), vocabularies)).toHaveLength(1);
    expect(vocabularyCopies(file("export const c = z.enum(['supply', 'environment', 'demand']);"), vocabularies)).toHaveLength(1);
    expect(vocabularyCopies(file("type S = 'suggested' | 'accepted' | 'rejected';"), vocabularies)).toHaveLength(1);
    expect(vocabularyCopies(file("const modes = ['coded', 'suggested', 'both'];\ntype Bound = 'min' | 'max';"), vocabularies)).toEqual([]);
  });

  it('the contract’s metadata object has exactly the vocabulary’s fields', () => {
    expect(Object.keys(metadataSchema.shape).sort()).toEqual([...metadataFieldNames].sort());
  });

  it('every member has a label in both languages wherever the renderer names it', () => {
    const check = (list: readonly string[], en: Record<string, string>, zh: Record<string, string>) => {
      expect(Object.keys(en).sort()).toEqual([...list].sort());
      expect(Object.keys(zh).sort()).toEqual([...list].sort());
    };
    check(adminLevels, readerCatalog.en.level, readerCatalog['zh-CN'].level);
    check(adminLevels, searchCatalog.en.filters.levels, searchCatalog['zh-CN'].filters.levels);
    check(adminLevels, attributesCatalog.en.levels, attributesCatalog['zh-CN'].levels);
    check(instrumentClasses, themesCatalog.en.instruments, themesCatalog['zh-CN'].instruments);
    check(attributeTypes, attributesCatalog.en.types, attributesCatalog['zh-CN'].types);
    check(annotationKinds, notesCatalog.en.kind, notesCatalog['zh-CN'].kind);
  });
});
