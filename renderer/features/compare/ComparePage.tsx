import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useLoad } from '../../api/ApiProvider';
import { navigate, routeHref, type Route } from '../../app/router';
import { CompareView } from './CompareView';
import { NewComparisonDialog } from './NewComparisonDialog';
import './compare.css';

/** #/compare → the list; #/compare/new?docs=1,3 → the list with the new-comparison dialog; #/compare/<id> → the view. */
export function ComparePage({ route }: { route: Route }) {
  const id = Number(route.args[0]);
  if (Number.isInteger(id) && id > 0) return <CompareView id={id} focusClause={Number(route.params.get('clause')) || null} />;
  const preset = (route.params.get('docs') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return <ComparisonList creating={route.args[0] === 'new'} preset={preset} />;
}

function ComparisonList({ creating, preset }: { creating: boolean; preset: number[] }) {
  const { t } = useTranslation('compare');
  const api = useApi();
  const list = useLoad((a) => a['compare.list']({}), [], ['compare', 'documents']);
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const [undo, setUndo] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(id: number, name: string) {
    if (!window.confirm(t('confirmDelete', { name }))) return;
    try {
      await api['compare.delete']({ id });
      setUndo({ id, name });
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function saveName() {
    if (!renaming) return;
    try {
      await api['compare.rename']({ id: renaming.id, name: renaming.name });
      setRenaming(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="page compare-page" data-testid="compare-page">
      <header className="page-header">
        <h1>{t('comparisons')}</h1>
        <button type="button" data-testid="new-comparison" onClick={() => navigate('compare', ['new'])}>
          {t('newComparison')}
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {undo && (
        <p className="compare-undo" role="status" data-testid="compare-undo-bar">
          {t('deleted', { name: undo.name })}{' '}
          <button
            type="button"
            data-testid="compare-undo"
            onClick={async () => {
              await api['compare.restore']({ id: undo.id });
              setUndo(null);
            }}
          >
            {t('undo')}
          </button>
        </p>
      )}
      {list.data && !list.data.length && <p className="muted">{t('none')}</p>}
      <ul className="comparison-list" data-testid="comparison-list">
        {list.data?.map((c) => (
          <li key={c.id} data-testid="comparison-item">
            {renaming?.id === c.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void saveName();
                }}
              >
                <input
                  aria-label={t('name')}
                  data-testid="comparison-name-input"
                  value={renaming.name}
                  onChange={(e) => setRenaming({ id: c.id, name: e.target.value })}
                  autoFocus
                />
                <button type="submit" data-testid="comparison-name-save">
                  {t('save')}
                </button>
                <button type="button" onClick={() => setRenaming(null)}>
                  {t('cancel')}
                </button>
              </form>
            ) : (
              <>
                <a href={routeHref('compare', [c.id])} data-testid="comparison-link">
                  {c.name}
                </a>
                <span className="muted"> {c.members.map((m) => [m.city, m.year].filter(Boolean).join(' ') || m.title).join(' · ')}</span>
                <span className="toolbar comparison-actions">
                  <button type="button" data-testid="comparison-rename" onClick={() => setRenaming({ id: c.id, name: c.name })}>
                    {t('rename')}
                  </button>
                  <button type="button" data-testid="comparison-delete" onClick={() => void remove(c.id, c.name)}>
                    {t('delete')}
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      {creating && <NewComparisonDialog preset={preset} onClose={() => navigate('compare')} />}
    </div>
  );
}
