import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isComposingKey } from '../../app/commands/keyboard';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { type Column, rawValue, shownValue, type Values } from './columns';
import { ValueInput } from './ValueInput';

const ROW = 34;

interface Props {
  docs: DocumentSummary[];
  columns: Column[];
  values: Values;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], mode: 'toggle' | 'add' | 'only') => void;
  onSelectAll: () => void;
  /** Writes a cell; resolves false when the backend refused the value (the message is shown by the page). */
  onCommit: (docId: number, col: Column, raw: string) => Promise<boolean>;
  sort: { key: string; dir: 1 | -1 };
  onSort: (key: string) => void;
}

/**
 * The attribute table: one row per document, metadata then attributes as columns, virtualised
 * so thousands of documents stay fast. Keyboard: arrows move, Enter or F2 edits (Enter saves and
 * moves down, Tab saves and moves right, Escape cancels), Space selects the row, Shift+arrows
 * extend the selection, Ctrl+A selects every shown row, Delete empties the cell.
 */
export function Grid({ docs, columns, values, selected, onSelect, onSelectAll, onCommit, sort, onSort }: Props) {
  const { t } = useTranslation('attributes');
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ value: string } | null>(null);
  const virtual = useVirtualizer({ count: docs.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });
  const row = Math.min(active.row, Math.max(0, docs.length - 1));
  const col = Math.min(active.col, Math.max(0, columns.length - 1));
  const doc = docs[row] as DocumentSummary | undefined;

  useEffect(() => {
    if (docs.length) virtual.scrollToIndex(row, { align: 'auto' });
  }, [row, docs.length]); // eslint-disable-line react-hooks/exhaustive-deps

  const focusGrid = () => scroller.current?.focus();
  const move = (dr: number, dc: number) =>
    setActive({ row: Math.max(0, Math.min(docs.length - 1, row + dr)), col: Math.max(0, Math.min(columns.length - 1, col + dc)) });

  // Enter saves, then focus returns to the grid and the editor's blur would save again: once is enough.
  const committing = useRef(false);
  /** Closes the editor; the blur that moving focus back to the grid causes must not save. */
  function close() {
    committing.current = true;
    setEditing(null);
    queueMicrotask(() => {
      committing.current = false;
    });
  }
  async function commit(then: 'down' | 'right' | 'stay') {
    if (!editing || !doc || committing.current) return;
    committing.current = true;
    const column = columns[col];
    const changed = editing.value !== rawValue(column, doc, values);
    const ok = changed ? await onCommit(doc.id, column, editing.value) : true;
    committing.current = false;
    if (!ok) return; // keep the editor open with what was typed: the page shows why
    close();
    if (then === 'down') move(1, 0);
    if (then === 'right') move(0, 1);
    focusGrid();
  }

  function onGridKey(e: KeyboardEvent<HTMLDivElement>) {
    if (editing || !doc) return;
    const k = e.key;
    if (k === 'ArrowDown' || k === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(docs.length - 1, row + (k === 'ArrowDown' ? 1 : -1)));
      if (e.shiftKey) onSelect([doc.id, docs[next].id], 'add');
      setActive({ row: next, col });
    } else if (k === 'ArrowLeft' || k === 'ArrowRight') {
      e.preventDefault();
      move(0, k === 'ArrowRight' ? 1 : -1);
    } else if (k === 'Home' || k === 'End') {
      e.preventDefault();
      setActive({ row: e.ctrlKey ? (k === 'Home' ? 0 : docs.length - 1) : row, col: e.ctrlKey ? col : k === 'Home' ? 0 : columns.length - 1 });
    } else if (k === 'PageDown' || k === 'PageUp') {
      e.preventDefault();
      move(k === 'PageDown' ? 10 : -10, 0);
    } else if (k === 'Enter' || k === 'F2') {
      e.preventDefault();
      setEditing({ value: rawValue(columns[col], doc, values) });
    } else if (k === ' ') {
      e.preventDefault();
      onSelect([doc.id], 'toggle');
    } else if ((k === 'a' || k === 'A') && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSelectAll();
    } else if (k === 'Delete' || k === 'Backspace') {
      e.preventDefault();
      if (rawValue(columns[col], doc, values)) void onCommit(doc.id, columns[col], '');
    }
  }

  function onEditorKey(e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) {
    if (isComposingKey(e)) return; // Enter that confirms a Chinese IME candidate is not a save
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit('down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commit('right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
      focusGrid();
    }
  }

  const activeId = doc ? `attr-cell-${doc.id}-${columns[col]?.key}` : undefined;
  return (
    <div className="attr-grid-wrap">
      <div
        className="attr-grid"
        role="grid"
        aria-rowcount={docs.length + 1}
        aria-colcount={columns.length + 1}
        aria-label={t('title')}
        tabIndex={0}
        ref={scroller}
        onKeyDown={onGridKey}
        aria-activedescendant={editing ? undefined : activeId}
        data-testid="attr-grid"
      >
        <div className="attr-row attr-head" role="row" style={{ gridTemplateColumns: template(columns) }}>
          <div role="columnheader" className="attr-check" />
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              className={c.kind === 'attribute' ? 'attr-own' : undefined}
            >
              <button type="button" tabIndex={-1} onClick={() => onSort(c.key)} data-testid={`attr-sort-${c.key}`}>
                {c.label} {sort.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : ''}
              </button>
            </div>
          ))}
        </div>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const d = docs[item.index];
            const isSel = selected.has(d.id);
            return (
              <div
                key={d.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSel}
                data-testid="attr-row"
                data-doc={d.id}
                className={`attr-row ${isSel ? 'selected' : ''} ${item.index === row ? 'active-row' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  minWidth: '100%',
                  height: ROW,
                  transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: template(columns),
                }}
              >
                <div role="gridcell" className="attr-check">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={isSel}
                    aria-label={t('selectRow', { title: d.title ?? d.file })}
                    data-testid="attr-select"
                    onChange={(e) => onSelect([d.id], (e.nativeEvent as MouseEvent).shiftKey ? 'add' : 'toggle')}
                  />
                </div>
                {columns.map((c, ci) => {
                  const isActive = item.index === row && ci === col;
                  const id = `attr-cell-${d.id}-${c.key}`;
                  return (
                    <div
                      key={c.key}
                      id={id}
                      role="gridcell"
                      data-testid={id}
                      aria-selected={isActive}
                      className={`attr-cell ${isActive ? 'active' : ''} ${c.kind === 'attribute' ? 'attr-own' : ''}`}
                      onClick={() => setActive({ row: item.index, col: ci })}
                      onDoubleClick={() => {
                        setActive({ row: item.index, col: ci });
                        setEditing({ value: rawValue(c, d, values) });
                      }}
                    >
                      {isActive && editing ? (
                        <ValueInput
                          spec={c.editor}
                          value={editing.value}
                          autoFocus
                          label={`${c.label} · ${d.title ?? d.file}`}
                          testId="attr-cell-editor"
                          onChange={(v) =>
                            c.editor.type === 'choice' || c.editor.type === 'boolean'
                              ? void onCommit(d.id, c, v).then((ok) => {
                                  if (ok) {
                                    setEditing(null);
                                    focusGrid();
                                  }
                                })
                              : setEditing({ value: v })
                          }
                          onKeyDown={onEditorKey}
                          onBlur={() => void commit('stay')}
                        />
                      ) : (
                        <span title={shownValue(c, d, values, t)}>{shownValue(c, d, values, t)}</span>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** Title wide, metadata medium, attributes as wide as their names need. */
function template(columns: Column[]): string {
  return [
    '32px',
    ...columns.map((c) =>
      c.key === 'title'
        ? 'minmax(240px, 2fr)'
        : c.kind === 'attribute'
          ? 'minmax(110px, 1fr)'
          : c.key === 'issuer'
            ? '160px'
            : c.key === 'docNumber'
              ? '150px'
              : c.key.startsWith('date')
                ? '104px'
                : '96px',
    ),
  ].join(' ');
}
