import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, MetadataFieldName, MetadataFields } from '../../../shared/api/methods/documents';
import { useApi } from '../../api/ApiProvider';
import { routeHref } from '../../app/router';
import { adminLevels, metadataFieldNames, metadataFields } from '../../../shared/domain/vocabulary';

const fields: readonly MetadataFieldName[] = metadataFieldNames;
const dateFields = new Set<MetadataFieldName>(metadataFields.filter((f) => f.kind === 'date').map((f) => f.name));

/** The document's metadata, editable; edited fields are kept through re-analysis. */
export function MetadataPanel({ doc, onSaved }: { doc: DocumentDetail; onSaved: (d: DocumentDetail) => void }) {
  const { t } = useTranslation('reader');
  const api = useApi();
  const [draft, setDraft] = useState<MetadataFields | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = (f: MetadataFieldName) => {
    const v = doc[f];
    if (v == null || v === '') return '—';
    return f === 'level' ? t(`level.${v}`) : v;
  };

  async function save() {
    if (!draft) return;
    const changed = Object.fromEntries(
      fields.filter((f) => (draft[f] ?? null) !== (doc[f] ?? null)).map((f) => [f, draft[f] === '' ? null : draft[f]]),
    ) as Partial<MetadataFields>;
    for (const f of fields) {
      const v = changed[f];
      if (dateFields.has(f) && typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
        setError(`${t(`field.${f}`)}: ${t('invalidDate')}`);
        return;
      }
    }
    try {
      onSaved(await api['documents.updateMetadata']({ id: doc.id, fields: changed }));
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="metadata-panel" data-testid="metadata-panel" aria-label={t('metadata')}>
      <header>
        <h2>{t('metadata')}</h2>
        {!draft && (
          <button onClick={() => setDraft({ ...doc })} data-testid="metadata-edit">
            {t('edit')}
          </button>
        )}
      </header>
      {draft ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {fields.map((f) => (
            <label key={f}>
              <span>{t(`field.${f}`)}</span>
              {f === 'level' ? (
                <select value={draft.level ?? ''} onChange={(e) => setDraft({ ...draft, level: (e.target.value || null) as MetadataFields['level'] })}>
                  <option value="">—</option>
                  {adminLevels.map((l) => (
                    <option key={l} value={l}>
                      {t(`level.${l}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <input value={draft[f] ?? ''} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} data-testid={`metadata-input-${f}`} />
              )}
            </label>
          ))}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="toolbar">
            <button type="submit" className="primary" data-testid="metadata-save">
              {t('app:save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setError(null);
              }}
            >
              {t('app:cancel')}
            </button>
          </div>
        </form>
      ) : (
        <dl>
          {fields.map((f) => (
            <div key={f} data-testid={`metadata-${f}`}>
              <dt>{t(`field.${f}`)}</dt>
              <dd>
                {show(f)}
                {doc.inferred.includes(f) && (
                  <span className="tag inferred" title={t('inferred')}>
                    {t('inferred')}
                  </span>
                )}
                {doc.edited.includes(f) && <span className="tag">{t('edited')}</span>}
              </dd>
            </div>
          ))}
          {doc.history.length > 0 && (
            <div data-testid="metadata-history">
              <dt>{t('field.history')}</dt>
              <dd>
                <ol className="history">
                  {doc.history.map((e, i) => (
                    <li key={i}>
                      {e.date ?? '—'} {t(`event.${e.event}`)}
                      {e.by ? ` · ${e.by}` : ''}
                    </li>
                  ))}
                </ol>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('field.file')}</dt>
            <dd>{doc.file}</dd>
          </div>
          <div>
            <dt>{t('field.format')}</dt>
            <dd data-testid="metadata-format">{doc.format}</dd>
          </div>
          <div>
            <dt>{t('field.encoding')}</dt>
            <dd data-testid="metadata-encoding">{doc.encoding ?? '—'}</dd>
          </div>
        </dl>
      )}
      {doc.cited.length > 0 && (
        <>
          <h3>{t('cites')}</h3>
          <ul className="cites">
            {doc.cited.map((c) => (
              <li key={c.docNumber}>
                {c.documentId ? <a href={routeHref('reader', [c.documentId])}>{c.docNumber}</a> : <span title={t('notInCorpus')}>{c.docNumber}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {doc.citedBy.length > 0 && (
        <>
          <h3>{t('citedBy')}</h3>
          <ul className="cites">
            {doc.citedBy.map((c) => (
              <li key={c.id}>
                <a href={routeHref('reader', [c.id])}>{c.title ?? c.id}</a> {c.city && <span className="muted">{c.city}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
