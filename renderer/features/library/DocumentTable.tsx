import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { navigate, routeHref } from '../../app/router';
import { SortDownIcon, SortUpIcon } from '../../app/icons';
import { placeOf } from './place';

export type SortKey = 'title' | 'city' | 'year' | 'docNumber' | 'date' | 'clauses';
export type Row = { type: 'group'; key: string; count: number } | { type: 'doc'; doc: DocumentSummary };

interface Props {
  rows: Row[];
  sort: { key: SortKey; dir: 1 | -1 };
  onSort: (key: SortKey) => void;
  onDelete: (doc: DocumentSummary) => void;
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
}

const columns: SortKey[] = ['title', 'city', 'year', 'docNumber', 'date', 'clauses'];

/**
 * The document list, virtualised: a corpus of thousands of documents renders only the rows in
 * view. Group headers (city or year) are rows of their own. The list is one tab stop: ↑/↓, Page
 * Up/Down, Home/End move the active document (scrolled into view even when it was not rendered),
 * Space selects it, Enter opens it — row elements come and go while scrolling, so focus stays on
 * the list and points at the active row (aria-activedescendant).
 */
export function DocumentTable({ rows, sort, onSort, onDelete, selected, onToggle }: Props) {
  const { t } = useTranslation('library');
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i].type === 'group' ? 40 : rows[i].type === 'doc' && (rows[i] as { doc: DocumentSummary }).doc.parts.length ? 64 : 40),
    overscan: 12,
  });
  // Indices of document rows (not group headers), for moving by document.
  const docIndices = useMemo(() => rows.flatMap((r, i) => (r.type === 'doc' ? [i] : [])), [rows]);
  const [activeId, setActiveId] = useState<number | null>(null);
  const activeRow = useMemo(() => {
    const i = activeId == null ? -1 : rows.findIndex((r) => r.type === 'doc' && r.doc.id === activeId);
    return i >= 0 ? i : (docIndices[0] ?? -1);
  }, [rows, activeId, docIndices]);
  const [scrollTo, setScrollTo] = useState<number | null>(null);
  useEffect(() => {
    if (scrollTo != null) virtual.scrollToIndex(scrollTo, { align: 'auto' });
  }, [scrollTo, virtual]);

  function move(to: number) {
    const i = Math.max(0, Math.min(docIndices.length - 1, to));
    const row = rows[docIndices[i]];
    if (row?.type !== 'doc') return;
    setActiveId(row.doc.id);
    setScrollTo(docIndices[i]);
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.target !== e.currentTarget || !docIndices.length) return;
    const at = Math.max(0, docIndices.indexOf(activeRow));
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / 44));
    const active = rows[activeRow];
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(docIndices.length - 1),
      ' ': () => active?.type === 'doc' && onToggle(active.doc.id),
      Enter: () => active?.type === 'doc' && navigate('reader', [active.doc.id]),
    };
    if (!keys[e.key]) return;
    e.preventDefault();
    keys[e.key]();
  }
  const activeDoc = rows[activeRow]?.type === 'doc' ? (rows[activeRow] as { doc: DocumentSummary }).doc : null;

  return (
    <div className="doc-table" role="table" aria-rowcount={rows.length}>
      <div className="doc-row-grid doc-head" role="row">
        <div role="columnheader" aria-label={t('select')} />
        {columns.map((key) => (
          <div key={key} role="columnheader" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
            <button onClick={() => onSort(key)} data-testid={`sort-${key}`}>
              {t(`col.${key}`)} {sort.key === key ? sort.dir === 1 ? <SortUpIcon /> : <SortDownIcon /> : null}
            </button>
          </div>
        ))}
        <div role="columnheader" />
      </div>
      <div
        className="doc-scroll"
        ref={scroller}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={t('listLabel')}
        data-testid="doc-list"
        aria-activedescendant={activeDoc ? `doc-row-${activeDoc.id}` : undefined}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` };
            if (row.type === 'group') {
              return (
                <div
                  key={item.key}
                  ref={virtual.measureElement}
                  data-index={item.index}
                  style={style}
                  className="doc-group-header"
                  role="row"
                  data-testid="doc-group"
                >
                  <h2>
                    {row.key} <span className="muted">({row.count})</span>
                  </h2>
                </div>
              );
            }
            const d = row.doc;
            return (
              <div
                key={item.key}
                ref={virtual.measureElement}
                data-index={item.index}
                style={style}
                id={`doc-row-${d.id}`}
                className={`doc-row-grid doc-row ${selected.has(d.id) ? 'selected' : ''} ${activeDoc?.id === d.id ? 'active' : ''}`}
                role="row"
                data-testid="doc-row"
                aria-selected={selected.has(d.id)}
                data-doc-id={d.id}
                onMouseDown={() => setActiveId(d.id)}
                onDoubleClick={() => navigate('reader', [d.id])}
              >
                <div role="cell">
                  <input
                    type="checkbox"
                    checked={selected.has(d.id)}
                    onChange={() => onToggle(d.id)}
                    aria-label={t('selectDoc', { title: d.title ?? d.file })}
                    data-testid="doc-select"
                  />
                </div>
                <div role="cell">
                  <a href={routeHref('reader', [d.id])} data-testid="doc-title">
                    {d.title ?? t('untitled', { file: d.file })}
                  </a>
                  {d.issuer && (
                    <div className="muted" data-testid="doc-issuer">
                      {d.issuer}
                    </div>
                  )}
                  {d.parts.length > 0 && <div className="muted parts">{d.parts.map((p) => p.title).join(' · ')}</div>}
                </div>
                <div role="cell" data-testid="doc-city">
                  {placeOf(d) ?? (d.level === 'national' ? t('national') : '—')}
                </div>
                <div role="cell">{d.year ?? '—'}</div>
                <div role="cell">{d.docNumber ?? '—'}</div>
                <div role="cell" data-testid="doc-date" title={d.dateEffective ? t('effective', { date: d.dateEffective }) : undefined}>
                  {d.dateWritten ?? d.datePublished ?? '—'}
                </div>
                <div role="cell" className="num">
                  {d.clauseCount}
                </div>
                <div role="cell">
                  <button className="link danger" data-testid="doc-delete" onClick={() => onDelete(d)} aria-label={`${t('delete')} ${d.title ?? d.file}`}>
                    {t('delete')}
                  </button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
