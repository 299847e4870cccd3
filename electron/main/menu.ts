import { type BrowserWindow, Menu, type MenuItemConstructorOptions, app, dialog } from 'electron';
import { channels, type MenuCommand } from '../../shared/api/bridge';
import type { ImportReport } from '../../shared/api/methods/documents';
import type { Backend } from '../backend';

const zh = () => app.getLocale().toLowerCase().startsWith('zh');
const label = (en: string, cn: string) => (zh() ? cn : en);

function send(win: BrowserWindow | null, command: MenuCommand): void {
  win?.webContents.send(channels.menu, command);
}

async function importFromDialog(win: BrowserWindow, backend: Backend): Promise<void> {
  const picked = await dialog.showOpenDialog(win, {
    title: label('Import policy documents', '导入政策文件'),
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [{ name: label('Policy documents', '政策文件'), extensions: ['txt', 'html', 'htm', 'docx', 'pdf', 'md', 'markdown'] }],
  });
  if (picked.canceled || !picked.filePaths.length) return;
  const report: ImportReport = await backend.api.documents.importPaths({ paths: picked.filePaths, taskId: `menu-import-${Date.now()}` });
  if (report.errors.length) {
    await dialog.showMessageBox(win, {
      type: 'warning',
      message: label(
        `${report.imported.length} imported, ${report.errors.length} failed`,
        `已导入 ${report.imported.length} 个，失败 ${report.errors.length} 个`,
      ),
      detail: report.errors.map((e) => `${e.file}: ${e.message}`).join('\n'),
    });
  }
  send(win, 'import-done');
}

/** File › Import…, Export…, Open Team Project…, Quit; Edit; View › zoom, full screen; Help › About. */
export function buildMenu(getWindow: () => BrowserWindow | null, backend: Backend): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: label('File', '文件'),
      submenu: [
        {
          label: label('Import…', '导入…'),
          accelerator: 'CmdOrCtrl+O',
          click: () => {
            const w = getWindow();
            if (w) void importFromDialog(w, backend);
          },
        },
        { label: label('Export…', '导出…'), accelerator: 'CmdOrCtrl+E', click: () => send(getWindow(), 'export') },
        { label: label('Open Team Project…', '打开团队项目…'), click: () => send(getWindow(), 'open-team') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: label('Quit', '退出') },
      ],
    },
    { role: 'editMenu', label: label('Edit', '编辑') },
    {
      label: label('View', '视图'),
      submenu: [
        { role: 'zoomIn', label: label('Zoom In', '放大') },
        { role: 'zoomOut', label: label('Zoom Out', '缩小') },
        { role: 'resetZoom', label: label('Actual Size', '实际大小') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: label('Full Screen', '全屏') },
      ],
    },
    {
      label: label('Help', '帮助'),
      submenu: [
        {
          label: label('About PolicyLens', '关于 PolicyLens'),
          click: () => {
            const w = getWindow();
            const opts = {
              type: 'info' as const,
              title: 'PolicyLens',
              message: `PolicyLens ${app.getVersion()}`,
              detail: label('Compare how cities implement the same policy. Works offline.', '比较各城市如何落实同一政策。离线可用。'),
            };
            void (w ? dialog.showMessageBox(w, opts) : dialog.showMessageBox(opts));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
