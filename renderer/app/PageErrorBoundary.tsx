import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a page shows instead of itself when it fails to render: a clear message in place of the
 * page, with the sidebar and every other page still there. Without it, one error (a deferred
 * page's code that can no longer be fetched because the host was restarted with a new build, or a
 * bug in a view) unmounted the whole app and left a blank window. Nothing is lost by it: every
 * write has been committed by the backend before a view shows it.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('[policylens] a page failed to render:', error);
  }

  override render() {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}

/** A deferred page's code that cannot be fetched: the app was rebuilt or the host stopped. */
const isLoadFailure = (e: Error) => /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch/i.test(e.message);

function PageFailed({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <div className="page page-failed" role="alert" data-testid="page-failed">
      <h1>{t('pageFailed.title')}</h1>
      <p>{isLoadFailure(error) ? t('pageFailed.load') : t('pageFailed.render')}</p>
      <p className="muted">
        <code>{error.message}</code>
      </p>
      <button type="button" className="primary" data-testid="page-failed-reload" onClick={() => window.location.reload()}>
        {t('pageFailed.reload')}
      </button>
    </div>
  );
}
