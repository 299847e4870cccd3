import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFacets, SearchFilters } from '../../../shared/api/methods/search';

/** Documents asked per page of the document facet; cities shown before "all cities". */
export const FACET_PAGE = 30;
const CITIES_SHOWN = 12;

/**
 * Counts per city and per document; clicking one narrows the search to it (clicking again widens).
 * A common word has hits in thousands of documents: the backend sends them a page at a time,
 * narrowed by what is typed in the facet's own filter, and the city list shows the largest first.
 */
export function Facets({
  facets,
  filters,
  onChange,
  docFilter,
  onDocFilter,
  onMoreDocs,
}: {
  facets: SearchFacets;
  filters: SearchFilters;
  onChange: (f: SearchFilters) => void;
  docFilter: string;
  onDocFilter: (q: string) => void;
  onMoreDocs: () => void;
}) {
  const { t } = useTranslation('search');
  const [allCities, setAllCities] = useState(false);
  const cityOn = (c: string) => filters.cities?.length === 1 && filters.cities[0] === c;
  const docOn = (id: number) => filters.docIds?.length === 1 && filters.docIds[0] === id;
  const cities = allCities ? facets.cities : facets.cities.slice(0, CITIES_SHOWN);
  // Once shown, the documents' filter stays (for this query): it must not vanish under the cursor
  // while a narrower answer is on its way.
  const [manyDocs, setManyDocs] = useState(false);
  if (!manyDocs && (facets.documentsTotal > FACET_PAGE || docFilter !== '')) setManyDocs(true);
  return (
    <aside className="search-facets" aria-label={t('filters.title')}>
      <h2>{t('facets.cities')}</h2>
      <ul data-testid="facet-cities">
        {cities.map((c) => (
          <li key={c.city ?? ''}>
            {c.city ? (
              <button
                className={`link ${cityOn(c.city) ? 'on' : ''}`}
                aria-pressed={cityOn(c.city)}
                data-testid="facet-city"
                onClick={() => onChange({ ...filters, cities: cityOn(c.city!) ? undefined : [c.city!] })}
              >
                {c.city}
              </button>
            ) : (
              <span className="muted">{t('unknownCity')}</span>
            )}
            <span className="count">{c.count}</span>
          </li>
        ))}
      </ul>
      {facets.cities.length > CITIES_SHOWN && (
        <button type="button" className="link facet-more" data-testid="facet-cities-all" aria-expanded={allCities} onClick={() => setAllCities((a) => !a)}>
          {allCities ? t('facets.fewerCities') : t('facets.allCities', { count: facets.cities.length })}
        </button>
      )}
      <h2>
        {t('facets.documents')}{' '}
        {manyDocs && (
          <span className="muted" data-testid="facet-documents-total">
            ({facets.documentsTotal})
          </span>
        )}
      </h2>
      {manyDocs && (
        <input
          type="search"
          className="facet-filter"
          value={docFilter}
          placeholder={t('facets.filterDocuments')}
          aria-label={t('facets.filterDocuments')}
          data-testid="facet-documents-filter"
          onChange={(e) => onDocFilter(e.target.value)}
        />
      )}
      <ul data-testid="facet-documents">
        {facets.documents.map((d) => (
          <li key={d.docId}>
            <button
              className={`link ${docOn(d.docId) ? 'on' : ''}`}
              aria-pressed={docOn(d.docId)}
              title={d.title ?? ''}
              data-testid="facet-document"
              onClick={() => onChange({ ...filters, docIds: docOn(d.docId) ? undefined : [d.docId] })}
            >
              {d.city ?? '—'} · {d.title ?? d.docId}
            </button>
            <span className="count">{d.count}</span>
          </li>
        ))}
      </ul>
      {facets.documents.length < facets.documentsTotal && facets.documents.length < 1000 && (
        <button type="button" className="link facet-more" data-testid="facet-documents-more" onClick={onMoreDocs}>
          {t('facets.moreDocuments', { shown: facets.documents.length, total: facets.documentsTotal })}
        </button>
      )}
    </aside>
  );
}
