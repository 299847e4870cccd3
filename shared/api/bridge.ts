import type { ApiErrorData } from './errors';

/** The IPC channel names shared by the preload and the main process. */
export const channels = {
  call: 'policylens:call',
  event: 'policylens:event',
  menu: 'policylens:menu',
  showItem: 'policylens:show-item',
  openTeam: 'policylens:open-team',
} as const;

export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

/** Menu commands the main process forwards to the renderer. */
export type MenuCommand = 'export' | 'import-done' | 'about' | 'open-team';

/**
 * What the Electron preload exposes as window.policylens — and nothing else. The renderer's IPC
 * transport is built on it; the preload checks itself against it with `satisfies`.
 */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<BridgeResult>;
  onEvent(listener: (e: unknown) => void): () => void;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** Reveal an exported file in the system's file manager (desktop only). */
  showItemInFolder(path: string): Promise<void>;
  /**
   * Open a team server's project in a window of its own (desktop only). The main process checks
   * the address again; the answer says why it could not (an unreachable server, a bad address).
   */
  openTeamWindow(address: string): Promise<{ ok: true } | { ok: false; message: string }>;
}
