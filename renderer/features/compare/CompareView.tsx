import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentLink, CompareClause } from '../../../shared/api/methods/compare';
import { buildRowModel, coverage as coverageOf } from '../../../shared/domain/align/rows';
import { sameRegulation } from '../../../shared/domain/align/versions';
import { clauseLabel } from '../../../shared/domain/labels';
import { useApi, useLoad } from '../../api/ApiProvider';
import { runCommand, useCommand } from '../../app/commands';
import { routeHref } from '../../app/router';
import { AnnotationEditor } from '../notes/editors';
import type { Decision, LinkPick, RowActions } from './AlignedRowView';
import { CompareToolbar, type ToolbarState } from './CompareToolbar';
import { CoverageSummary } from './CoverageSummary';
import { activeLinkOf, entriesOf, memberLabel } from './model';
import { RowList } from './RowList';
import { useRowThemes } from './useRowThemes';
import { VersionsView } from './VersionsView';

/** The compare view: coverage at the top, then one row per clause of the pivot document with its counterparts (or, for two versions of one regulation, 新旧对照). */
export function CompareView({ id, focusClause }: { id: number; focusClause: number | null }) {
  const { t, i18n } = useTranslation('compare');
  const api = useApi();
  const view = useLoad((a) => a['compare.view']({ id }), [id], ['compare', 'documents']);
  const data = view.data;
  const docIds = data?.columns.map((c) => c.docId) ?? [];
  const themes = useRowThemes(docIds);
  const [bar, setBar] = useState<ToolbarState>({ status: 'all', theme: '', minScore: 0, matchedOnly: false, pivot: 0 });
  const [mode, setMode] = useState<'rows' | 'versions' | null>(null);
  const [showNotes, setShowNotes] = useState(false);
  const [active, setActive] = useState(0);
  const [pickedLink, setPickedLink] = useState<string | null>(null);
  const [openRuns, setOpenRuns] = useState<ReadonlySet<string>>(new Set());
  const [pick, setPick] = useState<LinkPick | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language;

  const clauseById = useMemo(() => new Map(data?.columns.flatMap((c, k) => c.clauses.map((cl) => [cl.id, { clause: cl, column: k }] as const)) ?? []), [data]);
  const alignable = useMemo(
    () => data?.columns.map((c) => c.clauses.filter((cl) => cl.alignable).map((cl) => ({ id: cl.id, boilerplate: cl.boilerplate }))) ?? [],
    [data],
  );
  const pivot = Math.min(bar.pivot, Math.max(0, alignable.length - 1));
  const model = useMemo(() => (data ? buildRowModel({ columns: alignable, links: data.links, pivot }) : null), [data, alignable, pivot]);
  const themeOf = useMemo(() => (themes.data ? (c: number) => themes.data!.byClause.get(c) : null), [themes.data]);
  const coverage = useMemo(() => (data ? coverageOf(alignable, data.links, themeOf ?? undefined) : null), [data, alignable, themeOf]);
  const rejectedOf = useMemo(() => {
    const m = new Map<number, AlignmentLink[]>();
    for (const l of data?.links ?? []) if (l.status === 'rejected') for (const c of [l.a, l.b]) m.set(c, [...(m.get(c) ?? []), l]);
    return m;
  }, [data]);
  const entries = useMemo(
    () => (model ? entriesOf(model.items, model.boilerplate, { ...bar, themeOf, rejectedOf }, openRuns) : []),
    [model, bar, themeOf, rejectedOf, openRuns],
  );
  const versions = !!data && data.columns.length === 2 && sameRegulation(data.columns[0], data.columns[1]);
  const shownMode = mode ?? (versions ? 'versions' : 'rows');

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (k) => entries[k]?.key ?? k,
  });
  const go = useCallback(
    (k: number) => {
      const n = Math.max(0, Math.min(entries.length - 1, k));
      setActive(n);
      setPickedLink(null);
      virtualizer.scrollToIndex(n);
    },
    [entries.length, virtualizer],
  );

  // Open on the row of the clause named in the route (from "where else"), opening its run if it is in one.
  useEffect(() => {
    if (!focusClause || !model) return;
    const run = model.items.find((it) => it.kind === 'run' && it.rows.some((r) => r.cells.flat().includes(focusClause)));
    if (run && run.kind === 'run' && !openRuns.has(run.key)) {
      setOpenRuns((s) => new Set(s).add(run.key));
      return;
    }
    const k = entries.findIndex((e) => e.kind === 'row' && e.row.cells.flat().includes(focusClause));
    if (k >= 0) {
      setActive(k);
      virtualizer.scrollToIndex(k, { align: 'start' });
    }
  }, [focusClause, model, entries.length]); // eslint-disable-line react-hooks/exhaustive-deps

  const decide = useCallback(
    async (a: number, b: number, s: Decision) => {
      try {
        if (s === 'unlink') await api['compare.unlink']({ a, b });
        else await api['compare.decide']({ a, b, status: s });
        setError(null);
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [api],
  );

  const toggleRun = useCallback(
    (key: string) =>
      setOpenRuns((s) => {
        const n = new Set(s);
        if (n.has(key)) n.delete(key);
        else n.add(key);
        return n;
      }),
    [],
  );

  async function linkTo(target: CompareClause, column: number, source = pick) {
    if (!source || source.column === column) return;
    const [a, b] = source.column < column ? [source.clause.id, target.id] : [target.id, source.clause.id];
    setPick(null);
    await decide(a, b, 'confirmed');
  }

  // "also in row N": open N's run if it is collapsed, then move there once it is in the list.
  const [pendingRow, setPendingRow] = useState<number | null>(null);
  const goToRow = (n: number) => {
    for (const it of [...(model?.items ?? []), ...(model?.boilerplate ?? [])]) {
      if (it.kind === 'run' && it.rows.some((r) => r.number === n) && !openRuns.has(it.key)) toggleRun(it.key);
    }
    setPendingRow(n);
  };
  useEffect(() => {
    if (pendingRow == null) return;
    const k = entries.findIndex((e) => e.kind === 'row' && e.row.number === pendingRow);
    if (k >= 0) {
      setPendingRow(null);
      go(k);
    }
  }, [pendingRow, entries, go]);
  const actions: RowActions = { pick, setPick, linkTo, decide, goToRow, pickLink: setPickedLink };

  // j/k/c/r/Escape are the registry's commands: the one global handler runs them, and never while
  // focus is in a text field or the note editor. c and r act on the marked link of the active row.
  const decideActive = (s: 'confirmed' | 'rejected') => {
    const entry = entries[active];
    const link = entry?.kind === 'row' ? activeLinkOf(entry.row, pickedLink) : undefined;
    if (!link) return;
    setPickedLink(null);
    void decide(link.a, link.b, s);
  };
  const inRows = shownMode === 'rows';
  useCommand('compare.nextRow', () => {
    if (inRows) go(active + 1);
  });
  useCommand('compare.previousRow', () => {
    if (inRows) go(active - 1);
  });
  useCommand('compare.confirmRow', () => {
    if (inRows) decideActive('confirmed');
  });
  useCommand('compare.rejectRow', () => {
    if (inRows) decideActive('rejected');
  });
  useCommand('compare.cancelPick', () => setPick(null));

  if (view.error)
    return (
      <div className="page">
        <p className="error" role="alert">
          {view.error.message}
        </p>
      </div>
    );
  if (!data || !model || !coverage)
    return (
      <div className="page">
        <p className="muted">{t('loading')}</p>
      </div>
    );
  const gridColumns = { gridTemplateColumns: `repeat(${data.columns.length}, minmax(220px, 1fr))` };
  const names = data.columns.map(memberLabel);
  const themeName = (x: string) => {
    const th = themes.data?.themes.find((y) => y.id === x);
    return th ? (lang.startsWith('zh') ? th.nameZh : th.nameEn) : x;
  };
  const rowCount = entries.reduce((n, e) => n + (e.kind === 'row' && !e.inRun ? 1 : e.kind === 'run' ? e.rows.length : 0), 0);

  return (
    <div className="page compare-view" data-testid="compare-view" data-mode={shownMode} tabIndex={0}>
      <header className="page-header">
        <h1 data-testid="comparison-title">{data.name}</h1>
        {data.columns.length === 2 && (
          <span className="segmented" role="group">
            <button type="button" data-testid="mode-rows" aria-pressed={shownMode === 'rows'} onClick={() => setMode('rows')}>
              {t('modeRows')}
            </button>
            <button type="button" data-testid="mode-versions" aria-pressed={shownMode === 'versions'} onClick={() => setMode('versions')}>
              {t('modeVersions')}
            </button>
          </span>
        )}
        {shownMode === 'rows' && <span className="muted">{t('rows', { count: rowCount })}</span>}
        <span className="header-actions">
          <button data-testid="comparison-notes-toggle" aria-expanded={showNotes} onClick={() => setShowNotes((x) => !x)}>
            {t('comparisonNotes')}
          </button>
          <button data-testid="compare-export" onClick={() => runCommand('app.export', { comparisonId: id })}>
            {t('export')}
          </button>
        </span>
      </header>
      {showNotes && (
        <section className="comparison-notes" data-testid="comparison-notes" aria-label={t('comparisonNotes')}>
          <AnnotationEditor target={{ kind: 'comparison', comparisonId: id }} />
        </section>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shownMode === 'versions' ? (
        <>
          {versions && <p className="muted">{t('versionsDetected')}</p>}
          <VersionsView columns={data.columns} />
        </>
      ) : (
        <>
          <CoverageSummary coverage={coverage} names={names} themeName={themeName} />
          <CompareToolbar
            state={{ ...bar, pivot }}
            set={(patch) => {
              setBar((b) => ({ ...b, ...patch }));
              setActive(0);
              setPendingRow(null);
            }}
            columns={data.columns}
            themes={themes.data ? themes.data.themes.map((x) => ({ id: x.id, name: lang.startsWith('zh') ? x.nameZh : x.nameEn })) : null}
          />
          <p className="muted compare-keys">{t('keyboardLinks')}</p>
          {pick && (
            <p className="compare-pick" role="status">
              {t('pickTarget', { path: clauseLabel(pick.clause.path, pick.clause.part) })}{' '}
              <button type="button" onClick={() => setPick(null)}>
                {t('cancelPick')}
              </button>
            </p>
          )}
          <div className="compare-columns-header" style={gridColumns}>
            {data.columns.map((c, k) => (
              <div
                key={`${c.docId}:${c.partIndex}`}
                className={`compare-column-title${k === pivot ? ' pivot' : ''}`}
                data-testid="compare-column"
                title={k === pivot ? t('pivotMark') : undefined}
              >
                <strong>{names[k]}</strong> <a href={routeHref('reader', [c.docId])}>{c.title}</a>
              </div>
            ))}
          </div>
          <RowList
            entries={entries}
            virtualizer={virtualizer}
            scroller={scroller}
            active={active}
            setActive={(k) => {
              if (k !== active) setPickedLink(null);
              setActive(k);
            }}
            pickedLink={pickedLink}
            toggleRun={toggleRun}
            columns={data.columns}
            clauseById={clauseById}
            rejectedOf={rejectedOf}
            gridColumns={gridColumns}
            pivot={pivot}
            actions={actions}
            comparisonId={id}
            lang={lang}
          />
        </>
      )}
    </div>
  );
}
