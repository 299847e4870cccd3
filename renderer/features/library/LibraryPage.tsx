import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { useApi, useLoad } from '../../api/ApiProvider';
import { type Route, navigate, routeHref } from '../../app/router';
import { isComposingKey } from '../../app/commands/keyboard';
import { DocumentTable, type SortKey } from './DocumentTable';
import { ImportProgressBar, ImportReportView } from './ImportPanel';
import { DeletedToast, TrashPanel } from './Trash';
import { type GroupKey, useLibraryRows } from './rows';
import { filesFromDrop, useImport } from './useImport';
import './library.css';

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

  // The list follows the filter a moment behind the input, so typing never waits for a long list.
  const query = useDeferredValue(q);
  const labels = useMemo(() => ({ national: t('national'), unknownCity: t('unknownCity'), unknownYear: t('unknownYear') }), [t]);
  const { rows, shown } = useLibraryRows(docs.data, query, sort, group, labels);

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
        <span className="muted" data-testid="library-count">
          {t('count', { count: total })}
        </span>
        {query && total > 0 && (
          <span className="muted" data-testid="library-shown">
            {t('shown', { shown, total })}
          </span>
        )}
        <input
          type="search"
          placeholder={t('filter')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-label={t('filter')}
          data-testid="library-filter"
          onKeyDown={(e) => {
            // ↓ from the filter goes on into the list, as in a combobox.
            if (e.key === 'ArrowDown' && !isComposingKey(e)) {
              e.preventDefault();
              document.querySelector<HTMLElement>('[data-testid="doc-list"]')?.focus();
            }
          }}
        />
        <label className="toolbar">
          {t('groupBy')}
          <select value={group} onChange={(e) => setGroup(e.target.value as GroupKey)} data-testid="library-group">
            {(['city', 'year', 'none'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`group.${g}`)}
              </option>
            ))}
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
        <button className="primary" onClick={() => fileInput.current?.click()} disabled={imp.busy} data-testid="import-button">
          {t('import')}
        </button>
        <button onClick={() => folderInput.current?.click()} disabled={imp.busy}>
          {t('importFolder')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept=".txt,.html,.htm,.docx,.pdf,.md,.markdown"
          data-testid="import-input"
          onChange={(e) => {
            void imp.importFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            void imp.importFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <button type="button" data-testid="trash-open" aria-expanded={showTrash} onClick={() => navigate('library', [], showTrash ? {} : { trash: 1 })}>
          {t('trash.button', { count: trash.data?.length ?? 0 })}
        </button>
      </div>
      {!canCompare && total > 0 && (
        <p className="muted compare-hint" id="compare-hint" data-testid="compare-hint">
          {t('compareHint')}
        </p>
      )}
      {docs.data && comparisons.data && comparisons.data.length === 0 && (
        <p className="next-step" data-testid="next-step">
          {total === 0 ? t('nextStepEmpty') : t('nextStepSamples')}
        </p>
      )}
      {deleted && <DeletedToast deleted={deleted} onDone={() => setDeleted(null)} />}
      {showTrash && <TrashPanel onClose={() => navigate('library')} />}
      {route.params.get('import') === '1' && !imp.busy && !imp.report && <p className="muted">{t('dropHere')}</p>}
      {imp.progress && <ImportProgressBar progress={imp.progress} onCancel={() => void imp.cancel()} />}
      {imp.error && (
        <p className="error" role="alert">
          {imp.error}
        </p>
      )}
      {imp.report && <ImportReportView report={imp.report} onClose={imp.dismiss} />}
      {docs.error && (
        <p className="error" role="alert">
          {t('app:error', { message: docs.error.message })}
        </p>
      )}
      {docs.data && total === 0 && <p className="empty">{t('empty')}</p>}
      {docs.data && total > 0 && shown === 0 && (
        <p className="muted" data-testid="library-no-match">
          {t('noMatch', { q: query })}
        </p>
      )}
      {total > 0 && (
        <DocumentTable
          rows={rows}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
          onDelete={(d) => void remove(d)}
          selected={selected}
          onToggle={toggle}
        />
      )}
      <div className="drop-hint" aria-hidden>
        {t('dropHere')}
      </div>
    </div>
  );
}
