import { useTranslation } from 'react-i18next';
import { deferred } from '../../app/deferred';
import { type Route, routeHref } from '../../app/router';
import { AgenciesTable, TargetsTable } from './ExtractionTables';
import { CodebookEditor } from './CodebookEditor';
import { useUndoShortcuts } from './useUndo';
import './themes.css';

// The charts load apart from the codebook: ECharts is a third of the renderer's code (app/deferred.tsx).
const HeatmapView = deferred(() => import('./Charts').then((m) => m.HeatmapView));
const MatrixView = deferred(() => import('./Charts').then((m) => m.MatrixView));

const TABS = ['codebook', 'heatmap', 'matrix', 'targets', 'agencies'] as const;
type Tab = (typeof TABS)[number];

/** #/themes/<tab>: the codebook editor and the pictures and tables across cities. */
export function ThemesPage({ route }: { route: Route }) {
  const { t } = useTranslation('themes');
  const tab: Tab = (TABS as readonly string[]).includes(route.args[0]) ? (route.args[0] as Tab) : 'codebook';
  const { message, undo, redo } = useUndoShortcuts();
  return (
    <div className="page themes-page" data-testid="themes-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <div className="toolbar">
          <button type="button" data-testid="themes-undo" onClick={undo} title="Ctrl+Z">
            {t('undo')}
          </button>
          <button type="button" data-testid="themes-redo" onClick={redo} title="Ctrl+Shift+Z">
            {t('redo')}
          </button>
          {message && (
            <span role="status" data-testid="themes-message">
              {message}
            </span>
          )}
        </div>
      </header>
      <nav className="tabs" role="tablist">
        {TABS.map((x) => (
          <a
            key={x}
            role="tab"
            aria-selected={x === tab}
            className={x === tab ? 'active' : undefined}
            href={routeHref('themes', [x])}
            data-testid={`themes-tab-${x}`}
          >
            {t(`tabs.${x}`)}
          </a>
        ))}
      </nav>
      {tab === 'codebook' && <CodebookEditor />}
      {tab === 'heatmap' && <HeatmapView />}
      {tab === 'matrix' && <MatrixView />}
      {tab === 'targets' && <TargetsTable />}
      {tab === 'agencies' && <AgenciesTable />}
    </div>
  );
}
