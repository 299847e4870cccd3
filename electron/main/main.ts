// The Electron main process: one window, menus, dialogs and the IPC bridge. Everything else is
// the plain-Node backend (electron/backend), the same one the browser-mode host and CLI use.
import { BrowserWindow, Menu, app, ipcMain, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { channels } from '../../shared/api/bridge';
import { type Backend, createBackend } from '../backend';
import { ensureSampleCorpus } from '../backend/firstRun';
import { databaseFileName } from '../backend/paths';
import { setPdfRenderer } from '../backend/export/formats/pdf';
import { registerIpc } from './ipc';
import { electronPdfRenderer } from './printToPdf';
import { buildMenu } from './menu';
import { hardenContents, hardenSession, isTrustedUrl, secureWebPreferences } from './security';
import { sameOrigin, teamOriginOf } from './teamWindow';
import { loadWindowState, saveWindowState } from './windowState';

// Bundled to dist/electron/main.mjs; the renderer is in dist/renderer, seeds beside the app
// (or in resources/seeds when packaged).
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const appUrl = pathToFileURL(rendererIndex).href;

const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
if (dataDirArg) app.setPath('userData', dataDirArg);

let win: BrowserWindow | null = null;
let backend: Backend | null = null;

function seedsDir(): string {
  const packaged = join(process.resourcesPath, 'seeds');
  return app.isPackaged && existsSync(packaged) ? packaged : join(here, '..', '..', 'seeds');
}

function createWindow(): void {
  const dir = app.getPath('userData');
  const state = loadWindowState(dir);
  win = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    title: 'PolicyLens',
    show: false,
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  hardenContents(
    win.webContents,
    (url) => isTrustedUrl(url, appUrl),
    (url) => void shell.openExternal(url),
  );
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (!win) return;
    saveWindowState(dir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => (win = null));
  void win.loadFile(rendererIndex);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(async () => {
    const dir = app.getPath('userData');
    backend = createBackend({ databasePath: join(dir, databaseFileName), dataDir: dir, mode: 'electron' });
    await ensureSampleCorpus(backend, seedsDir());
    hardenSession(win?.webContents.session ?? (await import('electron')).session.defaultSession);
    registerIpc(ipcMain, backend, (url) => isTrustedUrl(url, appUrl), shell);
    setPdfRenderer(electronPdfRenderer);
    backend.subscribe((e) => win?.webContents.send(channels.event, e));
    Menu.setApplicationMenu(buildMenu(() => win, backend));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  // Every window: ours may show only our bundled page; a team window only its server's pages.
  app.on('web-contents-created', (_e, contents) => {
    const team = teamOriginOf(contents.session);
    const mayNavigate = team ? (url: string) => sameOrigin(url, team) : (url: string) => isTrustedUrl(url, appUrl);
    hardenContents(contents, mayNavigate, (url) => void shell.openExternal(url));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => backend?.close());
}
