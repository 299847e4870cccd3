import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationTarget } from '../../../shared/api/methods/annotations';
import type { Clause } from '../../../shared/api/methods/documents';
import { useApiEvents, useLoad } from '../../api/ApiProvider';
import type { MarkedRange, ReaderExtension } from '../../app/extensions';
import { AnnotationEditor } from './AnnotationEditor';
import './notes.css';

// The Reader's side panel shows the editor for what the researcher chose to annotate.
let current: { target: AnnotationTarget; title: string } | null = null;
const listeners = new Set<() => void>();
function annotate(target: AnnotationTarget, title: string) {
  current = { target, title };
  listeners.forEach((l) => l());
}

function Actions({ clause, docId }: { clause: Clause; docId: number }) {
  const { t } = useTranslation('notes');
  if (clause.kind === 'part') return null;
  return <button type="button" data-testid="annotate-clause" onClick={() => annotate({ kind: 'clause', docId, clauseId: clause.id }, `${t('notesOfClause')} ${clause.path}`)}>{t('annotate')}</button>;
}

function SelectionActions({ docId, start, end, text, clear }: { clause: Clause; docId: number; start: number; end: number; text: string; clear: () => void }) {
  const { t } = useTranslation('notes');
  return (
    <button type="button" data-testid="annotate-range" onClick={() => { annotate({ kind: 'range', docId, start, end }, t('notesOfRange', { text: text.slice(0, 20) })); clear(); }}>
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
  // A new clause selected: forget an editor opened for another document's target.
  useEffect(() => {
    if (current && 'docId' in current.target && current.target.docId !== docId) current = null;
  }, [docId]);
  const shown = current && (!('docId' in current.target) || current.target.docId === docId) ? current : null;
  const target: AnnotationTarget | null = shown?.target ?? (selectedClause ? null : null);
  return (
    <section className="panel notes-panel" data-testid="notes-panel">
      <h3>{shown ? shown.title : t('notesOfDocument')}</h3>
      {target ? <AnnotationEditor key={JSON.stringify(target)} target={target} /> : <AnnotationEditor key={`doc-${docId}`} target={{ kind: 'document', docId }} />}
    </section>
  );
}

/** Annotated ranges are marked in the text. */
function useRanges(docId: number): MarkedRange[] {
  const data = useLoad((api) => api['annotations.ranges']({ docId }), [docId]);
  const { reload } = data;
  useApiEvents((e) => {
    if (e.type === 'changed' && (e.topic === 'annotations' || e.topic === 'documents')) reload();
  });
  return (data.data ?? []).map((r) => ({ start: r.start, end: r.end, className: 'note-range', title: `#${r.id}` }));
}

export const readerExtension: ReaderExtension = { id: 'notes', Actions, SelectionActions, Panel, useRanges };
