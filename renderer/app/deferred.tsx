import { type ComponentType, Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Components whose code loads apart from the first screen. The rich-text editor (Lexical), the
 * charts (ECharts) and the pages other than the Library were two thirds of the renderer's code,
 * and the first screen waited for the browser to evaluate all of it before the first row
 * appeared (issue #13: first screen ≤ 1 s with 5,000 documents). Their chunks are fetched as soon
 * as the first screen has rendered (usePreloadDeferred), while it waits for its data, so by the
 * time anyone opens an editor the code is there and renders in the same frame: nothing typed
 * right after opening one is lost to a loading placeholder.
 */
const loaders: Array<() => Promise<unknown>> = [];

export type DeferredComponent<P> = ComponentType<P> & {
  /** Loads the code now. */
  preload(): Promise<void>;
};

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): DeferredComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  // A failed fetch is not kept: the next preload tries again (the page shows the error meanwhile, PageErrorBoundary).
  const start = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    ));
  // Once the code is loaded, React.lazy is handed a thenable that resolves synchronously, so the
  // first render does not suspend for even one frame. The element structure is the same either
  // way (Suspense around the lazy component), so nothing remounts when loading ends.
  const Lazy = lazy(() =>
    loaded
      ? ({ then: (ok: (m: { default: ComponentType<P> }) => void) => ok({ default: loaded! }) } as unknown as Promise<{ default: ComponentType<P> }>)
      : start().then((c) => ({ default: c })),
  ) as unknown as ComponentType<P>;
  loaders.push(start);
  function Deferred(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Object.assign(Deferred, { preload: () => start().then(() => undefined) });
}

/** Fetches every deferred component's code in the background, once the first screen is up. */
export function usePreloadDeferred(): void {
  useEffect(() => {
    // A chunk that cannot be fetched shows its error where it is used, not here.
    const preload = () => {
      for (const load of loaders) load().catch(() => undefined);
    };
    // When the main thread is idle (the page waiting for its data), not while the page opened
    // first still renders and asks for its data: evaluating the other pages' code would hold it up.
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = setTimeout(preload, 200);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(preload, { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, []);
}

/** What a deferred part shows while its code loads (normally never seen: see above). */
function Loading() {
  const { t } = useTranslation();
  return (
    <div className="muted" role="status" aria-busy="true" data-testid="deferred-loading">
      {t('loading')}
    </div>
  );
}
