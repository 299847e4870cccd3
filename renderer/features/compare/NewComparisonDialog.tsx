import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogOverlay } from '../../app/DialogOverlay';
import type { ComparisonMember } from '../../../shared/api/methods/compare';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import { useApi, useLoad } from '../../api/ApiProvider';
import { navigate } from '../../app/router';

const key = (m: ComparisonMember) => `${m.docId}:${m.partIndex ?? ''}`;
/** Documents shown per page of the picker; "more" adds a page. A corpus of thousands is typed down, not scrolled. */
const PAGE = 50;

/**
 * Choose 2–6 documents, or parts of documents (one of the plans a file carries), and a name. The
 * documents come from the backend a page at a time, narrowed by what is typed in the filter
 * (documents.find), so a corpus of thousands opens as fast as one of five.
 */
export function NewComparisonDialog({ preset, onClose }: { preset: number[]; onClose: () => void }) {
  const { t } = useTranslation('compare');
  const api = useApi();
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const found = useLoad((a) => a['documents.find']({ q, limit }), [q, limit], ['documents']);
  // Every document seen so far, to name the chosen ones when the filter no longer shows them.
  const [known, setKnown] = useState<ReadonlyMap<number, DocumentSummary>>(new Map());
  const remember = (ds: DocumentSummary[]) => setKnown((k) => (ds.every((d) => k.get(d.id) === d) ? k : new Map([...k, ...ds.map((d) => [d.id, d] as const)])));
  useEffect(() => {
    if (found.data) remember(found.data.documents);
  }, [found.data]);
  useEffect(() => {
    if (preset.length) void api['documents.find']({ ids: preset.slice(0, 1000), limit: 500 }).then((r) => remember(r.documents));
    // The preset is fixed for the dialog's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [chosen, setChosen] = useState<ComparisonMember[]>(() => preset.map((docId) => ({ docId, partIndex: null })));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const toggle = (m: ComparisonMember) => setChosen((c) => (c.some((x) => key(x) === key(m)) ? c.filter((x) => key(x) !== key(m)) : [...c, m]));
  const labelOf = (m: ComparisonMember) => {
    const d = known.get(m.docId);
    const part = m.partIndex == null ? null : d?.parts.find((p) => p.index === m.partIndex);
    return [d?.city, part?.title ?? d?.title].filter(Boolean).join(' ');
  };

  async function create() {
    if (chosen.length < 2) return setError(t('tooFew'));
    if (chosen.length > 6) return setError(t('tooMany'));
    try {
      const c = await api['compare.create']({
        name: name.trim() || t('defaultName', { names: chosen.map((m) => labelOf(m).slice(0, 12)).join(' / ') }).slice(0, 200),
        members: chosen,
      });
      navigate('compare', [c.id]);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <DialogOverlay onClose={onClose}>
      <div className="dialog new-comparison" role="dialog" aria-modal="true" aria-labelledby="new-comparison-title" data-testid="new-comparison-dialog">
        <h2 id="new-comparison-title">{t('newComparison')}</h2>
        <label>
          {t('name')} <input data-testid="new-comparison-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <p>
          {t('pickDocuments')} <span className="muted">({t('chosen', { count: chosen.length })})</span>
        </p>
        {chosen.length > 0 && (
          <ul className="chosen-members" data-testid="chosen-members">
            {chosen.map((m) => (
              <li key={key(m)}>
                <button
                  type="button"
                  className="chip"
                  data-testid="chosen-member"
                  onClick={() => toggle(m)}
                  aria-label={t('unchoose', { name: labelOf(m) || m.docId })}
                >
                  {labelOf(m) || `#${m.docId}`} ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          type="search"
          className="picker-filter"
          value={q}
          placeholder={t('pickFilter')}
          aria-label={t('pickFilter')}
          data-testid="pick-filter"
          onChange={(e) => {
            setQ(e.target.value);
            setLimit(PAGE);
          }}
        />
        <ul className="member-picker" data-testid="pick-list" aria-busy={found.loading}>
          {found.data?.documents.map((d) => (
            <li key={d.id}>
              <label>
                <input
                  type="checkbox"
                  data-testid={`pick-doc-${d.id}`}
                  checked={chosen.some((x) => key(x) === key({ docId: d.id, partIndex: null }))}
                  onChange={() => toggle({ docId: d.id, partIndex: null })}
                />
                {[d.city, d.year, d.title ?? d.file].filter(Boolean).join(' · ')} {d.parts.length > 0 && <span className="muted">({t('wholeDocument')})</span>}
              </label>
              {d.parts.length > 0 && (
                <ul>
                  {d.parts.map((p) => (
                    <li key={p.index}>
                      <label>
                        <input
                          type="checkbox"
                          data-testid={`pick-part-${d.id}-${p.index}`}
                          checked={chosen.some((x) => key(x) === key({ docId: d.id, partIndex: p.index }))}
                          onChange={() => toggle({ docId: d.id, partIndex: p.index })}
                        />
                        {t('part', { n: p.index + 1, title: p.title })}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        {found.data && (
          <p className="muted picker-count" data-testid="pick-count">
            {found.data.total === 0 ? t('pickNone') : t('pickShown', { shown: found.data.documents.length, total: found.data.total })}{' '}
            {found.data.documents.length < found.data.total && limit < 500 && (
              <button type="button" className="link" data-testid="pick-more" onClick={() => setLimit((l) => l + PAGE)}>
                {t('pickMore')}
              </button>
            )}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button type="button" data-testid="create-comparison" onClick={() => void create()}>
            {t('create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </DialogOverlay>
  );
}
