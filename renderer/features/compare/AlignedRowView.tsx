import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignmentLink, CompareClause } from '../../../shared/api/methods/compare';
import { diffRow } from '../../../shared/domain/diff';
import { clauseLabel } from '../../../shared/domain/labels';
import { CrossIcon, PairIcon } from '../../app/icons';
import { CellText } from './CellText';
import type { ClauseIndex, Row } from './model';
import { reasonText } from './reasons';

export type Decision = 'confirmed' | 'rejected' | 'unlink';
export interface LinkPick {
  clause: CompareClause;
  column: number;
}

export interface RowActions {
  pick: LinkPick | null;
  setPick: (p: LinkPick | null) => void;
  linkTo: (target: CompareClause, column: number, source?: LinkPick | null) => Promise<void>;
  decide: (a: number, b: number, s: Decision) => Promise<void>;
  goToRow: (n: number) => void;
  pickLink: (key: string) => void;
}

interface Props {
  row: Row;
  clauseById: ClauseIndex;
  rejectedOf: Map<number, AlignmentLink[]>;
  gridColumns: React.CSSProperties;
  pivot: number;
  /** The link c / r act on, when this row is the active one. */
  activeLink: AlignmentLink | undefined;
  actions: RowActions;
  lang: string;
}

/** One anchored row: the anchor clause and its counterparts side by side, then each link with its own decision. */
export function AlignedRowView({ row, clauseById, rejectedOf, gridColumns, pivot, activeLink, actions, lang }: Props) {
  const { t } = useTranslation('compare');
  const texts = row.cells.map((ids) => ids.map((id) => clauseById.get(id)?.clause.text ?? '').join('\n'));
  const filled = texts.map((x, k) => ({ x, k })).filter((c) => row.cells[c.k].length > 0);
  const diffs = useMemo(() => diffRow(filled.map((c) => c.x)), [texts.join('\u0000')]); // eslint-disable-line react-hooks/exhaustive-deps
  const pathOf = (id: number) => {
    const cl = clauseById.get(id)?.clause;
    return cl ? clauseLabel(cl.path || cl.label, cl.part) : String(id);
  };
  const { pick, setPick, linkTo, decide, goToRow, pickLink } = actions;
  return (
    <>
      <div className="compare-cells" style={gridColumns}>
        {row.cells.map((ids, k) => {
          const d = diffs[filled.findIndex((c) => c.k === k)];
          return (
            <div key={k} className={`compare-cell${k === pivot ? ' pivot' : ''}${k === row.anchorColumn ? ' anchor' : ''}`} data-testid="compare-cell">
              {!ids.length && <span className="muted no-counterpart">{t('noCounterpart')}</span>}
              {ids.map((id, n) => {
                const clause = clauseById.get(id)!.clause;
                const also = row.alsoIn.get(id);
                return (
                  <div
                    key={id}
                    className="compare-clause"
                    data-testid="compare-clause"
                    data-clause-id={id}
                    draggable
                    onDragStart={(e) => e.dataTransfer.setData('text/x-policylens-clause', String(id))}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={(e) => {
                      const from = clauseById.get(Number(e.dataTransfer.getData('text/x-policylens-clause')));
                      if (from) void linkTo(clause, k, from);
                    }}
                  >
                    <div className="clause-head">
                      <span className="tag" data-testid="clause-label" title={clause.part ?? undefined}>
                        {pathOf(id)}
                      </span>
                      {also && (
                        <button
                          type="button"
                          className="also-in"
                          data-testid="also-in"
                          title={t('goToRow', { n: also[0] })}
                          onClick={(e) => {
                            e.stopPropagation();
                            goToRow(also[0]);
                          }}
                        >
                          {t('alsoInRow', { rows: also.join(', ') })}
                        </button>
                      )}
                      {pick && pick.column !== k ? (
                        <button type="button" data-testid="link-here" onClick={() => void linkTo(clause, k)}>
                          {t('linkHere')}
                        </button>
                      ) : (
                        <button type="button" className="link-by-hand" data-testid="link-by-hand" onClick={() => setPick({ clause, column: k })}>
                          {t('linkByHand')}
                        </button>
                      )}
                    </div>
                    {ids.length === 1 && d ? <CellText diff={d} /> : <span className="cell-text">{clause.text}</span>}
                    {n === ids.length - 1 &&
                      (rejectedOf.get(id) ?? []).map((l) => (
                        <div key={`${l.a}:${l.b}`} className="link rejected" data-testid="rejected-link">
                          <CrossIcon /> {pathOf(l.a === id ? l.b : l.a)}{' '}
                          <button type="button" data-testid="link-undo-reject" onClick={() => void decide(l.a, l.b, 'unlink')}>
                            {t('unlink')}
                          </button>
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
            const key = `${l.a}:${l.b}`;
            const isActive = activeLink != null && `${activeLink.a}:${activeLink.b}` === key;
            return (
              <li
                key={key}
                className={`link ${l.status}${isActive ? ' active-link' : ''}`}
                data-testid="row-link"
                data-status={l.status}
                data-a={l.a}
                data-b={l.b}
                data-active={isActive || undefined}
                title={isActive ? t('activeLink') : undefined}
                onClick={() => pickLink(key)}
              >
                <span className="link-pair">
                  {pathOf(l.a)} <PairIcon /> {pathOf(l.b)}
                </span>{' '}
                <span className="muted">{l.score != null ? t('score', { score: l.score.toFixed(2) }) : t('manual')}</span>{' '}
                <span className="link-reason">{reasonText(t, l.reasons ?? [], lang)}</span>{' '}
                {l.status !== 'confirmed' && (
                  <button type="button" data-testid="link-confirm" onClick={() => void decide(l.a, l.b, 'confirmed')}>
                    {t('confirm')}
                  </button>
                )}
                {l.status === 'suggested' && (
                  <button type="button" data-testid="link-reject" onClick={() => void decide(l.a, l.b, 'rejected')}>
                    {t('reject')}
                  </button>
                )}
                {l.status === 'confirmed' && (
                  <button type="button" data-testid="link-unlink" onClick={() => void decide(l.a, l.b, 'unlink')}>
                    {t('unlink')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
