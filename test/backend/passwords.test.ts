import { describe, expect, it } from 'vitest';
import { PasswordPolicyError, hashPassword, verifyPassword } from '../../electron/host/auth/passwords';
import { hashToken, isWellFormedToken, issueSession } from '../../electron/host/auth/sessions';

// Small scrypt parameters keep the test fast; the format carries them, so verify reads them back.
const fast = { N: 1 << 10 };

describe('team passwords (scrypt)', () => {
  it('verifies the right password, Latin and Chinese, and rejects a wrong one', async () => {
    for (const pw of ['correct horse battery', '研究组的密码很长很安全', 'Ｆｕｌｌwidth-密码12']) {
      const stored = await hashPassword(pw, fast);
      expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(stored).not.toContain(pw);
      expect(await verifyPassword(pw, stored)).toBe(true);
      expect(await verifyPassword(pw + ' ', stored)).toBe(false);
    }
  });

  it('salts every hash, so the same password hashes differently', async () => {
    const a = await hashPassword('same password 1', fast);
    const b = await hashPassword('same password 1', fast);
    expect(a).not.toBe(b);
  });

  it('compares composed and decomposed forms of one password as equal (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9-password', fast);
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true);
  });

  it('refuses weak passwords with a clear message', async () => {
    await expect(hashPassword('short', fast)).rejects.toThrow(PasswordPolicyError);
    await expect(hashPassword('aaaaaaaaaaaaaaa', fast)).rejects.toThrow(/4 different characters/);
  });

  it('never verifies (nor throws on) a malformed or hostile stored hash', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$x$8$1$AAAA$BBBB',
      'bcrypt$1$2$3$4$5',
      `scrypt$${2 ** 30}$8$1$c2FsdHNhbHQ=$${Buffer.alloc(32).toString('base64')}`,
    ]) {
      expect(await verifyPassword('whatever password', bad)).toBe(false);
    }
  });
});

describe('team session tokens', () => {
  it('issues 256-bit tokens and keeps only their hash', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const s = issueSession(now);
    expect(isWellFormedToken(s.token)).toBe(true);
    expect(s.tokenHash).toBe(hashToken(s.token));
    expect(s.tokenHash).not.toContain(s.token);
    expect(s.expiresAt.getTime() - now.getTime()).toBe(12 * 3600 * 1000);
    expect(issueSession(now).token).not.toBe(s.token);
    expect(isWellFormedToken('../../etc/passwd')).toBe(false);
    expect(isWellFormedToken(42)).toBe(false);
  });
});
