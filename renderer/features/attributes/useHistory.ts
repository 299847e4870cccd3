import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeHistory } from '../../../shared/api/methods/attributes';
import { useApi, useLoad } from '../../api/ApiProvider';

function isEditable(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  return !!e && (e.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName));
}

/**
 * Undo and redo of the attribute table: buttons, and Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) while the
 * view is shown. A text box being edited keeps its own undo, so keys typed there are left alone.
 */
export function useAttributeHistory() {
  const api = useApi();
  const { t } = useTranslation('attributes');
  const [message, setMessage] = useState<string | null>(null);
  const state = useLoad((a) => a['attributes.history']({}), [], ['attributes']);
  const history: AttributeHistory | undefined = state.data;
  const undo = () =>
    void api['attributes.undo']({}).then(
      (r) => setMessage(r.done ? t('undone', { label: r.done }) : t('nothingToUndo')),
      (e: Error) => setMessage(e.message),
    );
  const redo = () =>
    void api['attributes.redo']({}).then(
      (r) => setMessage(r.done ? t('redone', { label: r.done }) : t('nothingToRedo')),
      (e: Error) => setMessage(e.message),
    );
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
  return { history, message, setMessage, undo, redo };
}
