import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Api } from '../../../shared/api/contract';
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

/** A row of an extraction table: something found in one clause of a document of a city. */
interface ExtractedRow {
  city: string | null;
  docId: number;
  clauseId: number;
  path: string;
}

/**
 * Clauses across cities, narrowed to one city: the city and the clause (a link that opens it in
 * the Reader) first, then what was extracted from it. Loaded again when the documents change.
 */
function ClausesByCity<R extends ExtractedRow>({
  testId,
  load,
  columns,
  rowKey,
  highlight,
  cells,
}: {
  testId: string;
  load: (api: Api) => Promise<{ rows: R[] }>;
  /** Headers of the columns after city and clause: keys of the themes catalogue. */
  columns: string[];
  rowKey: (r: R) => string | number;
  /** Text the Reader highlights in the clause, if any. */
  highlight?: (r: R) => string;
  /** The cells of those columns (`t`: the themes catalogue). */
  cells: (r: R, t: TFunction) => ReactNode;
}) {
  const { t } = useTranslation('themes');
  const data = useLoad(load, [], ['documents']);
  const { city, setCity, cities, shown } = useCityFilter(data.data?.rows ?? []);
  return (
    <section>
      <div className="toolbar">
        <CityFilter cities={cities} value={city} onChange={setCity} />
      </div>
      {!shown.length && <p className="muted">{data.loading ? t('app:loading') : t('noData')}</p>}
      <table className="grid" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('city')}</th>
            <th>{t('clause')}</th>
            {columns.map((c) => (
              <th key={c}>{t(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={rowKey(r)}>
              <td>{r.city ?? '—'}</td>
              <td>
                <a href={routeHref('reader', [r.docId], { clause: r.clauseId, q: highlight?.(r) })}>{r.path || '—'}</a>
              </td>
              {cells(r, t)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Quantitative targets per clause (metric, number, unit, year), across cities. */
export function TargetsTable() {
  return (
    <ClausesByCity
      testId="targets-table"
      load={(api) => api['extraction.targets']({})}
      columns={['metric', 'value', 'unit', 'year', 'bound']}
      rowKey={(r) => `${r.clauseId}-${r.start}`}
      highlight={(r) => r.text}
      cells={(r, t) => (
        <>
          <td>{r.metric ?? '—'}</td>
          <td className="num">{r.valueMax != null ? `${r.value}–${r.valueMax}` : r.value}</td>
          <td>{r.unit}</td>
          <td>{r.year ?? ''}</td>
          <td>{r.bound ? t(`bounds.${r.bound}`) : ''}</td>
        </>
      )}
    />
  );
}

/** Lead and responsible agencies per clause, across cities. */
export function AgenciesTable() {
  return (
    <ClausesByCity
      testId="agencies-table"
      load={(api) => api['extraction.agencies']({})}
      columns={['lead', 'responsible']}
      rowKey={(r) => r.clauseId}
      cells={(r) => (
        <>
          <td>{r.lead.join('、')}</td>
          <td>{r.responsible.join('、')}</td>
        </>
      )}
    />
  );
}
