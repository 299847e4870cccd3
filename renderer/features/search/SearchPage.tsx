import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFacets, SearchFilters, SearchHit, SearchResult } from '../../../shared/api/methods/search';
import { useApi, useLoad } from '../../api/ApiProvider';
import { type Route, navigate, routeHref } from '../../app/router';
import { isComposingKey } from '../../app/commands/keyboard';
import { EmptyResult } from './EmptyResult';
import { ConcordanceExport } from './ConcordanceExport';
import { AttributeFilter } from '../attributes/AttributeFilter';
import { FACET_PAGE, Facets } from './Facets';
import { type FilterValues, Filters } from './Filters';
import { HitGroups, groupHits, readerTerm } from './Hits';
import { clean, paramsFromState, stateFromParams } from './searchState';
import './search.css';

const PAGE = 20;
const NO_VALUES: FilterValues = { cities: [], provinces: [], validity: [], years: [] };
const TYPING_PAUSE_MS = 150;
const NO_COUNTS: ReadonlyMap<number, number> = new Map();

export function SearchPage({ route }: { route: Route }) {
  const { t, i18n } = useTranslation('search');
  const api = useApi();
  const fromRoute = useMemo(() => stateFromParams(route.params), [route.params]);
  const [input, setInput] = useState(fromRoute.q);
  const [query, setQuery] = useState(fromRoute.q);
  const [filters, setFilters] = useState<SearchFilters>(fromRoute.filters);
  const [result, setResult] = useState<SearchResult | null>(null);
  /** Which query and filters `result` answers: Enter acts only on the results of what is typed. */
  const [resultKey, setResultKey] = useState('');
  const [facets, setFacets] = useState<SearchFacets | null>(null);
  /**
   * Hits per document for the hits' headings, from the first facets answer of a query and its
   * filters: typing in the document facet's filter asks again with the same counts, and keeping
   * the first map keeps the (memoised) hits from drawing again.
   */
  const [counts, setCounts] = useState<{ key: string; map: ReadonlyMap<number, number> } | null>(null);
  /** The exact number of hits: it comes with the page only when the page holds them all, else from search.count. */
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const filterKey = JSON.stringify(filters);
  /** What an answer answers: the query and its filters (the hits, the counts and the facets are each kept with it). */
  const answerKey = `${query}\u0000${filterKey}`;

  // Follow the URL when it changes from outside (quick open, Back, a link).
  useEffect(() => {
    setInput(fromRoute.q);
    setQuery(fromRoute.q);
    setFilters(fromRoute.filters);
  }, [route.params.toString()]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const id = setTimeout(() => setQuery(input), TYPING_PAUSE_MS);
    return () => clearTimeout(id);
  }, [input]);

  // Keep the URL in step without adding a history entry per keystroke.
  useEffect(() => {
    const href = routeHref('search', [], paramsFromState({ q: query, filters }));
    if (window.location.hash !== href) window.history.replaceState(null, '', href);
  }, [query, filterKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setActive(0);
    if (!query.trim()) {
      setResult(null);
      setFacets(null);
      setTotal(null);
      return;
    }
    let live = true;
    setTotal(null);
    // The page first, without waiting for the exact total; the count and the facets follow.
    api['search.query']({ query, filters, limit: PAGE, withTotal: false }).then(
      (r) => {
        if (live) {
          setResult(r);
          setResultKey(answerKey);
          setError(null);
          if (r.total !== null) setTotal(r.total);
        }
      },
      (e: Error) => {
        if (live) setError(e.message);
      },
    );
    api['search.count']({ query, filters }).then(
      (c) => live && setTotal(c.total),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, query, filterKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The facets, a page of documents at a time (a common word has hits in thousands of them).
  const [facetDocs, setFacetDocs] = useState({ filter: '', limit: FACET_PAGE });
  // Back to the first page for a new query; the same state object when it is there already, so
  // the first render does not ask for the facets twice.
  useEffect(() => setFacetDocs((f) => (f.filter === '' && f.limit === FACET_PAGE ? f : { filter: '', limit: FACET_PAGE })), [query, filterKey]);
  // Whether the page's first answers are in (or there is no query to wait for): see below.
  const [firstAnswered, setFirstAnswered] = useState(!query.trim());
  useEffect(() => {
    if (!query.trim()) {
      setFirstAnswered(true);
      return;
    }
    let live = true;
    const answered = () => setFirstAnswered(true);
    api['search.facets']({ query, filters, documentsLimit: facetDocs.limit, documentsFilter: facetDocs.filter || undefined })
      .then(
        (f) => {
          if (!live) return;
          setFacets(f);
          // perDocument comes with the unfiltered page (always asked first for a query and its filters).
          if (f.perDocument) setCounts((c) => (c?.key === answerKey ? c : { key: answerKey, map: new Map(f.perDocument) }));
        },
        () => live && setFacets(null),
      )
      .finally(answered);
    return () => {
      live = false;
    };
  }, [api, query, filterKey, facetDocs]); // eslint-disable-line react-hooks/exhaustive-deps

  // The filter bar's values and themes once the hits and facets are in. The backend answers one call
  // at a time, and calls sent together reach it in any order: the codebook (it counts every coding)
  // ahead of the facets kept a page opened on a query waiting for hundreds of milliseconds.
  const afterFirst = <T,>(load: () => Promise<T>) => (firstAnswered ? load() : new Promise<T>(() => undefined));
  const values = useLoad((a) => afterFirst(() => a['documents.filterValues']({})), [firstAnswered], ['documents']);
  const codebook = useLoad((a) => afterFirst(() => a['themes.codebook']({}).catch(() => ({ themes: [] }))), [firstAnswered], ['themes']);
  const themeOptions = useMemo(
    () => (codebook.data?.themes ?? []).map((x) => ({ id: x.id, name: i18n.language.startsWith('zh') ? x.nameZh : x.nameEn })),
    [codebook.data, i18n.language],
  );

  const groups = useMemo(() => groupHits(result?.hits ?? []), [result]);
  const ordered = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const countOf = counts && counts.key === answerKey ? counts.map : NO_COUNTS;

  // The hits on screen answer an earlier query or filter while the new answer is on its way: a page
  // more of the new one must not be added to them (it was, and the click was then lost).
  const stale = resultKey !== answerKey;
  const [loadingMore, setLoadingMore] = useState(false);
  async function more() {
    if (!result || loadingMore || stale) return;
    setLoadingMore(true);
    try {
      const next = await api['search.query']({ query, filters, limit: PAGE, offset: result.hits.length, withTotal: false });
      setResult((r) => (r ? { ...next, hits: [...r.hits, ...next.hits] } : r));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingMore(false);
    }
  }

  const terms = result?.terms;
  const open = useCallback(
    (hit: SearchHit) => navigate('reader', [hit.docId], { clause: hit.clauseId, q: readerTerm(hit, terms ?? []) || undefined }),
    [terms],
  );
  const hover = useCallback((hit: SearchHit) => setActive(ordered.indexOf(hit)), [ordered]);

  /**
   * Enter opens the hit of the query AS TYPED. Within the typing pause (or while its results are
   * on their way) the list on screen still answers the previous query, so the typed query is run
   * now and its first hit opened — never the previous query's.
   */
  async function openTyped() {
    const typed = input;
    if (!typed.trim()) return;
    setQuery(typed);
    try {
      const r = await api['search.query']({ query: typed, filters, limit: PAGE, withTotal: false });
      if (r.hits[0]) navigate('reader', [r.hits[0].docId], { clause: r.hits[0].clauseId, q: readerTerm(r.hits[0], r.terms) || undefined });
    } catch (err) {
      setError((err as Error).message);
    }
  }

  function onKey(e: React.KeyboardEvent) {
    // Enter while an input method composes picks its candidate: it opens nothing.
    if (isComposingKey(e)) return;
    const current = input === query && resultKey === answerKey;
    if (e.key === 'Enter' && !current) {
      e.preventDefault();
      void openTyped();
      return;
    }
    if (!ordered.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(ordered.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      setActive(next);
      document.getElementById(`search-hit-${ordered[next].clauseId}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(ordered[active]);
    }
  }

  // Stable, so the memoised filter bar does not re-render per keystroke in the search box.
  const setAndClean = useCallback((f: SearchFilters) => setFilters(clean(f)), []);
  const activeId = ordered[active]?.clauseId;
  return (
    <div className="page search-page" data-testid="search-page" onKeyDown={onKey}>
      <div className="page-header">
        <h1>{t('title')}</h1>
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          value={input}
          autoFocus
          placeholder={t('placeholder')}
          aria-label={t('title')}
          data-testid="search-input"
          aria-controls="search-results"
          aria-activedescendant={activeId ? `search-hit-${activeId}` : undefined}
          onChange={(e) => setInput(e.target.value)}
        />
      </div>
      <p className="muted search-syntax">{t('syntax')}</p>
      {/* Shown before the values arrive (options fill in), so the page does not shift under the pointer. */}
      <Filters values={values.data ?? NO_VALUES} themes={themeOptions} filters={filters} onChange={setAndClean} />
      <AttributeFilter value={filters.attributes} onChange={(attributes) => setAndClean({ ...filters, attributes })} testId="search-attr-filter" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!query.trim() && <p className="muted">{t('start')}</p>}
      {result && (
        <div className="search-body">
          <div className="search-results" id="search-results" role="listbox" aria-label={t('title')} aria-busy={stale} data-testid="search-results">
            <div className="search-summary">
              {total === null ? (
                <strong className="muted" aria-busy="true">
                  {t('counting')}
                </strong>
              ) : (
                <strong data-testid="search-total">{t('total', { count: total })}</strong>
              )}
              <span className="muted"> · {t('took', { ms: Math.max(1, Math.round(result.tookMs)) })}</span>
              {result.ranking === 'bm25-sample' && (
                <span className="muted" data-testid="search-sampled">
                  {' '}
                  · {t('sampled', { count: result.rankedAmong })}
                </span>
              )}
              <span className="muted"> · {t('keys')}</span>
              <a className="notes-link" href={routeHref('notes', [], { q: query })} data-testid="search-notes-link">
                {t('notes', { q: query })}
              </a>
              {result.hits.length > 0 && <ConcordanceExport query={query} filters={filters} />}
            </div>
            {result.hits.length === 0 && !result.more && <EmptyResult query={query} filters={filters} onClear={() => setAndClean({})} />}
            <HitGroups groups={groups} terms={result.terms} activeId={activeId} countOf={countOf} onHover={hover} onOpen={open} />
            {result.more && (
              <button onClick={() => void more()} disabled={loadingMore || stale} data-testid="search-more">
                {t('more')}
              </button>
            )}
          </div>
          {facets && (
            <Facets
              key={answerKey}
              facets={facets}
              filters={filters}
              onChange={setAndClean}
              docFilter={facetDocs.filter}
              onDocFilter={(filter) => setFacetDocs({ filter, limit: FACET_PAGE })}
              onMoreDocs={() => setFacetDocs((f) => ({ ...f, limit: Math.min(1000, f.limit + FACET_PAGE) }))}
            />
          )}
        </div>
      )}
    </div>
  );
}
