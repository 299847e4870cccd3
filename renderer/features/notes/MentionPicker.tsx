import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { useLoad } from '../../api/ApiProvider';
import { DocumentPicker } from '../../app/DocumentPicker';
import { isComposingKey } from '../../app/commands/keyboard';

export interface PickedClause {
  docId: number;
  clauseId: number;
  label: string;
}

/** Pick a clause to mention: a document (typed down, not chosen among thousands), then a clause filtered by its text or path. */
export function MentionPicker({ onPick, onClose }: { onPick: (c: PickedClause) => void; onClose: () => void }) {
  const { t } = useTranslation('notes');
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const docId = doc?.id ?? null;
  const [q, setQ] = useState('');
  const clauses = useLoad((api) => (docId ? api['documents.clauses']({ id: docId }) : Promise.resolve([])), [docId]);
  const shown = (clauses.data ?? [])
    .filter((c) => c.kind === 'measure' || c.kind === 'heading')
    .filter((c) => !q || c.text.includes(q) || c.path.includes(q))
    .slice(0, 50);
  return (
    <div className="mention-picker" data-testid="mention-picker" onKeyDown={(e) => e.key === 'Escape' && !isComposingKey(e) && onClose()}>
      <DocumentPicker testId="mention-doc" label={t('pickDocument')} placeholder={t('pickDocument')} value={docId} onPick={setDoc} autoFocus />
      <input aria-label={t('filterClauses')} placeholder={t('filterClauses')} data-testid="mention-filter" value={q} onChange={(e) => setQ(e.target.value)} />
      <ul>
        {shown.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              data-testid="mention-option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick({ docId: c.docId, clauseId: c.id, label: `${doc?.city ?? ''} ${c.path}`.trim() })}
            >
              <b>{c.path}</b> {c.text.slice(0, 40)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
