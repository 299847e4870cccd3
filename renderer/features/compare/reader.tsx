import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clause } from '../../../shared/api/methods/documents';
import { useApi, useLoad } from '../../api/ApiProvider';
import type { ReaderExtension } from '../../app/extensions';
import { navigate, routeHref } from '../../app/router';
import './compare.css';

// The clause whose "where else" the side panel shows; set by the action button.
let asked: Clause | null = null;
const listeners = new Set<() => void>();
function ask(c: Clause) {
  asked = c;
  listeners.forEach((l) => l());
}

function Actions({ clause }: { clause: Clause; docId: number }) {
  const { t } = useTranslation('compare');
  if (clause.kind === 'part' || clause.kind === 'preamble') return null;
  return (
    <button type="button" data-testid="where-else" onClick={() => ask(clause)}>
      {t('whereElse')}
    </button>
  );
}

function Panel({ docId }: { docId: number; selectedClause: Clause | null }) {
  const { t } = useTranslation('compare');
  const api = useApi();
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((x) => x + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  const clause = asked && asked.docId === docId ? asked : null;
  const hits = useLoad((a) => (clause ? a['compare.whereElse']({ clauseId: clause.id, limit: 15 }) : Promise.resolve(null)), [clause?.id], ['documents']);

  async function compareWith(hit: { docId: number; partIndex: number | null; clauseId: number; city: string | null; title: string }) {
    if (!clause) return;
    const doc = await api['documents.get']({ id: docId });
    const mine = { docId, partIndex: clause.partIndex };
    const name = t('pairName', { a: [doc.city, doc.year].filter(Boolean).join(' ') || doc.title || '', b: hit.city ?? hit.title });
    const c = await api['compare.create']({ name, members: [mine, { docId: hit.docId, partIndex: hit.partIndex }] });
    navigate('compare', [c.id], { clause: clause.id });
  }

  return (
    <section className="panel where-else-panel" data-testid="where-else-panel">
      <h3>
        {t('whereElseTitle')}
        {clause ? ` · ${clause.path}` : ''}
      </h3>
      {!clause && <p className="muted">{t('whereElseHint')}</p>}
      {clause && hits.data && !hits.data.hits.length && <p className="muted">{t('whereElseNone')}</p>}
      <ol className="where-else-list">
        {hits.data?.hits.map((h) => (
          <li key={h.clauseId} data-testid="where-else-hit" data-doc-id={h.docId}>
            <strong>{[h.city, h.year].filter(Boolean).join(' ')}</strong> <span>{h.title}</span> <span className="tag">{h.path}</span>{' '}
            <span className="muted">{h.score.toFixed(2)}</span>
            <span className="where-else-text">{h.text}</span>
            <span className="toolbar">
              <a href={routeHref('reader', [h.docId], { clause: h.clauseId })}>{t('openInReader')}</a>
              <button type="button" data-testid="where-else-compare" onClick={() => void compareWith(h)}>
                {t('compareWith')}
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export const readerExtension: ReaderExtension = { id: 'compare', Actions, Panel };
