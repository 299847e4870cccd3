import { useEffect, useRef, useState } from 'react';
import { useCommand } from '../../app/commands';
import { useRoute } from '../../app/router';
import { ExportDialog } from './ExportDialog';
import './export.css';

/**
 * The export dialog, app-wide: the command 'app.export' opens it — Ctrl+E (⌘E), the desktop menu,
 * quick open, or a view running it with `{ comparisonId }`. On the compare page the open
 * comparison is preselected.
 */
export function Overlay() {
  const route = useRoute();
  const [open, setOpen] = useState<{ comparisonId: number | null } | null>(null);
  const back = useRef<Element | null>(null);
  const routeRef = useRef(route);
  routeRef.current = route;

  useCommand('app.export', (args) => {
    const r = routeRef.current;
    const n = r.section === 'compare' ? Number(r.args[0]) : NaN;
    const id = (args as { comparisonId?: unknown } | undefined)?.comparisonId;
    back.current = document.activeElement;
    setOpen({ comparisonId: typeof id === 'number' && Number.isInteger(id) ? id : Number.isInteger(n) && n > 0 ? n : null });
  });

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
