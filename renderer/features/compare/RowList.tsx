import type { Virtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AlignmentLink } from '../../../shared/api/methods/compare';
import { clauseLabel } from '../../../shared/domain/labels';
import { AlignedRowView, type RowActions } from './AlignedRowView';
import { activeLinkOf, memberLabel, type ClauseIndex, type Column, type Entry } from './model';
import { RowDetails } from './RowDetails';

interface Props {
  entries: Entry[];
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scroller: React.RefObject<HTMLDivElement | null>;
  active: number;
  setActive: (k: number) => void;
  pickedLink: string | null;
  toggleRun: (key: string) => void;
  columns: Column[];
  clauseById: ClauseIndex;
  rejectedOf: Map<number, AlignmentLink[]>;
  gridColumns: React.CSSProperties;
  pivot: number;
  actions: RowActions;
  comparisonId: number;
  lang: string;
}

/** The virtualised list of rows, collapsed runs and the boilerplate heading. */
export function RowList(p: Props) {
  const { t } = useTranslation('compare');
  const { entries, virtualizer, active } = p;
  return (
    <div className="compare-rows" ref={p.scroller} data-testid="compare-rows">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const e = entries[v.index];
          const isActive = v.index === active;
          const place: React.CSSProperties = { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` };
          if (e.kind === 'group') {
            return (
              <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={place} className="compare-group" data-testid="boilerplate-group">
                {t('boilerplateGroup', { count: e.count })}
              </div>
            );
          }
          if (e.kind === 'run') {
            const doc = memberLabel(p.columns[e.column]);
            return (
              <div
                key={v.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                style={place}
                className={`compare-run${isActive ? ' active' : ''}`}
                data-testid="unmatched-run"
                data-column={e.column}
                data-count={e.rows.length}
                role="button"
                tabIndex={0}
                aria-expanded={e.open}
                onClick={() => {
                  p.setActive(v.index);
                  p.toggleRun(e.key);
                }}
                onKeyDown={(k) => {
                  if (k.key === 'Enter' || k.key === ' ') {
                    k.preventDefault();
                    p.setActive(v.index);
                    p.toggleRun(e.key);
                  }
                }}
              >
                <span className="run-range">
                  {e.rows[0].number}–{e.rows[e.rows.length - 1].number}
                </span>
                <span>{t('unmatchedRun', { count: e.rows.length, doc })}</span>
                <span className="run-preview">
                  {e.rows
                    .slice(0, 3)
                    .map((r) => preview(p.clauseById, r.anchor))
                    .join(' · ')}
                  {e.rows.length > 3 ? ' …' : ''}
                </span>
                <span className="run-toggle" data-testid="run-toggle" aria-hidden>
                  {e.open ? t('hideRun') : t('showRun')}
                </span>
              </div>
            );
          }
          const row = e.row;
          return (
            <div
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              style={place}
              className={`compare-row row-${row.status}${isActive ? ' active' : ''}${e.inRun ? ' in-run' : ''}${row.boilerplate ? ' boilerplate' : ''}`}
              data-testid="compare-row"
              data-status={row.status}
              data-row={row.number}
              data-anchor={row.anchor}
              onClick={() => p.setActive(v.index)}
            >
              <span className="row-number" title={t('rowNumber', { n: row.number })}>
                {row.number}
              </span>
              <div className="row-body">
                <AlignedRowView
                  row={row}
                  clauseById={p.clauseById}
                  rejectedOf={p.rejectedOf}
                  gridColumns={p.gridColumns}
                  pivot={p.pivot}
                  activeLink={isActive ? activeLinkOf(row, p.pickedLink) : undefined}
                  actions={p.actions}
                  lang={p.lang}
                />
                {isActive && (
                  <RowDetails
                    row={row}
                    comparisonId={p.comparisonId}
                    docOf={(c) => p.columns[p.clauseById.get(c)!.column].docId}
                    pathOf={(c) => {
                      const cl = p.clauseById.get(c)?.clause;
                      return cl ? clauseLabel(cl.path, cl.part) : String(c);
                    }}
                  />
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** A clause in a few words, so a collapsed run says what it holds: its label and the start of its text. */
function preview(clauses: ClauseIndex, id: number): string {
  const c = clauses.get(id)?.clause;
  if (!c) return '';
  const text = (c.heading ?? c.text).replace(/\s+/g, '');
  return `${c.label}${text.length > 14 ? `${text.slice(0, 14)}…` : text}`;
}
