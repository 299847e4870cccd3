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
  /** Set when read back (the log's own row id, for paging). */
  id?: number;
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
  /** Every account, disabled ones too, in the order they were made. */
  members(): Promise<Array<Account & { disabled: boolean }>>;
  /**
   * Changes one account in one transaction: role, password hash, disabled. A new password or
   * disabling ends the account's sessions. Refuses ('conflict') to leave the team without an
   * enabled owner. Null when there is no such account.
   */
  update(name: string, change: { role?: Role; passwordHash?: string; disabled?: boolean }): Promise<(Account & { disabled: boolean }) | null>;
  /** Stores a session by its token's hash. */
  startSession(userId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The live account of an unexpired session, or null. */
  sessionUser(tokenHash: string, now?: Date): Promise<Account | null>;
  endSession(tokenHash: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  purgeSessions(now?: Date): Promise<number>;
  audit(entry: AuditEntry): Promise<void>;
  auditLog(limit?: number): Promise<AuditEntry[]>;
  /** Newest first, `limit` entries older than the entry `before`, optionally of one member. */
  auditPage(opts: { limit: number; before?: number; user?: string }): Promise<{ entries: Array<AuditEntry & { id: number }>; more: boolean }>;
}

type Row = Record<string, unknown>;
const auditOf = (r: Row): AuditEntry & { id: number } => ({
  id: Number(r.id),
  at: r.at as string,
  userId: r.user_id as number | null,
  userName: r.user_name as string,
  method: r.method as string,
  target: r.target as string,
  outcome: r.outcome as string,
});
const memberOf = (r: Row) => ({ ...accountOf(r), disabled: r.disabled_at !== null });
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
    auditLog: async (limit = 1000) => (await read('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit])).map(auditOf),
    async auditPage({ limit, before, user }) {
      const rows = await read(
        `SELECT * FROM audit_log WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR user_name = $2)
        ORDER BY id DESC LIMIT $3`,
        [before ?? null, user?.trim() ?? null, limit + 1],
      );
      return { entries: rows.slice(0, limit).map(auditOf), more: rows.length > limit };
    },
    members: async () => (await read('SELECT * FROM users ORDER BY id')).map(memberOf),
    async update(name, change) {
      return inTransaction(pool, async (q) => {
        // Owners locked first, in id order: two leads demoting each other at once cannot both succeed.
        const owners = (await q.query(`SELECT id FROM users WHERE role = 'owner' AND disabled_at IS NULL ORDER BY id FOR UPDATE`)).rows as Row[];
        const found = (await q.query('SELECT * FROM users WHERE name = $1 FOR UPDATE', [name.trim()])).rows[0] as Row | undefined;
        if (!found) return null;
        const wasOwner = found.role === 'owner' && found.disabled_at === null;
        const staysOwner = (change.role ?? found.role) === 'owner' && !(change.disabled ?? found.disabled_at !== null);
        if (wasOwner && !staysOwner && owners.length <= 1)
          throw new StoreError('conflict', `“${found.name as string}” is the team's only lead (owner): make another member an owner first.`);
        const disabledAt =
          change.disabled === undefined ? found.disabled_at : change.disabled ? ((found.disabled_at as string | null) ?? new Date().toISOString()) : null;
        const { rows } = await q.query('UPDATE users SET role = $1, password_hash = $2, disabled_at = $3 WHERE id = $4 RETURNING *', [
          change.role ?? found.role,
          change.passwordHash ?? found.password_hash,
          disabledAt,
          found.id,
        ]);
        if (change.passwordHash !== undefined || change.disabled === true) await q.query('DELETE FROM sessions WHERE user_id = $1', [found.id]);
        return memberOf(rows[0] as Row);
      });
    },
  };
}
