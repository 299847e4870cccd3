import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from 'lexical';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHref } from '../../../shared/domain/lexical-render/index';
import { $createClauseMentionNode } from './ClauseMentionNode';
import { MentionPicker, type PickedClause } from './MentionPicker';
import { LinkIcon, QuoteIcon } from '../../app/icons';

/** Formatting buttons of the note editor; every one is a button with a label, so it is keyboard reachable. */
export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('notes');
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');
  const [mentioning, setMentioning] = useState(false);

  const block = (kind: 'h2' | 'h3' | 'quote' | 'paragraph') =>
    editor.update(() => {
      const sel = $getSelection();
      if (!$isRangeSelection(sel)) return;
      $setBlocksType(sel, () => (kind === 'quote' ? $createQuoteNode() : kind === 'paragraph' ? $createParagraphNode() : $createHeadingNode(kind)));
    });

  const insertMention = (c: PickedClause) => {
    setMentioning(false);
    editor.update(() => {
      const mention = $createClauseMentionNode(`@${c.label}`, c.docId, c.clauseId);
      const sel = $getSelection();
      if ($isRangeSelection(sel)) sel.insertNodes([mention, $createTextNode(' ')]);
      else {
        const p = $createParagraphNode();
        p.append(mention, $createTextNode(' '));
        $getRoot().append(p);
      }
    });
    editor.focus();
  };

  const button = (label: string, testId: string, onClick: () => void, text: ReactNode) => (
    <button type="button" title={label} aria-label={label} data-testid={testId} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {text}
    </button>
  );

  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('toolbar')}>
      {button(t('bold'), 'fmt-bold', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), 'B')}
      {button(t('italic'), 'fmt-italic', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), 'I')}
      {button(t('underline'), 'fmt-underline', () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'), 'U')}
      {button(t('heading'), 'fmt-heading', () => block('h2'), 'H')}
      {button(t('quote'), 'fmt-quote', () => block('quote'), <QuoteIcon />)}
      {button(t('paragraph'), 'fmt-paragraph', () => block('paragraph'), '¶')}
      {button(t('bulletList'), 'fmt-bullets', () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined), '•')}
      {button(t('numberedList'), 'fmt-numbers', () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined), '1.')}
      {button(t('link'), 'fmt-link', () => setLinking((x) => !x), <LinkIcon />)}
      {button(t('mention'), 'mention-clause', () => setMentioning((x) => !x), '@')}
      {linking && (
        <span className="link-input">
          <input aria-label={t('linkUrl')} value={url} onChange={(e) => setUrl(e.target.value)} />
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              // Only web and mail links: a note never carries javascript: or file: links.
              const href = safeHref(url);
              editor.dispatchCommand(TOGGLE_LINK_COMMAND, href);
              setLinking(false);
            }}
          >
            {t('apply')}
          </button>
        </span>
      )}
      {mentioning && <MentionPicker onPick={insertMention} onClose={() => setMentioning(false)} />}
    </div>
  );
}
