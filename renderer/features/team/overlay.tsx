import { useCommand } from '../../app/commands';
import { DialogOverlay, useDialogState } from '../../app/DialogOverlay';
import { OpenTeamDialog } from './OpenTeamDialog';
import './team.css';

/** "Open a team project…": File menu on the desktop, quick open everywhere (command 'app.openTeam'). */
export function Overlay() {
  const { open, show, close } = useDialogState<true>();
  useCommand('app.openTeam', () => show(true));
  if (!open) return null;
  return (
    <DialogOverlay onClose={close}>
      <OpenTeamDialog onClose={close} />
    </DialogOverlay>
  );
}
