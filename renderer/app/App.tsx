import { useTranslation } from 'react-i18next';
import { type Locale, locales, setLocale } from '../i18n';
import { useGlobalShortcuts } from './commands';
import { usePreloadDeferred } from './deferred';
import { PageErrorBoundary } from './PageErrorBoundary';
import { BrandIcon } from './icons';
import { routeHref, useRoute } from './router';
import { overlays, plannedSections, sections } from './sections';

function NotBuilt({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <div className="not-built" role="status">
      <h1>{t(`sections.${id}`)}</h1>
      <p>{t('notBuilt', { section: t(`sections.${id}`) })}</p>
    </div>
  );
}

/** The sidebar order: planned sections first (built or not), then any other built ones. */
function sidebarEntries(): Array<{ id: string; titleKey: string; built: boolean }> {
  const built = new Map(sections.filter((s) => s.order !== undefined).map((s) => [s.id, s]));
  const planned = plannedSections.map((id) => ({ id, titleKey: built.get(id)?.titleKey ?? `sections.${id}`, built: built.has(id) }));
  const extra = [...built.values()].filter((s) => !(plannedSections as readonly string[]).includes(s.id)).sort((a, b) => a.order! - b.order!);
  return [...planned, ...extra.map((s) => ({ id: s.id, titleKey: s.titleKey, built: true }))];
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const entries = sidebarEntries();
  const active = sections.find((s) => s.id === route.section);

  // Every keyboard shortcut (Alt+1…5 sections, Ctrl+K, Ctrl+E, j/k/c/r in Compare …) comes from
  // the command registry through this one handler, which never fires single keys in a text field.
  useGlobalShortcuts();
  // The other pages, the editor and the charts load once this first screen is up.
  usePreloadDeferred();

  const Page = active?.component;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('name')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            <BrandIcon />
          </span>
          <span>{t('name')}</span>
        </div>
        <ul>
          {entries.map((e, i) => (
            <li key={e.id}>
              <a
                href={routeHref(e.id)}
                className={route.section === e.id ? 'active' : undefined}
                aria-current={route.section === e.id ? 'page' : undefined}
                data-testid={`nav-${e.id}`}
                title={`Alt+${i + 1}`}
              >
                {t(e.titleKey)}
                {!e.built && (
                  <span className="badge-soon" aria-hidden>
                    …
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
        <label className="locale-switch">
          <span>{t('language')}</span>
          <select data-testid="locale-switch" value={i18n.language} onChange={(e) => setLocale(e.target.value as Locale)}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {l === 'zh-CN' ? '简体中文' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {/* Keyed by page: moving to another page leaves a failed one behind. */}
        <PageErrorBoundary key={route.section}>{Page ? <Page route={route} /> : <NotBuilt id={route.section} />}</PageErrorBoundary>
      </main>
      {overlays.map((O, i) => (
        <O key={i} />
      ))}
    </div>
  );
}
