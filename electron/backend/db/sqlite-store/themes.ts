import type { DocumentsRepo } from '../documents';
import type { RowKey, ThemesRepo, TrackedTable } from '../themes';
import type { NewCodingRow } from '../../store/themeTypes';
import { StoreError } from '../../store/types';

/**
 * The codebook's row repositories of the async store over a desktop project: the desktop's own
 * themes repository (db/themes.ts), so rows, fallback suggestions and the undo log are exactly
 * what the desktop app reads and writes. A desktop project has one undo log (account null).
 */
export function sqliteThemeRepositories(themes: ThemesRepo, documents: DocumentsRepo) {
  const oneLog = (accountId: number | null) => {
    if (accountId !== null) throw new StoreError('invalid', 'A desktop project has one undo log: per-account undo logs are a team project’s (PostgreSQL).');
  };
  return {
    themeRows: {
      getRow: (t: TrackedTable, key: RowKey) => themes.getRow(t, key),
      putRow(t: TrackedTable, row: Record<string, unknown>) {
        try {
          themes.putRow(t, row);
          return true;
        } catch (e) {
          // The clause, document, theme or coder it referred to is gone: nothing was written.
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
          throw e;
        }
      },
      deleteRow: (t: TrackedTable, key: RowKey) => void themes.deleteRow(t, key),
      insertCoding: (row: NewCodingRow) => themes.insertCoding(row),
      themes: () => themes.themes(),
      codingsOfTheme: (themeId: string) => themes.codingsOfTheme(themeId),
      wholeCoding: (clauseId: number, themeId: string, coderId: number | null) => themes.wholeCoding(clauseId, themeId, coderId),
      liveCodings: (coderId: number | null) => themes.liveCodings(coderId),
      openSuggestionsAbove: (min: number, docId: number | null, themeId: string | null) => themes.openSuggestionsAbove(min, docId, themeId),
      storedCodingsOfDoc: (docId: number) => themes.storedCodingsOfDoc(docId),
      acceptedPairs: () => themes.acceptedPairs(),
      instruments: (docId?: number) => (docId === undefined ? themes.allInstruments() : themes.instrumentsOfDoc(docId)),
      codableClauses: () => documents.codableClauses(),
      suggestableClauses: (docId: number) =>
        documents.clauses(docId).map(({ id, parent_id, kind, heading, text }) => ({ id, parent_id, kind: kind as string, heading, text })),
      partTitles: () => documents.list().flatMap((d) => d.parts.map((p) => ({ doc_id: d.id, part_index: p.index, title: p.title }))),
    },
    undoLog: {
      push(accountId: number | null, label: string, changes: unknown[]) {
        oneLog(accountId);
        themes.pushUndo(label, changes);
      },
      lastDone: (accountId: number | null) => (oneLog(accountId), themes.lastDone()),
      firstUndone: (accountId: number | null) => (oneLog(accountId), themes.firstUndone()),
      markUndone(accountId: number | null, id: number, undone: boolean) {
        oneLog(accountId);
        themes.markUndone(id, undone);
      },
    },
  };
}
