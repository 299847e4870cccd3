// A team project opened from the desktop app (issue #14): the team server serves the same UI
// and API as the browser sees, so the desktop shows it in a window of its own, logged in through
// the server's own page. The window gets no preload, a session per server, and may navigate only
// within that server's origin; the desktop's own project and backend are never reachable from it.
import { BrowserWindow, type Session, session as sessions } from 'electron';
import { createHash } from 'node:crypto';
import { parseTeamServerUrl } from '../../shared/api/teamUrl';
import { hardenTeamSession, teamWebPreferences } from './security';

/** The origin each team session belongs to: web-contents-created hardens them for that origin. */
const teamOrigins = new Map<Session, string>();
const openWindows = new Map<string, BrowserWindow>();

export function teamOriginOf(session: Session): string | null {
  return teamOrigins.get(session) ?? null;
}

export function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Opens (or brings forward) the window of the team server at `address`; resolves when its first
 * page has loaded, or with the reason it could not (refused address, server unreachable, TLS).
 */
export async function openTeamWindow(address: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = parseTeamServerUrl(typeof address === 'string' ? address.slice(0, 2048) : '');
  // The renderer's dialog explains each problem in the person's language; this re-check only guards the window.
  if (!parsed.ok) return { ok: false, message: `Not a team server address (${parsed.problem}).` };
  const { origin } = parsed;
  const existing = openWindows.get(origin);
  if (existing && !existing.isDestroyed()) {
    if (existing.isMinimized()) existing.restore();
    existing.focus();
    return { ok: true };
  }
  // One persistent session per server: the login survives a restart, and two servers never share cookies.
  const partition = `persist:team-${createHash('sha256').update(origin).digest('hex').slice(0, 16)}`;
  const ses = sessions.fromPartition(partition);
  teamOrigins.set(ses, origin);
  hardenTeamSession(ses);
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: `PolicyLens — ${new URL(origin).host}`,
    webPreferences: teamWebPreferences(partition),
  });
  openWindows.set(origin, win);
  win.on('closed', () => openWindows.delete(origin));
  try {
    await win.loadURL(`${origin}/`);
    return { ok: true };
  } catch (e) {
    // ERR_CONNECTION_REFUSED, ERR_NAME_NOT_RESOLVED, ERR_CERT_AUTHORITY_INVALID …: say which server and why.
    if (!win.isDestroyed()) win.destroy();
    const reason = e instanceof Error ? e.message.replace(/\s*loading '[^']*'/, '') : String(e);
    return { ok: false, message: `Could not open the team server at ${origin}: ${reason}` };
  }
}
