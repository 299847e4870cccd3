import { useTranslation } from 'react-i18next';
import type { SearchFacets, SearchFilters } from '../../../shared/api/methods/search';

/** Counts per city and per document; clicking one narrows the search to it (clicking again widens). */
export function Facets({ facets, filters, onChange }: { facets: SearchFacets; filters: SearchFilters; onChange: (f: SearchFilters) => void }) {
  const { t } = useTranslation('search');
  const cityOn = (c: string) => filters.cities?.length === 1 && filters.cities[0] === c;
  const docOn = (id: number) => filters.docIds?.length === 1 && filters.docIds[0] === id;
  return (
    <aside className="search-facets" aria-label={t('filters.title')}>
      <h2>{t('facets.cities')}</h2>
      <ul data-testid="facet-cities">
        {facets.cities.map((c) => (
          <li key={c.city ?? ''}>
            {c.city ? (
              <button className={`link ${cityOn(c.city) ? 'on' : ''}`} aria-pressed={cityOn(c.city)} data-testid="facet-city"
                onClick={() => onChange({ ...filters, cities: cityOn(c.city!) ? undefined : [c.city!] })}>
                {c.city}
              </button>
            ) : <span className="muted">{t('unknownCity')}</span>}
            <span className="count">{c.count}</span>
          </li>
        ))}
      </ul>
      <h2>{t('facets.documents')}</h2>
      <ul data-testid="facet-documents">
        {facets.documents.map((d) => (
          <li key={d.docId}>
            <button className={`link ${docOn(d.docId) ? 'on' : ''}`} aria-pressed={docOn(d.docId)} title={d.title ?? ''}
              onClick={() => onChange({ ...filters, docIds: docOn(d.docId) ? undefined : [d.docId] })}>
              {d.city ?? '—'} · {d.title ?? d.docId}
            </button>
            <span className="count">{d.count}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
