import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing for team accounts (#14): scrypt (memory-hard, in Node's standard library, so no
 * native module to build), a random salt per password, and the parameters stored in the hash so
 * they can be raised later without invalidating old passwords.
 *
 * Format: `scrypt$N$r$p$salt(base64)$hash(base64)`.
 */
const DEFAULTS = { N: 1 << 15, r: 8, p: 1, keyLength: 32, saltLength: 16 };
/** scrypt needs 128·N·r bytes; allow that plus headroom (Node's default cap is 32 MB). */
const maxmemFor = (N: number, r: number) => 128 * N * r * 2;

function scrypt(password: string, salt: Buffer, keyLength: number, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: maxmemFor(N, r) }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export class PasswordPolicyError extends Error {}

/** At least 10 characters, and not only one repeated character: the rest is the team's business. */
export function checkPasswordPolicy(password: string): void {
  if ([...password].length < 10) throw new PasswordPolicyError('The password must have at least 10 characters.');
  if (new Set(password).size < 4) throw new PasswordPolicyError('The password must use at least 4 different characters.');
  if ([...password].length > 1024) throw new PasswordPolicyError('The password must have at most 1,024 characters.');
}

export async function hashPassword(password: string, opts: Partial<typeof DEFAULTS> = {}): Promise<string> {
  checkPasswordPolicy(password);
  const { N, r, p, keyLength, saltLength } = { ...DEFAULTS, ...opts };
  const salt = randomBytes(saltLength);
  const key = await scrypt(password, salt, keyLength, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison; a malformed stored hash never verifies (and never throws). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 1 << 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || expected.length < 16 || [...password].length > 1024) return false;
  const key = await scrypt(password, salt, expected.length, N, r, p);
  return timingSafeEqual(key, expected);
}
