import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfRenderer } from '../backend/export/formats/pdf';

/**
 * PDF reports in the desktop app: Electron prints the report's HTML itself (its Chromium embeds
 * the system's CJK fonts), in a hidden window with JavaScript off — the report has no script.
 */
export const electronPdfRenderer: PdfRenderer = {
  async render(html: string): Promise<Buffer> {
    const dir = mkdtempSync(join(tmpdir(), 'policylens-pdf-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false } });
    try {
      await win.loadFile(file);
      return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } });
    } finally {
      win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
