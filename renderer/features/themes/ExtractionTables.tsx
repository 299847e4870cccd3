import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/ApiProvider';
import { routeHref } from '../../app/router';

function CityFilter({ cities, value, onChange }: { cities: string[]; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('themes');
  return (
    <select aria-label={t('city')} data-testid="city-filter" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('filterCity')}</option>
      {cities.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

/** Rows narrowed to one city (all when none is picked), and the cities to pick from. */
function useCityFilter<R extends { city: string | null }>(rows: R[]) {
  const [city, setCity] = useState('');
  const cities = [...new Set(rows.map((r) => r.city ?? '—'))].sort();
  const shown = rows.filter((r) => !city || (r.city ?? '—') === city);
  return { city, setCity, cities, shown };
}

/** Quantitative targets per clause (metric, number, unit, year), across cities. */
export function TargetsTable() {
  const { t } = useTranslation('themes');
  const data = useLoad((api) => api['extraction.targets']({}), [], ['documents']);
  const { city, setCity, cities, shown } = useCityFilter(data.data?.rows ?? []);
  return (
    <section>
      <div className="toolbar">
        <CityFilter cities={cities} value={city} onChange={setCity} />
      </div>
      {!shown.length && <p className="muted">{data.loading ? t('app:loading') : t('noData')}</p>}
      <table className="grid" data-testid="targets-table">
        <thead>
          <tr>
            <th>{t('city')}</th>
            <th>{t('clause')}</th>
            <th>{t('metric')}</th>
            <th>{t('value')}</th>
            <th>{t('unit')}</th>
            <th>{t('year')}</th>
            <th>{t('bound')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.clauseId}-${r.start}`}>
              <td>{r.city ?? '—'}</td>
              <td>
                <a href={routeHref('reader', [r.docId], { clause: r.clauseId, q: r.text })}>{r.path || '—'}</a>
              </td>
              <td>{r.metric ?? '—'}</td>
              <td className="num">{r.valueMax != null ? `${r.value}–${r.valueMax}` : r.value}</td>
              <td>{r.unit}</td>
              <td>{r.year ?? ''}</td>
              <td>{r.bound ? t(`bounds.${r.bound}`) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Lead and responsible agencies per clause, across cities. */
export function AgenciesTable() {
  const { t } = useTranslation('themes');
  const data = useLoad((api) => api['extraction.agencies']({}), [], ['documents']);
  const { city, setCity, cities, shown } = useCityFilter(data.data?.rows ?? []);
  return (
    <section>
      <div className="toolbar">
        <CityFilter cities={cities} value={city} onChange={setCity} />
      </div>
      {!shown.length && <p className="muted">{data.loading ? t('app:loading') : t('noData')}</p>}
      <table className="grid" data-testid="agencies-table">
        <thead>
          <tr>
            <th>{t('city')}</th>
            <th>{t('clause')}</th>
            <th>{t('lead')}</th>
            <th>{t('responsible')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.clauseId}>
              <td>{r.city ?? '—'}</td>
              <td>
                <a href={routeHref('reader', [r.docId], { clause: r.clauseId })}>{r.path || '—'}</a>
              </td>
              <td>{r.lead.join('、')}</td>
              <td>{r.responsible.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
