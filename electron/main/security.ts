import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/**
 * The renderer is a web page that shows text from files the researcher imported: it gets no
 * Node, runs sandboxed and isolated, and may not navigate, open windows or ask for permissions.
 * test/electron/security.test.ts reads these settings.
 */
export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Only our own bundled page may talk to the backend. */
export function isTrustedUrl(url: string, appUrl: string): boolean {
  return url === appUrl || url.startsWith(appUrl.replace(/index\.html$/, '') + 'index.html');
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}

/**
 * A team project's window shows pages of a server the person named: no preload (so no bridge to
 * the desktop's backend), sandboxed like our own page, and a session of its own per server, so
 * its login cookie stays with that server and our page's headers never touch it.
 */
export function teamWebPreferences(partition: string): BrowserWindowConstructorOptions['webPreferences'] {
  const { preload: _none, ...rest } = secureWebPreferences('')!;
  return { ...rest, partition };
}

/** The team window's session asks for no permissions either; its CSP is the team server's own. */
export function hardenTeamSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** `mayNavigate`: our bundled page for the app window, the server's origin for a team window. */
export function hardenContents(contents: WebContents, mayNavigate: (url: string) => boolean, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links in notes open in the user's browser, never inside the app.
    if (/^https?:\/\//.test(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
