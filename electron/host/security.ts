import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** The header that carries the session token on every API call (a header, never a cookie, so no other site can make the browser send it). */
export const TOKEN_HEADER = 'x-policylens-token';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export type Refusal = { status: number; message: string } | null;

/**
 * Checks that a request comes from our own page on loopback. DNS rebinding is stopped by the
 * exact Host allowlist; other sites by the Origin and Sec-Fetch-Site checks and by the token,
 * which only our page knows (it arrives in the URL fragment, never sent to a server).
 */
export function checkRequest(
  req: IncomingMessage,
  port: number,
  token: string,
  opts: { needsToken: boolean; /** The team server's own names (host:port). */ extraHosts?: string[]; /** Served over TLS. */ secure?: boolean },
): Refusal {
  const hosts = allowedHosts(port);
  for (const h of opts.extraHosts ?? []) hosts.add(h);
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) return { status: 421, message: `Refused: unexpected Host header "${host}".` };
  const origin = req.headers.origin;
  const scheme = opts.secure ? 'https://' : 'http://';
  if (origin !== undefined && (!origin.startsWith(scheme) || !hosts.has(origin.slice(scheme.length))))
    return { status: 403, message: 'Refused: requests from other origins are not allowed.' };
  if (req.headers['sec-fetch-site'] === 'cross-site') return { status: 403, message: 'Refused: cross-site request.' };
  if (opts.needsToken) {
    const given = String(req.headers[TOKEN_HEADER] ?? '');
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 401, message: 'Refused: missing or wrong session token.' };
  }
  return null;
}
