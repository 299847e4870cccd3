import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { type BridgeResult, channels } from '../../shared/api/bridge';
import { type Backend, errorData } from '../backend';
import { openTeamWindow } from './teamWindow';

/**
 * One IPC handler serves every contract method: it checks the calling frame is our own page,
 * then hands the call to the backend, which validates the input against the contract.
 */
export function registerIpc(ipcMain: IpcMain, backend: Backend, isTrusted: (url: string) => boolean, shell: { showItemInFolder(path: string): void }): void {
  const fromOurWindow = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return !!frame && frame.parent === null && isTrusted(frame.url);
  };
  ipcMain.handle(channels.call, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<BridgeResult> => {
    if (!fromOurWindow(event)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Refused: the call did not come from the PolicyLens window.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'Method name must be a string.' } };
    try {
      return { ok: true, value: await backend.invoke(method, input) };
    } catch (e) {
      return { ok: false, error: errorData(e) };
    }
  });

  // Only files PolicyLens wrote into its exports folder can be revealed.
  const exportsDir = resolve(backend.context.info.dataDir, 'exports');
  ipcMain.handle(channels.showItem, (event: IpcMainInvokeEvent, path: unknown) => {
    if (!fromOurWindow(event) || typeof path !== 'string') return;
    const file = resolve(path);
    if (file.startsWith(exportsDir + sep) && existsSync(file)) shell.showItemInFolder(file);
  });

  // File › Open Team Project…: the renderer asks for the address, the main process opens the window.
  ipcMain.handle(channels.openTeam, async (event: IpcMainInvokeEvent, address: unknown) => {
    if (!fromOurWindow(event)) return { ok: false, message: 'Refused: the call did not come from the PolicyLens window.' };
    return openTeamWindow(address);
  });
}
