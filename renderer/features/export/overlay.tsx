import { useEffect, useRef } from 'react';
import { useCommand } from '../../app/commands';
import { DialogOverlay, useDialogState } from '../../app/DialogOverlay';
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
  const { open, show, close } = useDialogState<{ comparisonId: number | null }>();
  const routeRef = useRef(route);
  routeRef.current = route;

  useCommand('app.export', (args) => {
    const r = routeRef.current;
    const n = r.section === 'compare' ? Number(r.args[0]) : NaN;
    const id = (args as { comparisonId?: unknown } | undefined)?.comparisonId;
    show({ comparisonId: typeof id === 'number' && Number.isInteger(id) ? id : Number.isInteger(n) && n > 0 ? n : null });
  });

  if (!open) return null;
  return (
    <DialogOverlay onClose={close}>
      <FocusFirst />
      <ExportDialog initialComparison={open.comparisonId} onClose={close} />
    </DialogOverlay>
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
