import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/ApiProvider';

export interface PickedClause {
  docId: number;
  clauseId: number;
  label: string;
}

/** Pick a clause to mention: a document, then a clause filtered by its text or path. */
export function MentionPicker({ onPick, onClose }: { onPick: (c: PickedClause) => void; onClose: () => void }) {
  const { t } = useTranslation('notes');
  const docs = useLoad((api) => api['documents.list']({}), [], ['documents']);
  const [docId, setDocId] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const clauses = useLoad((api) => (docId ? api['documents.clauses']({ id: docId }) : Promise.resolve([])), [docId]);
  const doc = docs.data?.find((d) => d.id === docId);
  const shown = (clauses.data ?? [])
    .filter((c) => c.kind === 'measure' || c.kind === 'heading')
    .filter((c) => !q || c.text.includes(q) || c.path.includes(q))
    .slice(0, 50);
  return (
    <div className="mention-picker" data-testid="mention-picker" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <select aria-label={t('pickDocument')} data-testid="mention-doc" value={docId ?? ''} onChange={(e) => setDocId(Number(e.target.value) || null)}>
        <option value="">{t('pickDocument')}</option>
        {docs.data?.map((d) => (
          <option key={d.id} value={d.id}>
            {[d.city, d.title ?? d.file].filter(Boolean).join(' · ')}
          </option>
        ))}
      </select>
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
