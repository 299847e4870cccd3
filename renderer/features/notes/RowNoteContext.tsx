import { useTranslation } from 'react-i18next';
import { clauseLabel } from '../../../shared/domain/labels';
import { useLoad } from '../../api/ApiProvider';
import { routeHref } from '../../app/router';

/**
 * What a note on an aligned row is about: its comparison, and the clauses on the row side by
 * side (city, plan and path, the start of the text), so a row note is findable and readable in the list.
 */
export function RowNoteContext({ comparisonId, clauseIds }: { comparisonId: number; clauseIds: number[] }) {
  const { t } = useTranslation('notes');
  const view = useLoad((a) => a['compare.view']({ id: comparisonId }), [comparisonId], ['compare']);
  if (view.error) return <span className="muted">{t('rowGone')}</span>;
  if (!view.data) return <span className="muted">…</span>;
  const cells = clauseIds.flatMap((id) => {
    for (const col of view.data!.columns) {
      const c = col.clauses.find((x) => x.id === id);
      if (c) return [{ id, docId: col.docId, city: col.city, label: clauseLabel(c.path, c.part), text: c.text }];
    }
    return [];
  });
  return (
    <div className="row-note-context" data-testid="row-note-context">
      <a href={routeHref('compare', [comparisonId], { clause: clauseIds[0] })} data-testid="row-note-comparison">
        {view.data.name}
      </a>
      <ul>
        {cells.map((c) => (
          <li key={c.id} data-testid="row-note-clause">
            <a href={routeHref('reader', [c.docId], { clause: c.id })}>{[c.city, c.label].filter(Boolean).join(' · ')}</a>{' '}
            <span className="muted">
              {c.text.slice(0, 60)}
              {c.text.length > 60 ? '…' : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
