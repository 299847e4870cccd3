import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationTarget } from '../../../shared/api/methods/notes';
import { useApi } from '../../api/ApiProvider';

export type SaveStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'error';
const DEBOUNCE_MS = 500;
const RETRY_MS = 2000;

/**
 * Saves a note's editor state: debounced while typing, at once on blur, when the page is hidden
 * or left, and when the editor goes away. One save at a time, always the latest content; 'saved'
 * is shown only when what is on screen is what the database holds. A note for a target is created
 * on its first change, so opening an editor never leaves empty notes behind.
 */
export function useAutosave(opts: { noteId: number | null; target?: AnnotationTarget; initial: string; onCreated?: (id: number) => void }) {
  const api = useApi();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const id = useRef(opts.noteId);
  const saved = useRef(opts.initial);
  const latest = useRef(opts.initial);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (running.current) await running.current;
    const content = latest.current;
    if (content === saved.current) return;
    setStatus('saving');
    running.current = (async () => {
      try {
        if (id.current === null) {
          if (!optsRef.current.target) throw new Error('This note has nothing to attach to.');
          const note = await api['notes.create']({ target: optsRef.current.target, content });
          id.current = note.id;
          optsRef.current.onCreated?.(note.id);
        } else {
          await api['notes.save']({ id: id.current, content });
        }
        saved.current = content;
        setError(null);
        setStatus(latest.current === content ? 'saved' : 'unsaved');
      } catch (e) {
        setError((e as Error).message);
        setStatus('error');
        timer.current = setTimeout(() => void flush(), RETRY_MS);
      } finally {
        running.current = null;
      }
    })();
    await running.current;
    // Typing went on during the save: save again (unless a retry is already scheduled).
    if (latest.current !== saved.current && !timer.current) await flush();
  }, [api]);

  const change = useCallback(
    (content: string) => {
      if (content === latest.current) return;
      latest.current = content;
      setStatus('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      void flush();
    };
  }, [flush]);

  return { status, error, change, flush, noteId: () => id.current };
}
