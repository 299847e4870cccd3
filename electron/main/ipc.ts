import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { type BridgeResult, channels } from '../../shared/api/bridge';
import { type Backend, errorData } from '../backend';

/**
 * One IPC handler serves every contract method: it checks the calling frame is our own page,
 * then hands the call to the backend, which validates the input against the contract.
 */
export function registerIpc(ipcMain: IpcMain, backend: Backend, isTrusted: (url: string) => boolean): void {
  ipcMain.handle(channels.call, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<BridgeResult> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrusted(frame.url)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Refused: the call did not come from the PolicyLens window.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'Method name must be a string.' } };
    try {
      return { ok: true, value: await backend.invoke(method, input) };
    } catch (e) {
      return { ok: false, error: errorData(e) };
    }
  });
}
