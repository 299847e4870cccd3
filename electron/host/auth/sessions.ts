import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens for the team server (#14). The browser keeps the token (an HttpOnly cookie or a
 * header); the server keeps only its SHA-256, so a copy of the database cannot be used to log in.
 * Tokens are 256 random bits: nothing to guess, so a plain hash (no salt, no scrypt) suffices.
 */
export interface IssuedSession {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function issueSession(now = new Date(), ttlMs = SESSION_TTL_MS): IssuedSession {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as a client sends it: 43 base64url characters, nothing else (checked before any lookup). */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
