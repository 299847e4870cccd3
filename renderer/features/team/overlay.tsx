import { useRef, useState } from 'react';
import { useCommand } from '../../app/commands';
import { OpenTeamDialog } from './OpenTeamDialog';
import './team.css';

/** "Open a team project…": File menu on the desktop, quick open everywhere (command 'app.openTeam'). */
export function Overlay() {
  const [open, setOpen] = useState(false);
  const back = useRef<Element | null>(null);
  useCommand('app.openTeam', () => {
    back.current = document.activeElement;
    setOpen(true);
  });
  if (!open) return null;
  const close = () => {
    setOpen(false);
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
      <OpenTeamDialog onClose={close} />
    </div>
  );
}
