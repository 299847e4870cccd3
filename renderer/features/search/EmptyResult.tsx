import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../shared/api/methods/search';
import { useApi } from '../../api/ApiProvider';

type FilterKey = Exclude<keyof SearchFilters, 'themeMode'>;

/**
 * An empty result never reads as if the query failed: without filters it says no clause contains
 * the words; with filters it says how many clauses contain them and, per filter, how many would
 * be found without it — so the researcher sees which filter excluded what.
 */
export function EmptyResult({ query, filters, onClear }: { query: string; filters: SearchFilters; onClear: () => void }) {
  const { t } = useTranslation('search');
  const api = useApi();
  const keys = (Object.keys(filters) as Array<keyof SearchFilters>).filter((k): k is FilterKey => k !== 'themeMode');
  const key = JSON.stringify([query, filters]);
  const [counts, setCounts] = useState<{ key: string; all: number; without: Array<{ filter: FilterKey; count: number }> } | null>(null);
  useEffect(() => {
    if (!keys.length) return;
    let live = true;
    const without = (k: FilterKey) => {
      const f: SearchFilters = { ...filters, [k]: undefined };
      if (k === 'themeIds') delete f.themeMode;
      return api['search.count']({ query, filters: f }).then((c) => ({ filter: k, count: c.total }));
    };
    void Promise.all([api['search.count']({ query, filters: {} }), ...keys.map(without)]).then(
      ([all, ...rest]) => {
        if (live) setCounts({ key, all: all.total, without: rest });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!keys.length)
    return (
      <p className="muted" data-testid="search-none">
        {t('none', { q: query })}
      </p>
    );
  const c = counts?.key === key ? counts : null;
  const mode = t(`filters.themeModes.${filters.themeMode ?? 'both'}`);
  return (
    <div className="search-none" data-testid="search-none">
      {c && <p className="muted">{c.all > 0 ? t('noneFiltered', { q: query, count: c.all }) : t('noneFilteredZero', { q: query })}</p>}
      {c && c.all > 0 && (
        <ul data-testid="search-excluded">
          {c.without
            .filter((w) => w.count > 0)
            .map((w) => (
              <li key={w.filter}>{t('excludedBy', { filter: t(`filterNames.${w.filter}`, { mode }), count: w.count })}</li>
            ))}
        </ul>
      )}
      <button type="button" className="link" onClick={onClear}>
        {t('filters.clear')}
      </button>
    </div>
  );
}
