import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import type { SearchFilters } from '../../../shared/api/methods/search';
import { adminLevels } from '../../../shared/domain/vocabulary';
import { DocumentPicker } from '../../app/DocumentPicker';

export type FilterValues = Output<'documents.filterValues'>;

const collator = new Intl.Collator('zh-CN', { numeric: true });
const sorted = (xs: string[]) => [...xs].sort(collator.compare);

/**
 * One-value selects: the common case is "this city" or "that year"; the URL can carry several. The
 * values come from documents.filterValues and the document is typed down in a picker, so the bar
 * costs the same with 5,000 documents as with five.
 */
export const Filters = memo(function Filters({
  values,
  themes,
  filters,
  onChange,
}: {
  values: FilterValues;
  themes: Array<{ id: string; name: string }>;
  filters: SearchFilters;
  onChange: (f: SearchFilters) => void;
}) {
  const { t } = useTranslation('search');
  const options = useMemo(
    () => ({ cities: sorted(values.cities), provinces: sorted(values.provinces), validity: sorted(values.validity), years: values.years }),
    [values],
  );
  const one = (v: string) => (v ? [v] : undefined);
  const select = (key: string, label: string, value: string, values: Array<{ value: string; label: string }>, set: (v: string) => void) => (
    <label className="filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)} data-testid={`filter-${key}`}>
        <option value="">{t('filters.any')}</option>
        {values.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const plain = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));
  const active = Object.keys(filters).length > 0;
  return (
    <div className="search-filters toolbar" role="group" aria-label={t('filters.title')}>
      {select('city', t('filters.city'), filters.cities?.[0] ?? '', plain(options.cities), (v) => onChange({ ...filters, cities: one(v) }))}
      {select('province', t('filters.province'), filters.provinces?.[0] ?? '', plain(options.provinces), (v) => onChange({ ...filters, provinces: one(v) }))}
      {select(
        'level',
        t('filters.level'),
        filters.levels?.[0] ?? '',
        adminLevels.map((l) => ({ value: l, label: t(`filters.levels.${l}`) })),
        (v) => onChange({ ...filters, levels: v ? [v as 'city'] : undefined }),
      )}
      {select('validity', t('filters.validity'), filters.validity?.[0] ?? '', plain(options.validity), (v) => onChange({ ...filters, validity: one(v) }))}
      {select('from', t('filters.yearFrom'), filters.yearFrom?.toString() ?? '', plain(options.years.map(String)), (v) =>
        onChange({ ...filters, yearFrom: v ? Number(v) : undefined }),
      )}
      {select('to', t('filters.yearTo'), filters.yearTo?.toString() ?? '', plain(options.years.map(String)), (v) =>
        onChange({ ...filters, yearTo: v ? Number(v) : undefined }),
      )}
      <label className="filter">
        <span>{t('filters.document')}</span>
        <DocumentPicker
          testId="filter-document"
          label={t('filters.document')}
          placeholder={t('filters.anyDocument')}
          value={filters.docIds?.[0] ?? null}
          onPick={(d) => onChange({ ...filters, docIds: [d.id] })}
          onClear={() => onChange({ ...filters, docIds: undefined })}
        />
      </label>
      {themes.length > 0 &&
        select(
          'theme',
          t('filters.theme'),
          filters.themeIds?.[0] ?? '',
          themes.map((x) => ({ value: x.id, label: x.name })),
          (v) => onChange({ ...filters, themeIds: one(v), themeMode: v ? filters.themeMode : undefined }),
        )}
      {filters.themeIds?.length ? (
        <label className="filter">
          <span>{t('filters.themeMode')}</span>
          <select
            value={filters.themeMode ?? 'both'}
            data-testid="filter-theme-mode"
            onChange={(e) => onChange({ ...filters, themeMode: e.target.value === 'both' ? undefined : (e.target.value as 'coded' | 'suggested') })}
          >
            {(['both', 'coded', 'suggested'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`filters.themeModes.${m}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {active && (
        <button className="link" onClick={() => onChange({})} data-testid="filter-clear">
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
});
