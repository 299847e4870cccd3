import { useRef, useState, type ReactNode } from 'react';
import { isComposingKey } from './commands/keyboard';

/**
 * An app-wide dialog's open state. `show` remembers what had focus, `close` gives focus back to it,
 * so a keyboard user continues where they opened the dialog.
 */
export function useDialogState<T>(): { open: T | null; show: (value: T) => void; close: () => void } {
  const [open, setOpen] = useState<T | null>(null);
  const back = useRef<Element | null>(null);
  const show = (value: T) => {
    back.current = document.activeElement;
    setOpen(value);
  };
  const close = () => {
    setOpen(null);
    if (back.current instanceof HTMLElement) back.current.focus();
  };
  return { open, show, close };
}

/** The backdrop of a modal dialog: Escape (not one that cancels an input method's composition), or a press on the backdrop itself (not on the dialog), closes it. */
export function DialogOverlay({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !isComposingKey(e)) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {children}
    </div>
  );
}
