import { useLoad } from '../../api/ApiProvider';
import { currentCoderId, ensureCoder, useThemesState } from '../themes/store';

/**
 * Themes of the clauses shown (for the row filter), from the themes feature's contract methods.
 * When themes are not available, the filter is simply not offered.
 */
export function useRowThemes(docIds: number[]) {
  // A coder filters by their own codings (blind), the lead by the consensus.
  const { coderId } = useThemesState();
  return useLoad(
    async (api) => {
      try {
        await ensureCoder(api);
        const [codebook, ...perDoc] = await Promise.all([
          api['themes.codebook']({}),
          ...docIds.map((docId) => api['themes.clauses']({ docId, coderId: currentCoderId() })),
        ]);
        const byClause = new Map<number, string[]>();
        for (const list of perDoc)
          for (const c of list)
            byClause.set(
              c.clauseId,
              c.themes.filter((x) => x.status !== 'rejected').map((x) => x.id),
            );
        return { themes: codebook.themes.map((x) => ({ id: x.id, nameZh: x.nameZh, nameEn: x.nameEn })), byClause };
      } catch {
        return null;
      }
    },
    [docIds.join(','), coderId],
    ['themes'],
  );
}
