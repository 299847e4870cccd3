import { useTranslation } from 'react-i18next';
import type { Coverage, CoverageCell } from '../../../shared/domain/align/rows';

interface Props {
  coverage: Coverage;
  /** Short names of the documents, in column order. */
  names: string[];
  themeName: (id: string) => string;
}

/**
 * The coverage summary: a compact heat table, one line per theme, one column per document. A
 * cell holds the document's number of measures on the theme and, per other document, a bar with
 * the share that has a counterpart there; a document without any measure on a theme shows an
 * empty, marked cell, which is what a reader scans for ("Wenzhou has nothing on talent").
 */
export function CoverageSummary({ coverage, names, themeName }: Props) {
  const { t } = useTranslation('compare');
  const line = (label: string, cells: CoverageCell[], key: string, strong = false) => (
    <tr key={key} data-testid="coverage-row" data-theme={key}>
      <th scope="row" className={strong ? 'coverage-all' : undefined}>
        {label}
      </th>
      {cells.map((c, k) => (
        <td
          key={k}
          className={c.total ? 'coverage-cell' : 'coverage-cell coverage-none'}
          data-testid="coverage-cell"
          title={c.total ? undefined : t('coverageNoneTitle', { doc: names[k], theme: label })}
        >
          {c.total === 0 ? (
            <span className="coverage-empty">{t('coverageNone')}</span>
          ) : (
            <>
              <span className="coverage-count">{t('coverageMeasures', { count: c.total })}</span>
              {c.matched.map((m, o) =>
                m == null ? null : (
                  <span key={o} className="coverage-bar" title={t('coverageCell', { matched: m, total: c.total, other: names[o] })} data-testid="coverage-bar">
                    {names.length > 2 && <span className="coverage-other">{names[o]}</span>}
                    <span className="bar">
                      <span style={{ width: `${Math.round((100 * m) / c.total)}%`, background: heat(m / c.total) }} />
                    </span>
                    <span className="coverage-pct">{Math.round((100 * m) / c.total)}%</span>
                  </span>
                ),
              )}
            </>
          )}
        </td>
      ))}
    </tr>
  );
  return (
    <details className={`coverage${names.length > 2 ? ' coverage-many' : ''}`} data-testid="coverage" open>
      <summary title={t('coverageHint')}>
        <strong>{t('coverage')}</strong> <span className="muted">{t('coverageShort')}</span>
      </summary>
      <div className="coverage-scroll">
        <table className="coverage-table">
          <thead>
            <tr>
              <th />
              {names.map((n, k) => (
                <th key={k} scope="col">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {line(t('coverageAll'), coverage.all, '', true)}
            {coverage.themes.map((x) => line(themeName(x.theme), x.columns, x.theme))}
          </tbody>
        </table>
        {!coverage.themes.length && <p className="muted">{t('coverageNoThemes')}</p>}
      </div>
    </details>
  );
}

/** Low shares warm, high shares cool: the gaps stand out without reading the numbers. */
function heat(share: number): string {
  const hue = Math.round(20 + 180 * share);
  return `hsl(${hue} 60% 48%)`;
}
