import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationTarget } from '../../../shared/api/methods/notes';
import type { Clause } from '../../../shared/api/methods/documents';
import { useApi, useApiEvents, useLoad } from '../../api/ApiProvider';
import type { MarkedRange, ReaderExtension } from '../../app/extensions';
import { NoteIcon } from '../../app/icons';
import { AnnotationEditor } from './editors';
import './notes.css';

// The Reader's side panel shows the editor for what the researcher chose to annotate.
let current: { target: AnnotationTarget; title: string } | null = null;
const listeners = new Set<() => void>();
function annotate(target: AnnotationTarget, title: string) {
  current = { target, title };
  listeners.forEach((l) => l());
}

// Which clauses of a document carry a note (on the clause or on a passage in it): one request per
// document for all its clause margins, refreshed on every 'notes' event.
let noted: { docId: number; counts: Map<number, number> } | null = null;
const notedListeners = new Set<() => void>();
function setNoted(docId: number, counts: Map<number, number>) {
  noted = { docId, counts };
  notedListeners.forEach((l) => l());
}
function useNoteCount(docId: number, clauseId: number): number {
  return useSyncExternalStore(
    (l) => {
      notedListeners.add(l);
      return () => {
        notedListeners.delete(l);
      };
    },
    () => (noted?.docId === docId ? (noted.counts.get(clauseId) ?? 0) : 0),
  );
}

/** A note marker in the margin of a clause that has notes; clicking it opens them. */
function Margin({ clause, docId }: { clause: Clause; docId: number }) {
  const { t } = useTranslation('notes');
  const count = useNoteCount(docId, clause.id);
  if (!count) return null;
  return (
    <button
      type="button"
      className="note-marker"
      data-testid="note-marker"
      title={t('hasNotes', { count })}
      aria-label={t('hasNotes', { count })}
      onClick={() => annotate({ kind: 'clause', docId, clauseId: clause.id }, `${t('notesOfClause')} ${clause.path}`)}
    >
      <NoteIcon />
    </button>
  );
}

function Actions({ clause, docId }: { clause: Clause; docId: number }) {
  const { t } = useTranslation('notes');
  if (clause.kind === 'part') return null;
  return (
    <button
      type="button"
      data-testid="annotate-clause"
      onClick={() => annotate({ kind: 'clause', docId, clauseId: clause.id }, `${t('notesOfClause')} ${clause.path}`)}
    >
      {t('annotate')}
    </button>
  );
}

function SelectionActions({ docId, start, end, text, clear }: { clause: Clause; docId: number; start: number; end: number; text: string; clear: () => void }) {
  const { t } = useTranslation('notes');
  return (
    <button
      type="button"
      data-testid="annotate-range"
      onClick={() => {
        annotate({ kind: 'range', docId, start, end }, t('notesOfRange', { text: text.slice(0, 20) }));
        clear();
      }}
    >
      {t('annotateSelection')}
    </button>
  );
}

function Panel({ docId, selectedClause }: { docId: number; selectedClause: Clause | null }) {
  const { t } = useTranslation('notes');
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((x) => x + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  // Another document, or another clause selected: the panel follows the selection (an editor
  // opened for a passage or the previous clause is left; its text was saved as it unmounted).
  const [showDocument, setShowDocument] = useState(false);
  const selectedId = selectedClause?.id ?? null;
  useEffect(() => {
    current = null;
    setShowDocument(false);
  }, [docId, selectedId]);
  const shown = current && (!('docId' in current.target) || current.target.docId === docId) ? current : null;
  const clauseTarget =
    selectedClause && selectedClause.kind !== 'part' && !showDocument
      ? { target: { kind: 'clause', docId, clauseId: selectedClause.id } as AnnotationTarget, title: `${t('notesOfClause')} ${selectedClause.path}` }
      : null;
  const view = shown ?? clauseTarget ?? { target: { kind: 'document', docId } as AnnotationTarget, title: t('notesOfDocument') };
  return (
    <section className="panel notes-panel" data-testid="notes-panel">
      <h3 data-testid="notes-panel-title">{view.title}</h3>
      {view.target.kind !== 'document' && (
        <button
          type="button"
          className="link-button"
          data-testid="notes-of-document"
          onClick={() => {
            current = null;
            setShowDocument(true);
          }}
        >
          {t('notesOfDocument')}
        </button>
      )}
      <AnnotationEditor key={JSON.stringify(view.target)} target={view.target} />
    </section>
  );
}

/** Annotated ranges are marked in the text; clauses with notes get a marker (loaded here, once per Reader). */
function useRanges(docId: number): MarkedRange[] {
  const api = useApi();
  const data = useLoad((a) => a['notes.ranges']({ docId }), [docId]);
  const { reload } = data;
  const loadNoted = () => {
    void api['notes.list']({ docId, limit: 5000 }).then(
      (notes) => {
        const counts = new Map<number, number>();
        for (const n of notes)
          if (n.context.clauseId != null && (n.target.kind === 'clause' || n.target.kind === 'range'))
            counts.set(n.context.clauseId, (counts.get(n.context.clauseId) ?? 0) + 1);
        setNoted(docId, counts);
      },
      () => undefined,
    );
  };
  useEffect(loadNoted, [api, docId]);
  useApiEvents((e) => {
    if (e.type === 'changed' && (e.topic === 'notes' || e.topic === 'documents')) {
      reload();
      loadNoted();
    }
  });
  return (data.data ?? []).map((r) => ({ start: r.start, end: r.end, className: 'note-range', title: `#${r.id}` }));
}

export const readerExtension: ReaderExtension = { id: 'notes', Margin, Actions, SelectionActions, Panel, useRanges };
