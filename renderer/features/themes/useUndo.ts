import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiProvider';
import { useCommand } from '../../app/commands';
import { loadCodebook, useThemesState } from './store';
import { undoLabelText } from './undoLabel';

/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo coding work while the view is shown. Text
 * fields and the note editor keep their own undo, so keys typed there are left alone.
 */
export function useUndoShortcuts(): { message: string | null; undo: () => void; redo: () => void } {
  const api = useApi();
  const { t, i18n } = useTranslation('themes');
  const [message, setMessage] = useState<string | null>(null);
  // The step is named in the interface language, with theme names in that language.
  const { codebook } = useThemesState();
  useEffect(() => {
    void loadCodebook(api);
  }, [api]);
  const step = (label: string) => undoLabelText(label, t, codebook?.themes ?? [], i18n.language);
  const undo = () => void api['themes.undo']({}).then((r) => setMessage(r.done ? t('undone', { label: step(r.done) }) : t('nothingToUndo')));
  const redo = () => void api['themes.redo']({}).then((r) => setMessage(r.done ? t('redone', { label: step(r.done) }) : t('nothingToRedo')));
  // The keys are the registry's (themes.undo / themes.redo); they never fire inside a text field.
  useCommand('themes.undo', undo);
  useCommand('themes.redo', redo);
  useEffect(() => {
    if (!message) return;
    const id = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(id);
  }, [message]);
  return { message, undo, redo };
}
