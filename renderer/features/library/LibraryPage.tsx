import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { useApi, useLoad } from '../../api/ApiProvider';
import { type Route, navigate, routeHref } from '../../app/router';
import { DocumentTable, type Row, type SortKey } from './DocumentTable';
import { ImportProgressBar, ImportReportView } from './ImportPanel';
import { DeletedToast, TrashPanel } from './Trash';
import { filesFromDrop, useImport } from './useImport';
import './library.css';

type GroupKey = 'city' | 'year' | 'none';

const collator = new Intl.Collator('zh-CN', { numeric: true });

function sortValue(d: DocumentSummary, key: SortKey): string | number {
  switch (key) {
    case 'title': return d.title ?? d.file;
    case 'city': return d.city ?? '';
    case 'year': return d.year ?? 0;
    case 'docNumber': return d.docNumber ?? '';
    case 'date': return d.dateWritten ?? d.datePublished ?? '';
    case 'clauses': return d.clauseCount;
  }
}

function matches(d: DocumentSummary, q: string): boolean {
  if (!q) return true;
  const hay = [d.title, d.file, d.city, d.province, d.docNumber, d.issuer, String(d.year ?? '')].join(' ').toLowerCase();
  return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

export function LibraryPage({ route }: { route: Route }) {
  const { t } = useTranslation('library');
  const api = useApi();
  const docs = useLoad((a) => a['documents.list']({}), [], ['documents']);
  const trash = useLoad((a) => a['documents.trash']({}), [], ['documents']);
  const comparisons = useLoad((a) => a['compare.list']({}), [], ['compare']);
  const [deleted, setDeleted] = useState<{ trashId: number; title: string } | null>(null);
  const showTrash = route.params.get('trash') === '1';
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'city', dir: 1 });
  const [group, setGroup] = useState<GroupKey>('city');
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const imp = useImport();

  const groups = useMemo(() => {
    const list = (docs.data ?? []).filter((d) => matches(d, q));
    list.sort((a, b) => {
      const x = sortValue(a, sort.key), y = sortValue(b, sort.key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return c * sort.dir || a.id - b.id;
    });
    if (group === 'none') return [{ key: '', docs: list }];
    const byKey = new Map<string, DocumentSummary[]>();
    for (const d of list) {
      const k = group === 'city' ? d.city ?? t('unknownCity') : String(d.year ?? t('unknownYear'));
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(d);
    }
    return [...byKey.entries()].sort(([a], [b]) => collator.compare(a, b)).map(([key, docs]) => ({ key, docs }));
  }, [docs.data, q, sort, group, t]);
  const rows = useMemo<Row[]>(
    () => groups.flatMap((g): Row[] => [...(g.key ? [{ type: 'group' as const, key: g.key, count: g.docs.length }] : []), ...g.docs.map((doc) => ({ type: 'doc' as const, doc }))]),
    [groups],
  );

  // Deleting is undoable (the Trash keeps codings, notes and links), so it asks nothing and offers Undo.
  async function remove(d: DocumentSummary) {
    const { trashId } = await api['documents.delete']({ id: d.id });
    setSelected((s) => new Set([...s].filter((x) => x !== d.id)));
    setDeleted({ trashId, title: d.title ?? d.file });
  }
  const canCompare = selected.size >= 2 && selected.size <= 6;

  const total = docs.data?.length ?? 0;
  return (
    <div
      className={`page library ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={async (e) => {
        e.preventDefault();
        setDragging(false);
        await imp.importFiles(await filesFromDrop(e.dataTransfer.items));
      }}
      data-testid="library"
    >
      <div className="page-header">
        <h1>{t('title')}</h1>
        <span className="muted" data-testid="library-count">{t('count', { count: total })}</span>
        <input type="search" placeholder={t('filter')} value={q} onChange={(e) => setQ(e.target.value)} aria-label={t('filter')} data-testid="library-filter" />
        <label className="toolbar">
          {t('groupBy')}
          <select value={group} onChange={(e) => setGroup(e.target.value as GroupKey)} data-testid="library-group">
            {(['city', 'year', 'none'] as const).map((g) => <option key={g} value={g}>{t(`group.${g}`)}</option>)}
          </select>
        </label>
        {canCompare ? (
          <a className="button" href={routeHref('compare', ['new'], { docs: [...selected].join(',') })} data-testid="compare-selected">
            {t('compareSelected', { count: selected.size })}
          </a>
        ) : (
          <button type="button" disabled data-testid="compare-selected" aria-describedby="compare-hint" title={t('compareHint')}>
            {selected.size ? t('compareSelected', { count: selected.size }) : t('compare')}
          </button>
        )}
        <button className="primary" onClick={() => fileInput.current?.click()} disabled={imp.busy} data-testid="import-button">{t('import')}</button>
        <button onClick={() => folderInput.current?.click()} disabled={imp.busy}>{t('importFolder')}</button>
        <input ref={fileInput} type="file" multiple hidden accept=".txt,.html,.htm,.docx,.pdf,.md,.markdown" data-testid="import-input"
          onChange={(e) => { void imp.importFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
        <input ref={folderInput} type="file" multiple hidden {...{ webkitdirectory: '' }}
          onChange={(e) => { void imp.importFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
        <button type="button" data-testid="trash-open" aria-expanded={showTrash} onClick={() => navigate('library', [], showTrash ? {} : { trash: 1 })}>
          {t('trash.button', { count: trash.data?.length ?? 0 })}
        </button>
      </div>
      {!canCompare && total > 0 && <p className="muted compare-hint" id="compare-hint" data-testid="compare-hint">{t('compareHint')}</p>}
      {docs.data && comparisons.data && comparisons.data.length === 0 && (
        <p className="next-step" data-testid="next-step">{total === 0 ? t('nextStepEmpty') : t('nextStepSamples')}</p>
      )}
      {deleted && <DeletedToast deleted={deleted} onDone={() => setDeleted(null)} />}
      {showTrash && <TrashPanel onClose={() => navigate('library')} />}
      {(route.params.get('import') === '1' && !imp.busy && !imp.report) && <p className="muted">{t('dropHere')}</p>}
      {imp.progress && <ImportProgressBar progress={imp.progress} onCancel={() => void imp.cancel()} />}
      {imp.error && <p className="error" role="alert">{imp.error}</p>}
      {imp.report && <ImportReportView report={imp.report} onClose={imp.dismiss} />}
      {docs.error && <p className="error" role="alert">{t('app:error', { message: docs.error.message })}</p>}
      {docs.data && total === 0 && <p className="empty">{t('empty')}</p>}
      {docs.data && total > 0 && groups.every((g) => g.docs.length === 0) && <p className="muted">{t('noMatch', { q })}</p>}
      {total > 0 && <DocumentTable rows={rows} sort={sort} onSort={(key) => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))} onDelete={(d) => void remove(d)} selected={selected} onToggle={toggle} />}
      <div className="drop-hint" aria-hidden>{t('dropHere')}</div>
    </div>
  );
}
