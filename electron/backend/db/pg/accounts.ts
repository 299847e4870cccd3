import type pg from 'pg';
import type { Role } from '../../../../shared/api/access';
import { StoreError } from '../../store/types';
import { inTransaction, storeErrorOf } from './runner';

/**
 * The team server's accounts, sessions and audit trail (migration 007_accounts) on PostgreSQL. Hashing is
 * the caller's (electron/host/auth): this module only stores the scrypt hash and the SHA-256 of
 * session tokens, never a password or a token.
 */
export interface Account {
  id: number;
  name: string;
  role: Role;
  coderId: number;
  createdAt: string;
}

export interface AccountWithHash extends Account {
  passwordHash: string;
  disabled: boolean;
}

export interface AuditEntry {
  at: string;
  userId: number | null;
  userName: string;
  method: string;
  target: string;
  outcome: string;
}

export interface Accounts {
  /** A new account and its coder (same name); a name taken by an account or a coder is a 'conflict'. */
  create(input: { name: string; role: Role; passwordHash: string }): Promise<Account>;
  byName(name: string): Promise<AccountWithHash | null>;
  list(): Promise<Account[]>;
  count(): Promise<number>;
  setPassword(name: string, passwordHash: string): Promise<boolean>;
  setRole(name: string, role: Role): Promise<boolean>;
  /** Stores a session by its token's hash. */
  startSession(userId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The live account of an unexpired session, or null. */
  sessionUser(tokenHash: string, now?: Date): Promise<Account | null>;
  endSession(tokenHash: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  purgeSessions(now?: Date): Promise<number>;
  audit(entry: AuditEntry): Promise<void>;
  auditLog(limit?: number): Promise<AuditEntry[]>;
}

type Row = Record<string, unknown>;
const accountOf = (r: Row): Account => ({
  id: r.id as number,
  name: r.name as string,
  role: r.role as Role,
  coderId: r.coder_id as number,
  createdAt: r.created_at as string,
});

export function createPgAccounts(pool: pg.Pool): Accounts {
  const read = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[];
  return {
    async create({ name, role, passwordHash }) {
      const clean = name.trim();
      if (!clean) throw new StoreError('invalid', 'An account needs a name.');
      return inTransaction(pool, async (q) => {
        const now = new Date().toISOString();
        // The coder may exist already (a coder created before accounts, or a desktop project moved
        // here); an account takes it over only when no other account holds it.
        const { rows: existing } = await q.query('SELECT id FROM coders WHERE name = $1', [clean]);
        const coderId =
          (existing[0]?.id as number | undefined) ??
          ((await q.query('INSERT INTO coders (name, created_at) VALUES ($1, $2) RETURNING id', [clean, now])).rows[0].id as number);
        try {
          const { rows } = await q.query('INSERT INTO users (name, password_hash, role, coder_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *', [
            clean,
            passwordHash,
            role,
            coderId,
            now,
          ]);
          return accountOf(rows[0]);
        } catch (e) {
          const err = storeErrorOf(e);
          if (err instanceof StoreError && err.code === 'conflict') throw new StoreError('conflict', `There is already an account named “${clean}”.`);
          throw err;
        }
      });
    },
    async byName(name) {
      const r = (await read('SELECT * FROM users WHERE name = $1', [name.trim()]))[0];
      return r ? { ...accountOf(r), passwordHash: r.password_hash as string, disabled: r.disabled_at !== null } : null;
    },
    list: async () => (await read('SELECT * FROM users WHERE disabled_at IS NULL ORDER BY id')).map(accountOf),
    count: async () => Number((await read('SELECT count(*) AS n FROM users WHERE disabled_at IS NULL'))[0].n),
    setPassword: async (name, hash) => ((await pool.query('UPDATE users SET password_hash = $1 WHERE name = $2', [hash, name.trim()])).rowCount ?? 0) > 0,
    setRole: async (name, role) => ((await pool.query('UPDATE users SET role = $1 WHERE name = $2', [role, name.trim()])).rowCount ?? 0) > 0,
    async startSession(userId, tokenHash, expiresAt) {
      await pool.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        tokenHash,
        userId,
        new Date().toISOString(),
        expiresAt.toISOString(),
      ]);
    },
    async sessionUser(tokenHash, now = new Date()) {
      const r = (
        await read(
          `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
          [tokenHash, now.toISOString()],
        )
      )[0];
      return r ? accountOf(r) : null;
    },
    async endSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    purgeSessions: async (now = new Date()) => (await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()])).rowCount ?? 0,
    async audit(e) {
      await pool.query('INSERT INTO audit_log (at, user_id, user_name, method, target, outcome) VALUES ($1, $2, $3, $4, $5, $6)', [
        e.at,
        e.userId,
        e.userName,
        e.method,
        e.target,
        e.outcome,
      ]);
    },
    auditLog: async (limit = 1000) =>
      (await read('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit])).map((r) => ({
        at: r.at as string,
        userId: r.user_id as number | null,
        userName: r.user_name as string,
        method: r.method as string,
        target: r.target as string,
        outcome: r.outcome as string,
      })),
  };
}
