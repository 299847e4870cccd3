import type pg from 'pg';
import { StoreError } from '../../store/types';

/** Something that runs a parameterised statement: the pool (outside a transaction) or one client (inside). */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * How a repository reaches the database. `read` runs a statement on its own; `write` runs a unit
 * of work atomically: in its own SERIALIZABLE transaction at top level, or as part of the
 * caller's transaction inside Store.transaction.
 */
export interface Runner {
  read<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  write<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
}

/** Serialization failure and deadlock: the transaction lost a race and may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;

export function isRetryable(e: unknown): boolean {
  return RETRYABLE.has((e as { code?: string } | null)?.code ?? '');
}

/** Maps constraint violations to errors a caller can act on; anything else stands. */
export function storeErrorOf(e: unknown): unknown {
  const err = e as { code?: string; detail?: string; constraint?: string } | null;
  if (err?.code === '23503')
    return new StoreError('not_found', `A referenced row does not exist (${err.constraint ?? 'foreign key'}): ${err.detail ?? ''}`.trim());
  if (err?.code === '23505') return new StoreError('conflict', `Already exists (${err.constraint ?? 'unique'}): ${err.detail ?? ''}`.trim());
  return e;
}

/**
 * Runs `work` in a SERIALIZABLE transaction on one pooled client, and again (with a short,
 * growing, jittered pause) when PostgreSQL reports that it collided with a concurrent transaction:
 * two coders saving at once both succeed, one after the other, and nothing is lost.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (q: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (isRetryable(e) && attempt < MAX_ATTEMPTS) {
        await new Promise((ok) => setTimeout(ok, Math.random() * 10 * 2 ** attempt));
        continue;
      }
      throw storeErrorOf(e);
    } finally {
      client.release(broken);
    }
  }
}

export function poolRunner(pool: pg.Pool): Runner {
  return {
    read: async (sql, params) => (await pool.query(sql, params)).rows,
    write: (work) => inTransaction(pool, work),
  };
}

/** Inside a transaction everything runs on its client; errors propagate to Store.transaction, which rolls back. */
export function clientRunner(client: Queryable): Runner {
  return {
    read: async (sql, params) => (await client.query(sql, params)).rows,
    write: (work) => work(client),
  };
}
