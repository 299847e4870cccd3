/**
 * The address of a team server as a person types it ("team.example.org:8443",
 * "https://10.0.0.5:7000/#/library", "localhost:7000"), checked once here and used by the
 * desktop's main process (which opens the team window) and the renderer (which asks for it).
 * Only the origin is kept: the team window starts at the server's own page and its login.
 */
export type TeamUrlProblem = 'empty' | 'scheme' | 'invalid' | 'credentials';

export type TeamUrl =
  | {
      ok: true;
      /** scheme://host[:port] — what the team window loads and may navigate within. */
      origin: string;
      /** Plain http to another machine: passwords and texts cross the network unencrypted. */
      insecure: boolean;
    }
  | { ok: false; problem: TeamUrlProblem };

/** Hosts that never leave this machine, where plain http is as safe as the desktop's own host. */
function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export function parseTeamServerUrl(text: string): TeamUrl {
  const typed = text.trim();
  if (!typed) return { ok: false, problem: 'empty' };
  // "team.example.org:8443" has no scheme; URL() would read "team.example.org:" as one.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `${isLoopback(typed.split(/[:/]/)[0]) ? 'http' : 'https'}://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (!url.hostname || /\s/.test(typed)) return { ok: false, problem: 'invalid' };
  // A password in the address would be stored in history and sent before any login page.
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  return { ok: true, origin: url.origin, insecure: url.protocol === 'http:' && !isLoopback(url.hostname) };
}
