// The preload: exposes the API contract's bridge as window.policylens, and nothing else.
// It runs sandboxed with context isolation, so the page never touches ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { type MenuCommand, type PreloadBridge, channels } from '../../shared/api/bridge';

const bridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(channels.call, method, input),
  onEvent(listener: (e: unknown) => void) {
    const on = (_: unknown, e: unknown) => listener(e);
    ipcRenderer.on(channels.event, on);
    return () => void ipcRenderer.removeListener(channels.event, on);
  },
  onMenu(listener: (command: MenuCommand) => void) {
    const on = (_: unknown, c: MenuCommand) => listener(c);
    ipcRenderer.on(channels.menu, on);
    return () => void ipcRenderer.removeListener(channels.menu, on);
  },
  showItemInFolder: (path: string) => ipcRenderer.invoke(channels.showItem, path),
  openTeamWindow: (address: string) => ipcRenderer.invoke(channels.openTeam, address),
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('policylens', bridge);
