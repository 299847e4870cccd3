import { useTranslation } from 'react-i18next';
import { displayPieces, type CellDiff } from '../../../shared/domain/diff';

/** A clause's text with what differs from its row highlighted, and its numbers marked by how they compare. Plain text only. */
export function CellText({ diff }: { diff: CellDiff }) {
  const { t } = useTranslation('compare');
  const titles = { same: t('quantitySame'), differs: t('quantityDiffers'), only: t('quantityOnly') };
  return (
    <span className="cell-text">
      {displayPieces(diff).map((p, i) =>
        p.quantity ? (
          <mark key={i} className={`qty qty-${p.quantity}${p.changed ? ' diff' : ''}`} title={titles[p.quantity]} data-testid="quantity">
            {p.text}
          </mark>
        ) : p.changed ? (
          <span key={i} className="diff" data-testid="diff">
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}
