import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/api/methods/documents';
import { useLoad } from '../../api/ApiProvider';
import { type MarkedRange, readerExtensions } from '../../app/extensions';
import { type Route, navigate, routeHref } from '../../app/router';
import { ClauseBlock } from './ClauseBlock';
import { MetadataPanel } from './MetadataPanel';
import { Outline } from './Outline';
import { findOccurrences } from './highlight';
import { useTextSelection } from './useSelection';
import './reader.css';

/** Calls every extension's useRanges hook; the list of extensions is fixed at build time. */
function useExtensionRanges(docId: number): MarkedRange[] {
  const all: MarkedRange[] = [];
  for (const x of readerExtensions) if (x.useRanges) all.push(...x.useRanges(docId));
  return all;
}

export function ReaderPage({ route }: { route: Route }) {
  const { t } = useTranslation('reader');
  const docId = Number(route.args[0]);
  const q = route.params.get('q') ?? '';
  const wanted = Number(route.params.get('clause')) || null;
  const data = useLoad(
    async (api) => {
      const [doc, text, clauses] = await Promise.all([
        api['documents.get']({ id: docId }),
        api['documents.text']({ id: docId }),
        api['documents.clauses']({ id: docId }),
      ]);
      return { doc, text: text.text, clauses };
    },
    [docId],
    ['documents'],
  );
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [selected, setSelected] = useState<number | null>(wanted);
  const [textEl, setTextEl] = useState<HTMLElement | null>(null);
  const [selection, clearSelection] = useTextSelection(textEl);
  const extensionRanges = useExtensionRanges(docId);

  useEffect(() => setDoc(data.data?.doc ?? null), [data.data]);
  useEffect(() => setSelected(wanted), [wanted, docId]);

  const hits = useMemo<MarkedRange[]>(() => {
    if (!q || !data.data) return [];
    return findOccurrences(data.data.text, q).map((o) => ({ ...o, className: 'hit' }));
  }, [q, data.data]);
  const ranges = useMemo(() => [...extensionRanges, ...hits], [extensionRanges, hits]);

  // Scroll to the wanted clause once the text is there (from search hits, outline, links).
  useEffect(() => {
    if (!selected || !doc) return;
    document.getElementById(`clause-${selected}`)?.scrollIntoView({ block: 'center' });
  }, [selected, doc]);

  if (!Number.isInteger(docId) || docId <= 0 || data.error) {
    return (
      <div className="page">
        <a href={routeHref('library')}>{t('back')}</a>
        <p className="error" role="alert">
          {data.error?.message ?? t('notFound')}
        </p>
      </div>
    );
  }
  if (!data.data || !doc) return <div className="page muted">{t('app:loading')}</div>;
  const { text, clauses } = data.data;
  const selectedClause = clauses.find((c) => c.id === selected) ?? null;
  const selectionClause = selection ? (clauses.find((c) => c.id === selection.clauseId) ?? null) : null;

  const pick = (id: number) => {
    setSelected(id);
    navigate('reader', [docId], { clause: id, q: q || undefined });
  };

  return (
    <div className="reader" data-testid="reader">
      <aside className="reader-outline">
        <a href={routeHref('library')} className="back">
          {t('back')}
        </a>
        <h2>{t('outline')}</h2>
        <Outline clauses={clauses} selected={selected} onSelect={pick} />
      </aside>
      <article className="reader-text" ref={setTextEl} aria-label={doc.title ?? doc.file}>
        <header>
          <h1 data-testid="reader-title">{doc.title ?? doc.file}</h1>
          <div className="muted">{[doc.city, doc.docNumber, doc.dateWritten ?? doc.datePublished].filter(Boolean).join(' · ')}</div>
          <div className="reader-actions">
            <a className="button" href={routeHref('compare', ['new'], { docs: docId })} data-testid="reader-compare">
              {t('compareWith')}
            </a>
          </div>
          {q && (
            <div className="hit-count" data-testid="hit-count">
              {t('hits', { count: hits.length, q })}
            </div>
          )}
        </header>
        {selection && selectionClause && (
          <div className="selection-actions" data-testid="selection-actions">
            {readerExtensions.map((x) =>
              x.SelectionActions ? (
                <x.SelectionActions
                  key={x.id}
                  clause={selectionClause}
                  docId={docId}
                  start={selection.start}
                  end={selection.end}
                  text={selection.text}
                  clear={clearSelection}
                />
              ) : null,
            )}
          </div>
        )}
        {clauses.map((c) => (
          <ClauseBlock key={c.id} clause={c} text={text} ranges={ranges} selected={c.id === selected} onSelect={setSelected} />
        ))}
      </article>
      <aside className="reader-side">
        <MetadataPanel doc={doc} onSaved={setDoc} />
        {readerExtensions.map((x) => (x.Panel ? <x.Panel key={x.id} docId={docId} selectedClause={selectedClause} /> : null))}
      </aside>
    </div>
  );
}
