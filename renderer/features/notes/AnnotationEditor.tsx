import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationTarget } from '../../../shared/api/methods/notes';
import { emptyState, safeHrefForEditor } from './editorState';
import { useApi, useLoad } from '../../api/ApiProvider';
import { navigate } from '../../app/router';
import { ClauseMentionNode } from './ClauseMentionNode';
import { Toolbar } from './Toolbar';
import { type SaveStatus, useAutosave } from './useAutosave';
import './notes.css';

const theme = {
  text: { bold: 'ed-bold', italic: 'ed-italic', underline: 'ed-underline', strikethrough: 'ed-strike', code: 'ed-code' },
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3' },
  quote: 'ed-quote',
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li' },
  link: 'ed-link',
  paragraph: 'ed-p',
};

function StatusLine({ status, error }: { status: SaveStatus; error: string | null }) {
  const { t } = useTranslation('notes');
  return (
    <span className={`save-status ${status}`} data-testid="save-status" data-status={status} role="status" aria-live="polite">
      {status === 'error' ? `${t('status.error')} ${error ?? ''}` : t(`status.${status}`)}
    </span>
  );
}

/** Clicking a clause mention opens the clause in the Reader. */
function openMention(e: React.MouseEvent) {
  const el = (e.target as HTMLElement).closest<HTMLElement>('.clause-mention');
  if (!el) return;
  e.preventDefault();
  navigate('reader', [Number(el.dataset.docId)], { clause: Number(el.dataset.clauseId) });
}

/** Opens links only on Ctrl/Cmd-click, and only web and mail links. */
function openLink(e: React.MouseEvent) {
  const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a');
  if (!a) return;
  e.preventDefault();
  const href = safeHrefForEditor(a.getAttribute('href'));
  if (href && (e.ctrlKey || e.metaKey)) window.open(href, '_blank', 'noopener');
}

/** One note in a Lexical editor, saved automatically. `noteId` null: created on the first change. */
export function NoteEditor({
  noteId,
  initial,
  target,
  onCreated,
  autoFocus,
}: {
  noteId: number | null;
  initial: string;
  target?: AnnotationTarget;
  onCreated?: (id: number) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('notes');
  const { status, error, change, flush } = useAutosave({ noteId, target, initial, onCreated });
  const config = {
    namespace: 'policylens-note',
    theme,
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, ClauseMentionNode],
    editorState: initial,
    onError: (e: Error) => console.error(e),
  };
  return (
    <div className="note-editor" data-testid="note-editor" onBlur={() => void flush()}>
      <LexicalComposer initialConfig={config}>
        <Toolbar />
        <div
          className="note-body"
          onClick={(e) => {
            openMention(e);
            openLink(e);
          }}
        >
          <RichTextPlugin
            contentEditable={<ContentEditable className="note-content" data-testid="note-content" aria-label={t('editorLabel')} autoFocus={autoFocus} />}
            placeholder={<div className="note-placeholder">{t('placeholder')}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(u) => safeHrefForEditor(u) !== null} />
        <OnChangePlugin ignoreSelectionChange onChange={(state) => change(JSON.stringify(state.toJSON()))} />
      </LexicalComposer>
      <StatusLine status={status} error={error} />
    </div>
  );
}

/**
 * The notes attached to one target (a document, a clause, a text range, an alignment row, a
 * comparison), each in its own editor, plus an empty one to start a new note. Other views embed this.
 */
export function AnnotationEditor({ target }: { target: AnnotationTarget }) {
  const { t } = useTranslation('notes');
  const api = useApi();
  const key = JSON.stringify(target);
  const notes = useLoad((a) => a['notes.forTarget']({ target }), [key]);
  const [fresh, setFresh] = useState(0);
  if (!notes.data) return <p className="muted">{notes.error?.message ?? t('app:loading')}</p>;
  const existing = notes.data;
  const showEmpty = existing.length === 0 || fresh > 0;
  return (
    <div className="annotation-editor" data-testid="annotation-editor">
      {existing.map((n) => (
        <div key={n.id} className="note-item">
          <NoteEditor noteId={n.id} initial={n.content} />
          <button type="button" className="link-button" data-testid="delete-note" onClick={() => void api['notes.delete']({ id: n.id }).then(notes.reload)}>
            {t('delete')}
          </button>
        </div>
      ))}
      {showEmpty && <NoteEditor key={`new-${fresh}`} noteId={null} initial={JSON.stringify(emptyState())} target={target} autoFocus={fresh > 0} />}
      {existing.length > 0 && fresh === 0 && (
        <button type="button" data-testid="add-note" onClick={() => setFresh(1)}>
          {t('addNote')}
        </button>
      )}
    </div>
  );
}
