// Pictures across documents: the theme × city heatmap and the instrument × theme matrix (built by
// the pure functions of viewModel.ts, which the team server uses too).
import type { Output, ParsedInput } from '../../../shared/api/contract';
import type { DocumentsRepo } from '../db/documents';
import type { ThemesRepo } from '../db/themes';
import { requireCoder } from './coding';
import { buildHeatmap, buildMatrix, clauseInfos, themesByClause } from './viewModel';

export function viewHandlers(repo: ThemesRepo, documents: DocumentsRepo) {
  const infos = () => clauseInfos(documents.list(), documents.codableClauses());
  return {
    /** allowed: the documents an attribute filter selected (resolved by the caller), or null for all. */
    'themes.heatmap': ({ mode, by, coderId }: ParsedInput<'themes.heatmap'>, allowed: Set<number> | null = null): Output<'themes.heatmap'> =>
      buildHeatmap({
        infos: infos(),
        themes: repo.themes().map((t) => t.id),
        docs: documents.list(),
        byClause: themesByClause(repo.liveCodings(requireCoder(repo, coderId)), mode),
        by,
        allowed,
      }),

    'themes.matrix': ({ mode }: ParsedInput<'themes.matrix'>): Output<'themes.matrix'> =>
      buildMatrix({
        infos: infos(),
        themes: repo.themes().map((t) => t.id),
        instruments: new Map(repo.allInstruments().map((r) => [r.clause_id, r.chosen ?? r.suggested])),
        byClause: themesByClause(repo.liveCodings(), mode),
      }),
  };
}
