import { useMemo } from 'react';
import { useDocumentThemes } from '../themes/embed';
import { useThemesState } from '../themes/store';

/**
 * Themes of the clauses shown (for the row filter), read from the themes feature's store, which
 * the Reader and the compare rows' coding controls share: one load per document, reloaded on a
 * 'themes' event, and a coder sees only their own codings there (blind), the lead the consensus.
 * Until the codebook is loaded the filter is simply not offered.
 */
/** Also loads (and keeps fresh) the documents' codings for the rows' coding controls. */
export function useRowThemes(docIds: number[]) {
  useDocumentThemes(docIds);
  const { codebook, docs } = useThemesState();
  const data = useMemo(() => {
    if (!codebook) return null;
    const byClause = new Map<number, string[]>();
    for (const id of docIds)
      for (const [clauseId, row] of docs.get(id) ?? [])
        byClause.set(
          clauseId,
          row.themes.filter((x) => x.status !== 'rejected').map((x) => x.id),
        );
    return { themes: codebook.themes.map((x) => ({ id: x.id, nameZh: x.nameZh, nameEn: x.nameEn })), byClause };
    // `docIds` by value: a new array with the same ids must not recompute.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [codebook, docs, docIds.join(',')]);
  return { data };
}
