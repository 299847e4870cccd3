import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonMember } from '../../../shared/api/methods/compare';
import { useApi, useLoad } from '../../api/ApiProvider';
import { navigate } from '../../app/router';

const key = (m: ComparisonMember) => `${m.docId}:${m.partIndex ?? ''}`;

/** Choose 2–6 documents, or parts of documents (one of the plans a file carries), and a name. */
export function NewComparisonDialog({ preset, onClose }: { preset: number[]; onClose: () => void }) {
  const { t } = useTranslation('compare');
  const api = useApi();
  const docs = useLoad((a) => a['documents.list']({}), [], ['documents']);
  const [chosen, setChosen] = useState<ComparisonMember[]>(() => preset.map((docId) => ({ docId, partIndex: null })));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const toggle = (m: ComparisonMember) =>
    setChosen((c) => (c.some((x) => key(x) === key(m)) ? c.filter((x) => key(x) !== key(m)) : [...c, m]));
  const labelOf = (m: ComparisonMember) => {
    const d = docs.data?.find((x) => x.id === m.docId);
    const part = m.partIndex == null ? null : d?.parts.find((p) => p.index === m.partIndex);
    return [d?.city, part?.title ?? d?.title].filter(Boolean).join(' ');
  };

  async function create() {
    if (chosen.length < 2) return setError(t('tooFew'));
    if (chosen.length > 6) return setError(t('tooMany'));
    try {
      const c = await api['compare.create']({ name: name.trim() || t('defaultName', { names: chosen.map((m) => labelOf(m).slice(0, 12)).join(' / ') }).slice(0, 200), members: chosen });
      navigate('compare', [c.id]);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog new-comparison" role="dialog" aria-modal="true" aria-labelledby="new-comparison-title" data-testid="new-comparison-dialog">
        <h2 id="new-comparison-title">{t('newComparison')}</h2>
        <label>
          {t('name')} <input data-testid="new-comparison-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <p>{t('pickDocuments')} <span className="muted">({t('chosen', { count: chosen.length })})</span></p>
        <ul className="member-picker">
          {docs.data?.map((d) => (
            <li key={d.id}>
              <label>
                <input type="checkbox" data-testid={`pick-doc-${d.id}`} checked={chosen.some((x) => key(x) === key({ docId: d.id, partIndex: null }))} onChange={() => toggle({ docId: d.id, partIndex: null })} />
                {[d.city, d.year, d.title ?? d.file].filter(Boolean).join(' · ')} {d.parts.length > 0 && <span className="muted">({t('wholeDocument')})</span>}
              </label>
              {d.parts.length > 0 && (
                <ul>
                  {d.parts.map((p) => (
                    <li key={p.index}>
                      <label>
                        <input type="checkbox" data-testid={`pick-part-${d.id}-${p.index}`} checked={chosen.some((x) => key(x) === key({ docId: d.id, partIndex: p.index }))} onChange={() => toggle({ docId: d.id, partIndex: p.index })} />
                        {t('part', { n: p.index + 1, title: p.title })}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="toolbar">
          <button type="button" data-testid="create-comparison" onClick={() => void create()}>{t('create')}</button>
          <button type="button" onClick={onClose}>{t('cancel')}</button>
        </div>
      </div>
    </div>
  );
}
