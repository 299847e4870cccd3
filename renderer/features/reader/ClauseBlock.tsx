import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../shared/api/methods/documents';
import { type MarkedRange, readerExtensions } from '../../app/extensions';
import { segment } from './highlight';

interface Props {
  clause: Clause;
  text: string;
  ranges: MarkedRange[];
  selected: boolean;
  onSelect: (id: number) => void;
}

/**
 * One clause of the text. Every text piece carries data-offset (its start in the cleaned text)
 * so a selection can be turned back into offsets, which is what codings and notes store.
 */
export const ClauseBlock = memo(function ClauseBlock({ clause, text, ranges, selected, onSelect }: Props) {
  const { t } = useTranslation('reader');
  const pieces = segment(clause.start, clause.end, ranges);
  const agencies = clause.agencies;
  // A heading whose own text runs on into an introductory paragraph is not shown all in bold.
  const prose = clause.kind === 'heading' && clause.text.length > (clause.heading?.length ?? 0) + 12 ? ' prose' : '';
  return (
    <div
      id={`clause-${clause.id}`}
      className={`clause kind-${clause.kind}${prose} level-${Math.min(clause.level, 5)} ${selected ? 'selected' : ''}`}
      data-clause-id={clause.id}
      data-testid="clause"
      onClick={() => onSelect(clause.id)}
    >
      <div className="clause-margin">{readerExtensions.map((x) => (x.Margin ? <x.Margin key={x.id} clause={clause} docId={clause.docId} /> : null))}</div>
      <div className="clause-body">
        <p className="clause-text">
          {pieces.map((p) => {
            const s = text.slice(p.start, p.end);
            if (!p.marks.length)
              return (
                <span key={p.start} data-offset={p.start}>
                  {s}
                </span>
              );
            const style = Object.assign({}, ...p.marks.map((m) => m.style ?? {}));
            return (
              <mark
                key={p.start}
                data-offset={p.start}
                className={p.marks.map((m) => m.className).join(' ')}
                style={style}
                title={
                  p.marks
                    .map((m) => m.title)
                    .filter(Boolean)
                    .join('\n') || undefined
                }
              >
                {s}
              </mark>
            );
          })}
        </p>
        {(agencies.lead.length > 0 || agencies.responsible.length > 0) && (
          <div className="agencies" data-testid="agencies">
            {agencies.lead.length > 0 && (
              <span>
                <b>{t('agencies.lead')}</b> {agencies.lead.join('、')}
              </span>
            )}
            {agencies.responsible.length > 0 && (
              <span>
                <b>{t('agencies.responsible')}</b> {agencies.responsible.join('、')}
              </span>
            )}
          </div>
        )}
        {selected && (
          <div className="clause-actions" onClick={(e) => e.stopPropagation()}>
            <span className="muted path">{clause.path}</span>
            {readerExtensions.map((x) => (x.Actions ? <x.Actions key={x.id} clause={clause} docId={clause.docId} /> : null))}
          </div>
        )}
      </div>
    </div>
  );
});
