import { useEffect, useRef, useState } from 'react';
import { useRoute } from '../../app/router';
import { ExportDialog } from './ExportDialog';
import './export.css';

/**
 * The export dialog, app-wide: Ctrl+E (⌘E), the desktop menu, and any view that dispatches
 * `policylens:export` with `{ comparisonId }` open it. On the compare page the open comparison
 * is preselected.
 */
export function Overlay() {
  const route = useRoute();
  const [open, setOpen] = useState<{ comparisonId: number | null } | null>(null);
  const back = useRef<Element | null>(null);
  const routeRef = useRef(route);
  routeRef.current = route;

  useEffect(() => {
    const fromRoute = () => {
      const r = routeRef.current;
      const n = r.section === 'compare' ? Number(r.args[0]) : NaN;
      return Number.isInteger(n) && n > 0 ? n : null;
    };
    const show = (comparisonId: number | null) => {
      back.current = document.activeElement;
      setOpen({ comparisonId: comparisonId ?? fromRoute() });
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        show(null);
      }
    };
    const onEvent = (e: Event) => {
      const id = (e as CustomEvent<{ comparisonId?: unknown }>).detail?.comparisonId;
      show(typeof id === 'number' && Number.isInteger(id) ? id : null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('policylens:export', onEvent);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('policylens:export', onEvent);
    };
  }, []);

  if (!open) return null;
  const close = () => {
    setOpen(null);
    if (back.current instanceof HTMLElement) back.current.focus();
  };
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && close()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <FocusFirst />
      <ExportDialog initialComparison={open.comparisonId} onClose={close} />
    </div>
  );
}

/** Moves focus into the dialog when it opens, so the keyboard works at once. */
function FocusFirst() {
  useEffect(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="export-what"]');
    el?.focus();
  }, []);
  return null;
}
