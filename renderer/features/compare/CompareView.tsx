import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnotationEditor } from '../notes/AnnotationEditor';
import { useDocumentThemes } from '../themes/embed';
import { RowDetails } from './RowDetails';
import type { AlignmentLink, CompareClause } from '../../../shared/api/methods/compare';
import { alignedRows, type AlignedRow } from '../../../shared/domain/align/rows';
import { diffRow } from '../../../shared/domain/diff';
import { clauseLabel } from '../../../shared/domain/labels';
import { useApi, useLoad } from '../../api/ApiProvider';
import { runCommand, useCommand } from '../../app/commands';
import { CrossIcon, PairIcon } from '../../app/icons';
import { routeHref } from '../../app/router';
import { CellText } from './CellText';
import { reasonText } from './reasons';
import { useRowThemes } from './useRowThemes';

type StatusFilter = 'all' | 'confirmed' | 'suggested' | 'unmatched' | 'rejected';

/** The side-by-side view: one column per document, one row per group of aligned clauses. */
export function CompareView({ id, focusClause }: { id: number; focusClause: number | null }) {
  const { t, i18n } = useTranslation('compare');
  const api = useApi();
  const view = useLoad((a) => a['compare.view']({ id }), [id], ['compare', 'documents']);
  const data = view.data;
  const themes = useRowThemes(data?.columns.map((c) => c.docId) ?? []);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [showNotes, setShowNotes] = useState(false);
  useDocumentThemes(data?.columns.map((c) => c.docId) ?? []);
  const [theme, setTheme] = useState('');
  const [minScore, setMinScore] = useState(0);
  const [active, setActive] = useState(0);
  const [pick, setPick] = useState<{ clause: CompareClause; column: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const clauseById = useMemo(() => new Map(data?.columns.flatMap((c, k) => c.clauses.map((cl) => [cl.id, { clause: cl, column: k }] as const)) ?? []), [data]);
  const rows = useMemo(() => {
    if (!data) return [];
    const columns = data.columns.map((c) => c.clauses.filter((cl) => cl.alignable).map((cl) => cl.id));
    return alignedRows(columns, data.links);
  }, [data]);
  const rejectedOf = useMemo(() => {
    const m = new Map<number, AlignmentLink[]>();
    for (const l of data?.links ?? []) if (l.status === 'rejected') for (const c of [l.a, l.b]) m.set(c, [...(m.get(c) ?? []), l]);
    return m;
  }, [data]);

  const visible = useMemo(
    () =>
      rows.filter((r) => {
        const ids = r.cells.flat();
        if (status === 'rejected' ? !ids.some((c) => rejectedOf.has(c)) : status !== 'all' && r.status !== status) return false;
        if (minScore > 0 && (r.score ?? 0) < minScore) return false;
        if (theme && themes.data && !ids.some((c) => themes.data!.byClause.get(c)?.includes(theme))) return false;
        return true;
      }),
    [rows, status, minScore, theme, themes.data, rejectedOf],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scroller.current, estimateSize: () => 140, overscan: 6 });

  // Open on the row of the clause named in the route (from "where else").
  useEffect(() => {
    if (!focusClause || !visible.length) return;
    const k = visible.findIndex((r) => r.cells.flat().includes(focusClause));
    if (k >= 0) {
      setActive(k);
      virtualizer.scrollToIndex(k, { align: 'start' });
    }
  }, [focusClause, visible.length]); // eslint-disable-line react-hooks/exhaustive-deps

  const decide = useCallback(async (a: number, b: number, s: 'confirmed' | 'rejected' | 'unlink') => {
    try {
      if (s === 'unlink') await api['compare.unlink']({ a, b });
      else await api['compare.decide']({ a, b, status: s });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api]);

  const decideRow = (row: AlignedRow | undefined, s: 'confirmed' | 'rejected') => {
    for (const l of row?.links ?? []) if (l.status === 'suggested') void decide(l.a, l.b, s);
  };

  // j/k/c/r/Escape are the registry's commands: the one global handler runs them, and never while
  // focus is in a text field or the note editor (typing "Check" there is text, not four commands).
  const go = (k: number) => {
    const n = Math.max(0, Math.min(visible.length - 1, k));
    setActive(n);
    virtualizer.scrollToIndex(n);
  };
  useCommand('compare.nextRow', () => go(active + 1));
  useCommand('compare.previousRow', () => go(active - 1));
  useCommand('compare.confirmRow', () => decideRow(visible[active], 'confirmed'));
  useCommand('compare.rejectRow', () => decideRow(visible[active], 'rejected'));
  useCommand('compare.cancelPick', () => setPick(null));

  async function linkTo(target: CompareClause, column: number, source = pick) {
    if (!source || source.column === column) return;
    const [a, b] = source.column < column ? [source.clause.id, target.id] : [target.id, source.clause.id];
    setPick(null);
    await decide(a, b, 'confirmed');
  }

  if (view.error) return <div className="page"><p className="error" role="alert">{view.error.message}</p></div>;
  if (!data) return <div className="page"><p className="muted">{t('loading')}</p></div>;
  const gridColumns = { gridTemplateColumns: `repeat(${data.columns.length}, minmax(220px, 1fr))` };
  const lang = i18n.language;

  return (
    <div className="page compare-view" data-testid="compare-view" tabIndex={0}>
      <header className="page-header">
        <h1 data-testid="comparison-title">{data.name}</h1>
        <span className="muted">{t('rows', { count: visible.length })}</span>
        <span className="muted compare-keys">{t('keyboard')}</span>
        <button data-testid="comparison-notes-toggle" aria-expanded={showNotes} onClick={() => setShowNotes((x) => !x)}>{t('comparisonNotes')}</button>
        <button data-testid="compare-export" onClick={() => runCommand('app.export', { comparisonId: id })}>
          {t('export')}
        </button>
      </header>
      <div className="toolbar compare-filters">
        <label>{t('filterStatus')}{' '}
          <select data-testid="filter-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="all">{t('all')}</option>
            <option value="suggested">{t('statusSuggested')}</option>
            <option value="confirmed">{t('statusConfirmed')}</option>
            <option value="unmatched">{t('statusUnmatched')}</option>
            <option value="rejected">{t('statusRejected')}</option>
          </select>
        </label>
        {themes.data && (
          <label>{t('filterTheme')}{' '}
            <select data-testid="filter-theme" value={theme} onChange={(e) => setTheme(e.target.value)}>
              <option value="">{t('anyTheme')}</option>
              {themes.data.themes.map((x) => <option key={x.id} value={x.id}>{lang.startsWith('zh') ? x.nameZh : x.nameEn}</option>)}
            </select>
          </label>
        )}
        <label>{t('minScore')}{' '}
          <input data-testid="filter-score" type="range" min={0} max={0.6} step={0.05} value={minScore} onChange={(e) => setMinScore(Number(e.target.value))} />
          <output>{minScore.toFixed(2)}</output>
        </label>
      </div>
      {showNotes && (
        <section className="comparison-notes" data-testid="comparison-notes" aria-label={t('comparisonNotes')}>
          <AnnotationEditor target={{ kind: 'comparison', comparisonId: id }} />
        </section>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {pick && (
        <p className="compare-pick" role="status">{t('pickTarget', { path: clauseLabel(pick.clause.path, pick.clause.part) })} <button type="button" onClick={() => setPick(null)}>{t('cancelPick')}</button></p>
      )}
      <div className="compare-columns-header" style={gridColumns}>
        {data.columns.map((c) => (
          <div key={`${c.docId}:${c.partIndex}`} className="compare-column-title" data-testid="compare-column">
            <strong>{[c.city, c.year].filter(Boolean).join(' ')}</strong> <a href={routeHref('reader', [c.docId])}>{c.title}</a>
          </div>
        ))}
      </div>
      <div className="compare-rows" ref={scroller} data-testid="compare-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = visible[v.index];
            return (
              <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className={`compare-row row-${row.status}${v.index === active ? ' active' : ''}`}
                data-testid="compare-row" data-status={row.status} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
                onClick={() => setActive(v.index)}>
                <Row row={row} clauseById={clauseById} rejectedOf={rejectedOf} gridColumns={gridColumns} pick={pick} setPick={setPick} linkTo={linkTo} decide={decide} lang={lang} />
                {v.index === active && (
                  <RowDetails row={row} comparisonId={id} docOf={(c) => data.columns[clauseById.get(c)!.column].docId} pathOf={(c) => { const cl = clauseById.get(c)?.clause; return cl ? clauseLabel(cl.path, cl.part) : String(c); }} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: AlignedRow;
  clauseById: Map<number, { clause: CompareClause; column: number }>;
  rejectedOf: Map<number, AlignmentLink[]>;
  gridColumns: React.CSSProperties;
  pick: { clause: CompareClause; column: number } | null;
  setPick: (p: { clause: CompareClause; column: number } | null) => void;
  linkTo: (target: CompareClause, column: number, source?: { clause: CompareClause; column: number } | null) => Promise<void>;
  decide: (a: number, b: number, s: 'confirmed' | 'rejected' | 'unlink') => Promise<void>;
  lang: string;
}

function Row({ row, clauseById, rejectedOf, gridColumns, pick, setPick, linkTo, decide, lang }: RowProps) {
  const { t } = useTranslation('compare');
  const texts = row.cells.map((ids) => ids.map((id) => clauseById.get(id)?.clause.text ?? '').join('\n'));
  const filled = texts.map((x, k) => ({ x, k })).filter((c) => row.cells[c.k].length > 0);
  const diffs = useMemo(() => diffRow(filled.map((c) => c.x)), [texts.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps
  const pathOf = (id: number) => { const cl = clauseById.get(id)?.clause; return cl ? clauseLabel(cl.path, cl.part) : String(id); };
  return (
    <>
      <div className="compare-cells" style={gridColumns}>
        {row.cells.map((ids, k) => {
          const d = diffs[filled.findIndex((c) => c.k === k)];
          return (
            <div key={k} className="compare-cell" data-testid="compare-cell">
              {!ids.length && <span className="muted">{t('noCounterpart')}</span>}
              {ids.map((id, n) => {
                const clause = clauseById.get(id)!.clause;
                return (
                  <div key={id} className="compare-clause" data-testid="compare-clause" data-clause-id={id} draggable
                    onDragStart={(e) => e.dataTransfer.setData('text/x-policylens-clause', String(id))}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={(e) => {
                      const from = clauseById.get(Number(e.dataTransfer.getData('text/x-policylens-clause')));
                      if (from) void linkTo(clause, k, from);
                    }}>
                    <div className="clause-head">
                      <span className="tag" data-testid="clause-label" title={clause.part ?? undefined}>{clauseLabel(clause.path, clause.part)}</span>
                      {pick && pick.column !== k ? (
                        <button type="button" data-testid="link-here" onClick={() => void linkTo(clause, k)}>{t('linkHere')}</button>
                      ) : (
                        <button type="button" className="link-by-hand" data-testid="link-by-hand" onClick={() => setPick({ clause, column: k })}>{t('linkByHand')}</button>
                      )}
                    </div>
                    {ids.length === 1 && d ? <CellText diff={d} /> : <span className="cell-text">{clause.text}</span>}
                    {n === ids.length - 1 && (rejectedOf.get(id) ?? []).map((l) => (
                      <div key={`${l.a}:${l.b}`} className="link rejected" data-testid="rejected-link">
                        <CrossIcon /> {pathOf(l.a === id ? l.b : l.a)} <button type="button" data-testid="link-undo-reject" onClick={() => void decide(l.a, l.b, 'unlink')}>{t('unlink')}</button>
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      {row.links.length > 0 && (
        <ul className="row-links">
          {row.links.map((l) => {
            const full = l as AlignmentLink;
            return (
              <li key={`${l.a}:${l.b}`} className={`link ${l.status}`} data-testid="row-link" data-status={l.status} data-a={l.a} data-b={l.b}>
                <span className="link-pair">{pathOf(l.a)} <PairIcon /> {pathOf(l.b)}</span>{' '}
                <span className="muted">{l.score != null ? t('score', { score: l.score.toFixed(2) }) : t('manual')}</span>{' '}
                <span className="link-reason">{reasonText(t, full.reasons ?? [], lang)}</span>{' '}
                {l.status !== 'confirmed' && <button type="button" data-testid="link-confirm" onClick={() => void decide(l.a, l.b, 'confirmed')}>{t('confirm')}</button>}
                {l.status === 'suggested' && <button type="button" data-testid="link-reject" onClick={() => void decide(l.a, l.b, 'rejected')}>{t('reject')}</button>}
                {l.status === 'confirmed' && <button type="button" data-testid="link-unlink" onClick={() => void decide(l.a, l.b, 'unlink')}>{t('unlink')}</button>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
