import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiProvider';

function isEditable(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  return !!e && (e.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName));
}

/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo coding work while the view is shown. Text
 * fields and the note editor keep their own undo, so keys typed there are left alone.
 */
export function useUndoShortcuts(): { message: string | null; undo: () => void; redo: () => void } {
  const api = useApi();
  const { t } = useTranslation('themes');
  const [message, setMessage] = useState<string | null>(null);
  const undo = () => void api['themes.undo']({}).then((r) => setMessage(r.done ? t('undone', { label: r.done }) : t('nothingToUndo')));
  const redo = () => void api['themes.redo']({}).then((r) => setMessage(r.done ? t('redone', { label: r.done }) : t('nothingToRedo')));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isEditable(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    if (!message) return;
    const id = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(id);
  }, [message]);
  return { message, undo, redo };
}
