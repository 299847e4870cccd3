import { existsSync } from 'node:fs';
import { ApiError } from '../../../../shared/api/errors';

/**
 * Printing HTML to PDF. The report is rendered as HTML and printed by a Chromium: headless
 * Chromium through playwright-core here (CLI, browser mode, tests); the desktop app can pass
 * Electron's `webContents.printToPDF` behind the same interface.
 */
export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
}

let configured: PdfRenderer | null = null;

/**
 * The desktop app calls this once at start-up with a renderer built on Electron's
 * `webContents.printToPDF` (electron/main may import electron; the backend may not).
 */
export function setPdfRenderer(renderer: PdfRenderer | null): void {
  configured = renderer;
}

export function configuredPdfRenderer(): PdfRenderer | null {
  return configured;
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The Chromium to print with: CHROME_PATH or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, else a usual install location. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const v of [env.CHROME_PATH, env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, env.PLAYWRIGHT_CHROME_PATH]) if (v && existsSync(v)) return v;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function headlessChromiumRenderer(executablePath: string | null = findChromium()): PdfRenderer {
  return {
    async render(html) {
      if (!executablePath) {
        throw new ApiError(
          'unavailable',
          'PDF export needs Chromium or Google Chrome on this computer, and none was found. Install one, or set CHROME_PATH to it; or export to DOCX or HTML and print from there.',
        );
      }
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        // No network and no script: the report is self-contained and must not need either.
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' } });
      } finally {
        await browser.close();
      }
    },
  };
}
