import { useTranslation } from 'react-i18next';
import type { AlignedRow } from '../../../shared/domain/align/rows';
import { AnnotationEditor } from '../notes/editors';
import { ClauseThemeChips } from '../themes/embed';

/** A stable key for an aligned row: its clause ids, so a note stays with the same clauses. */
export function rowKeyOf(row: Pick<AlignedRow, 'cells'>): string {
  return row.cells
    .flat()
    .sort((a, b) => a - b)
    .join('-');
}

/**
 * What the active row offers beyond reading: code each of its clauses by theme (with the
 * suggestions to accept or reject) and write notes on the row's differences.
 */
export function RowDetails({
  row,
  comparisonId,
  docOf,
  pathOf,
}: {
  row: Pick<AlignedRow, 'cells'>;
  comparisonId: number;
  docOf: (clauseId: number) => number;
  pathOf: (clauseId: number) => string;
}) {
  const { t } = useTranslation('compare');
  const clauseIds = row.cells.flat();
  return (
    <div className="row-details" data-testid="row-details" onClick={(e) => e.stopPropagation()}>
      <div className="row-coding">
        {clauseIds.map((id) => (
          <div key={id} className="row-coding-clause">
            <span className="tag">{pathOf(id)}</span> <ClauseThemeChips docId={docOf(id)} clauseId={id} />
          </div>
        ))}
      </div>
      <div className="row-notes">
        <strong>{t('rowNotes')}</strong>
        <AnnotationEditor target={{ kind: 'alignmentRow', comparisonId, rowKey: rowKeyOf(row), clauseIds }} />
      </div>
    </div>
  );
}
