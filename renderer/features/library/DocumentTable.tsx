import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { navigate, routeHref } from '../../app/router';
import { SortDownIcon, SortUpIcon } from '../../app/icons';

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
 * view. Group headers (city or year) are rows of their own.
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
  return (
    <div className="doc-table" role="table" aria-rowcount={rows.length}>
      <div className="doc-row-grid doc-head" role="row">
        <div role="columnheader" aria-label={t('select')} />
        {columns.map((key) => (
          <div key={key} role="columnheader" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
            <button onClick={() => onSort(key)} data-testid={`sort-${key}`}>
              {t(`col.${key}`)} {sort.key === key ? (sort.dir === 1 ? <SortUpIcon /> : <SortDownIcon />) : null}
            </button>
          </div>
        ))}
        <div role="columnheader" />
      </div>
      <div className="doc-scroll" ref={scroller}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` };
            if (row.type === 'group') {
              return (
                <div key={item.key} ref={virtual.measureElement} data-index={item.index} style={style} className="doc-group-header" role="row" data-testid="doc-group">
                  <h2>{row.key} <span className="muted">({row.count})</span></h2>
                </div>
              );
            }
            const d = row.doc;
            return (
              <div key={item.key} ref={virtual.measureElement} data-index={item.index} style={style} className={`doc-row-grid doc-row ${selected.has(d.id) ? 'selected' : ''}`} role="row" data-testid="doc-row" onDoubleClick={() => navigate('reader', [d.id])}>
                <div role="cell">
                  <input type="checkbox" checked={selected.has(d.id)} onChange={() => onToggle(d.id)} aria-label={t('selectDoc', { title: d.title ?? d.file })} data-testid="doc-select" />
                </div>
                <div role="cell">
                  <a href={routeHref('reader', [d.id])} data-testid="doc-title">{d.title ?? t('untitled', { file: d.file })}</a>
                  {d.parts.length > 0 && <div className="muted parts">{d.parts.map((p) => p.title).join(' · ')}</div>}
                </div>
                <div role="cell" data-testid="doc-city">{d.city ?? '—'}</div>
                <div role="cell">{d.year ?? '—'}</div>
                <div role="cell">{d.docNumber ?? '—'}</div>
                <div role="cell">{d.dateWritten ?? d.datePublished ?? '—'}</div>
                <div role="cell" className="num">{d.clauseCount}</div>
                <div role="cell">
                  <button className="link danger" data-testid="doc-delete" onClick={() => onDelete(d)} aria-label={`${t('delete')} ${d.title ?? d.file}`}>{t('delete')}</button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
