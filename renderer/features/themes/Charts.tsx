import { HeatmapChart } from 'echarts/charts';
import { clauseLabel } from '../../../shared/domain/labels';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeFilter as AttributeFilterValue } from '../../../shared/api/methods/attributes';
import type { Output } from '../../../shared/api/contract';
import type { ClauseRef } from '../../../shared/api/methods/themes';
import { useLoad } from '../../api/ApiProvider';
import { currentCoderId, ensureCoder, useThemesState } from './store';
import { routeHref } from '../../app/router';
import { AttributeFilter } from '../attributes/AttributeFilter';
import { themeName } from './ThemeSelect';
import { instrumentClasses } from '../../../shared/domain/vocabulary';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

interface Grid {
  rows: Array<{ id: string; label: string }>;
  /** `title`: the full name when the label is shortened (a document's title). */
  cols: Array<{ id: string; label: string; title?: string }>;
  /** `value`/`shown`: what the cell shows when it is not the count (a share in %). */
  cells: Array<{ row: string; col: string; count: number; clauses: ClauseRef[]; value?: number; shown?: string }>;
}

/** A heatmap (ECharts) with the same numbers as a table of buttons below: keyboard reachable and readable by tests. */
function HeatGrid({ grid, testId, onPick }: { grid: Grid; testId: string; onPick: (row: string, col: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  // One lookup per cell, not a scan of all cells per cell: themes × thousands of documents is 10^5 cells.
  const cellAt = useMemo(() => new Map(grid.cells.map((c) => [`${c.row}\u0000${c.col}`, c])), [grid]);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const colAt = new Map(grid.cols.map((c, i) => [c.id, i]));
    const rowAt = new Map(grid.rows.map((r, i) => [r.id, i]));
    const max = Math.max(1, ...grid.cells.map((c) => c.value ?? c.count));
    chart.setOption({
      tooltip: { position: 'top' },
      grid: { left: 160, right: 20, top: 10, bottom: 60 },
      // Every column named, shortened to its width (documents have long titles).
      xAxis: {
        type: 'category',
        data: grid.cols.map((c) => c.label),
        splitArea: { show: true },
        axisLabel: { interval: 0, overflow: 'truncate', width: Math.max(50, ((ref.current.clientWidth || 800) - 180) / Math.max(1, grid.cols.length) - 8) },
      },
      yAxis: { type: 'category', data: grid.rows.map((r) => r.label), splitArea: { show: true }, inverse: true },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f4f6fb', '#2f5aa8'] } },
      series: [
        {
          type: 'heatmap',
          data: grid.cells.filter((c) => colAt.has(c.col) && rowAt.has(c.row)).map((c) => [colAt.get(c.col)!, rowAt.get(c.row)!, c.value ?? c.count]),
          label: {
            show: true,
            formatter: (p: { data: number[] }) => cellAt.get(`${grid.rows[p.data[1]]?.id}\u0000${grid.cols[p.data[0]]?.id}`)?.shown ?? String(p.data[2]),
          },
        },
      ],
    });
    chart.on('click', (p) => {
      const [x, y] = (p.data as number[]) ?? [];
      if (grid.cols[x] && grid.rows[y]) pick.current(grid.rows[y].id, grid.cols[x].id);
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [grid, cellAt]);
  const count = (r: string, c: string) => cellAt.get(`${r}\u0000${c}`)?.count ?? 0;
  const shown = (r: string, c: string) => cellAt.get(`${r}\u0000${c}`)?.shown ?? String(count(r, c));
  return (
    <>
      <div ref={ref} className="heat-chart" style={{ height: Math.max(240, grid.rows.length * 28 + 90) }} aria-hidden />
      <table className="grid heat-table" data-testid={testId}>
        <thead>
          <tr>
            <th />
            {grid.cols.map((c) => (
              <th key={c.id} data-testid="heat-col" title={c.title}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              {grid.cols.map((c) => (
                <td key={c.id} className="num">
                  {count(r.id, c.id) ? (
                    <button type="button" data-testid={`cell-${r.id}-${c.id}`} data-count={count(r.id, c.id)} onClick={() => onPick(r.id, c.id)}>
                      {shown(r.id, c.id)}
                    </button>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ClauseList({ title, clauses }: { title: string; clauses: ClauseRef[] }) {
  return (
    <section className="cell-clauses" data-testid="cell-clauses">
      <h3>{title}</h3>
      <ul>
        {clauses.map((c) => (
          <li key={c.clauseId}>
            <a href={routeHref('reader', [c.docId], { clause: c.clauseId })}>
              {c.city ?? '—'} · {c.path ? clauseLabel(c.path, c.partTitle) : c.title}
            </a>{' '}
            <span className="muted">{c.snippet}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ModeSwitch({ mode, onChange }: { mode: 'coded' | 'suggested'; onChange: (m: 'coded' | 'suggested') => void }) {
  const { t } = useTranslation('themes');
  return (
    <div className="toolbar" role="radiogroup" aria-label={t('show')}>
      {(['coded', 'suggested'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="heat-mode" data-testid={`mode-${m}`} checked={mode === m} onChange={() => onChange(m)} /> {t(`mode.${m}`)}
        </label>
      ))}
    </div>
  );
}

/** Columns (cities or documents) and values (counts or shares) of the heatmap. */
function HeatOptions({
  by,
  measure,
  onBy,
  onMeasure,
}: {
  by: 'city' | 'document';
  measure: 'count' | 'share';
  onBy: (b: 'city' | 'document') => void;
  onMeasure: (m: 'count' | 'share') => void;
}) {
  const { t } = useTranslation('themes');
  return (
    <div className="toolbar heat-options">
      <span role="radiogroup" aria-label={t('heatBy.label')}>
        {t('heatBy.label')}:
        {(['city', 'document'] as const).map((b) => (
          <label key={b}>
            <input type="radio" name="heat-by" data-testid={`heat-by-${b}`} checked={by === b} onChange={() => onBy(b)} /> {t(`heatBy.${b}`)}
          </label>
        ))}
      </span>
      <span role="radiogroup" aria-label={t('heatMeasure.label')}>
        {t('heatMeasure.label')}:
        {(['count', 'share'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="heat-measure" data-testid={`heat-measure-${m}`} checked={measure === m} onChange={() => onMeasure(m)} />{' '}
            {t(`heatMeasure.${m}`)}
          </label>
        ))}
      </span>
    </div>
  );
}

const shortTitle = (s: string, n = 12) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

/** Columns shown at once: by document a corpus has thousands; the rest are a filter or a page away. */
const HEAT_COLS = 20;

export function HeatmapView() {
  const { t } = useTranslation('themes');
  const [mode, setMode] = useState<'coded' | 'suggested'>('suggested');
  const [by, setBy] = useState<'city' | 'document'>('city');
  const [measure, setMeasure] = useState<'count' | 'share'>('count');
  const [attributes, setAttributes] = useState<AttributeFilterValue | undefined>(undefined);
  // A coder sees their own codings counted (blind); the lead the consensus.
  const { coderId } = useThemesState();
  const data = useLoad(
    async (api) => {
      await ensureCoder(api);
      return { heat: await api['themes.heatmap']({ mode, by, attributes, coderId: currentCoderId() }), book: await api['themes.codebook']({}) };
    },
    [mode, by, JSON.stringify(attributes), coderId],
    ['themes', 'documents', 'attributes'],
  );
  return (
    <section>
      <div className="toolbar">
        <ModeSwitch mode={mode} onChange={setMode} />
        <AttributeFilter value={attributes} onChange={setAttributes} testId="heatmap-attr-filter" />
      </div>
      <HeatOptions by={by} measure={measure} onBy={setBy} onMeasure={setMeasure} />
      {measure === 'share' && <p className="muted">{t('heatShareHint')}</p>}
      {data.data ? <HeatmapBody key={by} data={data.data} measure={measure} /> : <p className="muted">{t('app:loading')}</p>}
    </section>
  );
}

type HeatData = { heat: Output<'themes.heatmap'>; book: Output<'themes.codebook'> };

function HeatmapBody({ data: { heat, book }, measure }: { data: HeatData; measure: 'count' | 'share' }) {
  const { t, i18n } = useTranslation('themes');
  const [picked, setPicked] = useState<{ row: string; col: string } | null>(null);
  const [colFilter, setColFilter] = useState('');
  const [page, setPage] = useState(0);
  const grid = useMemo<Grid>(() => {
    const size = new Map(heat.columns.map((c) => [c.key, c.clauses]));
    const pct = (count: number, col: string) => (size.get(col) ? (100 * count) / size.get(col)! : 0);
    const themes = new Map(book.themes.map((th) => [th.id, th]));
    return {
      rows: heat.themes.map((id) => {
        const th = themes.get(id);
        return { id, label: th ? themeName(th, i18n.language) : id };
      }),
      cols: heat.columns.map((c) =>
        c.docId == null
          ? { id: c.key, label: c.city, title: t('heatColumnClauses', { count: c.clauses }) }
          : {
              id: c.key,
              label: `${c.city}${c.year ? ` ${c.year}` : ''} · ${shortTitle(c.title ?? `#${c.docId}`)}`,
              title: `${c.title ?? ''} (${t('heatColumnClauses', { count: c.clauses })})`,
            },
      ),
      cells: heat.cells.map((c) => ({
        row: c.themeId,
        col: c.column,
        count: c.count,
        clauses: c.clauses,
        ...(measure === 'share'
          ? { value: Math.round(pct(c.count, c.column) * 10) / 10, shown: `${(Math.round(pct(c.count, c.column) * 10) / 10).toFixed(1)}%` }
          : {}),
      })),
    };
  }, [heat, book, measure, i18n.language, t]);
  // The page of columns in view (all of them when they fit), narrowed by the typed filter.
  const paged = useMemo(() => {
    const words = colFilter.toLowerCase().split(/\s+/u).filter(Boolean);
    const matching = words.length ? grid.cols.filter((c) => words.every((w) => `${c.label} ${c.title ?? ''}`.toLowerCase().includes(w))) : grid.cols;
    const pages = Math.max(1, Math.ceil(matching.length / HEAT_COLS));
    const at = Math.min(page, pages - 1);
    const cols = matching.slice(at * HEAT_COLS, (at + 1) * HEAT_COLS);
    if (cols.length === grid.cols.length) return { grid, matching: matching.length, pages, at };
    const keep = new Set(cols.map((c) => c.id));
    return { grid: { ...grid, cols, cells: grid.cells.filter((c) => keep.has(c.col)) }, matching: matching.length, pages, at };
  }, [grid, colFilter, page]);
  const cell = picked && grid.cells.find((c) => c.row === picked.row && c.col === picked.col);
  const where = cell && grid.cols.find((c) => c.id === cell.col);
  return (
    <>
      {grid.cols.length > HEAT_COLS && (
        <div className="toolbar heat-columns" data-testid="heat-columns">
          <input
            type="search"
            value={colFilter}
            placeholder={t('heatFilter')}
            aria-label={t('heatFilter')}
            data-testid="heat-filter"
            onChange={(e) => {
              setColFilter(e.target.value);
              setPage(0);
            }}
          />
          <button type="button" disabled={paged.at === 0} onClick={() => setPage(paged.at - 1)} data-testid="heat-prev" aria-label={t('heatPrev')}>
            ‹
          </button>
          <span className="muted" data-testid="heat-page">
            {t('heatPage', {
              from: paged.matching ? paged.at * HEAT_COLS + 1 : 0,
              to: Math.min(paged.matching, (paged.at + 1) * HEAT_COLS),
              total: paged.matching,
            })}
          </span>
          <button type="button" disabled={paged.at >= paged.pages - 1} onClick={() => setPage(paged.at + 1)} data-testid="heat-next" aria-label={t('heatNext')}>
            ›
          </button>
        </div>
      )}
      <HeatGrid grid={paged.grid} testId="heatmap-table" onPick={(row, col) => setPicked({ row, col })} />
      {cell ? (
        <ClauseList
          title={t('cellClauses', {
            theme: grid.rows.find((r) => r.id === cell.row)?.label,
            where: where?.title && where.id.startsWith('doc:') ? where.title : where?.label,
            count: cell.count,
          })}
          clauses={cell.clauses}
        />
      ) : (
        <p className="muted">{t('clickCell')}</p>
      )}
    </>
  );
}

export function MatrixView() {
  const { t, i18n } = useTranslation('themes');
  const [mode, setMode] = useState<'coded' | 'suggested'>('suggested');
  const [picked, setPicked] = useState<{ row: string; col: string } | null>(null);
  const data = useLoad(async (api) => ({ m: await api['themes.matrix']({ mode }), book: await api['themes.codebook']({}) }), [mode], ['themes', 'documents']);
  if (!data.data) return <p className="muted">{t('app:loading')}</p>;
  const { m, book } = data.data;
  const grid: Grid = {
    rows: book.themes.map((th) => ({ id: th.id, label: themeName(th, i18n.language) })),
    cols: instrumentClasses.map((c) => ({ id: c, label: t(`instruments.${c}`) })),
    cells: m.cells.map((c) => ({ row: c.themeId, col: c.instrument, count: c.count, clauses: c.clauses })),
  };
  const cell = picked && grid.cells.find((c) => c.row === picked.row && c.col === picked.col);
  return (
    <section>
      <ModeSwitch mode={mode} onChange={setMode} />
      <HeatGrid grid={grid} testId="matrix-table" onPick={(row, col) => setPicked({ row, col })} />
      {cell ? (
        <ClauseList
          title={t('cellClauses', {
            theme: grid.rows.find((r) => r.id === cell.row)?.label,
            where: grid.cols.find((c) => c.id === cell.col)?.label,
            count: cell.count,
          })}
          clauses={cell.clauses}
        />
      ) : (
        <p className="muted">{t('clickCell')}</p>
      )}
    </section>
  );
}
