import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationKind, AnnotationSummary } from '../../../shared/api/methods/notes';
import { useApi, useLoad } from '../../api/ApiProvider';
import { DocumentPicker } from '../../app/DocumentPicker';
import { type Route, navigate, routeHref } from '../../app/router';
import { NoteEditor } from './editors';
import { RowNoteContext } from './RowNoteContext';
import './notes.css';
import { annotationKinds } from '../../../shared/domain/vocabulary';

const KINDS: readonly AnnotationKind[] = annotationKinds;

/** Where a note points: the Reader for document, clause and range notes; the compare view for the rest. */
function targetHref(n: AnnotationSummary): string | null {
  const tg = n.target;
  if (tg.kind === 'clause') return routeHref('reader', [tg.docId], { clause: tg.clauseId });
  if (tg.kind === 'range') return routeHref('reader', [tg.docId], { clause: n.context.clauseId ?? undefined, q: n.context.quote ?? undefined });
  if (tg.kind === 'document') return routeHref('reader', [tg.docId]);
  if (tg.kind === 'comparison') return routeHref('compare', [tg.comparisonId]);
  return tg.comparisonId ? routeHref('compare', [tg.comparisonId]) : null;
}

function OpenNote({ id }: { id: number }) {
  const note = useLoad((api) => api['notes.get']({ id }), [id]);
  if (!note.data) return <p className="muted">{note.error?.message ?? '…'}</p>;
  return <NoteEditor noteId={id} initial={note.data.content} autoFocus />;
}

/** #/notes?q=…&kind=…&doc=…: every note, filtered and searched; a note opens in place for editing. */
export function NotesPage({ route }: { route: Route }) {
  const { t, i18n } = useTranslation('notes');
  const api = useApi();
  const q = route.params.get('q') ?? '';
  const kind = (route.params.get('kind') as AnnotationKind | null) ?? undefined;
  const docId = Number(route.params.get('doc')) || undefined;
  const [open, setOpen] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<number | null>(null);
  const [draft, setDraft] = useState(q);
  const notes = useLoad((a) => a['notes.list']({ q: q || undefined, kind, docId }), [q, kind, docId], ['notes']);
  const go = (p: { q?: string; kind?: string; doc?: number }) => navigate('notes', [], { q: p.q ?? q, kind: p.kind ?? kind, doc: p.doc ?? docId });
  const list = notes.data ?? [];
  return (
    <div className="page notes-page" data-testid="notes-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: draft });
        }}
      >
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          data-testid="notes-search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <select
          aria-label={t('allKinds')}
          data-testid="notes-kind"
          value={kind ?? ''}
          onChange={(e) => navigate('notes', [], { q, kind: e.target.value || undefined, doc: docId })}
        >
          <option value="">{t('allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <DocumentPicker
          testId="notes-doc"
          label={t('allDocuments')}
          placeholder={t('allDocuments')}
          value={docId ?? null}
          onPick={(d) => navigate('notes', [], { q, kind, doc: d.id })}
          onClear={() => navigate('notes', [], { q, kind, doc: undefined })}
        />
      </form>
      {deleted !== null && (
        <p role="status">
          {t('deleted')}{' '}
          <button type="button" data-testid="undo-delete-note" onClick={() => void api['notes.restore']({ id: deleted }).then(() => setDeleted(null))}>
            {t('undoDelete')}
          </button>
        </p>
      )}
      {!notes.loading && list.length === 0 && <p className="muted">{q || kind || docId ? t('noMatch') : t('none')}</p>}
      <ul className="notes-list">
        {list.map((n) => {
          const href = targetHref(n);
          return (
            <li key={n.id} className="note-card" data-testid="note-card">
              <div className="note-meta">
                <span className="tag">{t(`kind.${n.target.kind}`)}</span>{' '}
                {n.target.kind === 'alignmentRow' ? null : href ? (
                  <a href={href}>{[n.context.city, n.context.docTitle, n.context.clausePath].filter(Boolean).join(' · ') || t('open')}</a>
                ) : (
                  <span>{n.context.docTitle}</span>
                )}
                {n.context.quote && <q className="muted"> {n.context.quote.slice(0, 60)}</q>}
                {n.target.kind === 'alignmentRow' && n.target.comparisonId && (
                  <RowNoteContext comparisonId={n.target.comparisonId} clauseIds={n.target.clauseIds} />
                )}
                <span className="muted"> · {t('updated', { date: new Date(n.updatedAt).toLocaleString(i18n.language) })}</span>
              </div>
              {open === n.id ? (
                <>
                  <OpenNote id={n.id} />
                  <button type="button" onClick={() => setOpen(null)}>
                    {t('close')}
                  </button>
                </>
              ) : (
                <p className="note-text" data-testid="note-text">
                  {n.plainText || '…'}
                </p>
              )}
              <div className="toolbar">
                {open !== n.id && (
                  <button type="button" data-testid="edit-note" onClick={() => setOpen(n.id)}>
                    {t('edit')}
                  </button>
                )}
                {n.mentions.map((m) => (
                  <a key={`${m.docId}-${m.clauseId}`} href={routeHref('reader', [m.docId], { clause: m.clauseId })} data-testid="note-mention">
                    @{m.clauseId}
                  </a>
                ))}
                <button type="button" data-testid="delete-note" onClick={() => void api['notes.delete']({ id: n.id }).then(() => setDeleted(n.id))}>
                  {t('delete')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
