// The team server's backend: the same typed API contract as the desktop's, validated the same way,
// with every call made by a known account, authorised by shared/api/access.ts, and every write
// call recorded in the audit log. Handlers run on the asynchronous Store (PostgreSQL); a method
// that has not moved onto the Store yet answers a clear error naming it.
import { join } from 'node:path';
import { accessOf, allowed } from '../../../shared/api/access';
import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { ApiEvent } from '../../../shared/api/events';
import type { Accounts } from '../db/pg/accounts';
import { EventBus } from '../services/events';
import { StoreError, type Store } from '../store/types';
import { agreementHandlers } from './agreement';
import { attributeHandlers } from './attributes';
import type { Caller, TeamContext, TeamHandler, TeamHandlers } from './caller';
import { codingHandlers } from './coding';
import { compareHandlers } from './compare';
import { documentHandlers } from './documents';
import { exportHandlers } from './exports';
import { memberHandlers } from './members';
import { noteHandlers } from './notes';
import { projectHandlers } from './project';
import { themeHandlers } from './themes';
import { recordHandlers, refusedOnServer, type RecordOptions } from './records';
import { TeamTasks } from './tasks';

export type { Caller } from './caller';

export interface TeamBackend {
  /** Validates, authorises, runs and audits one call by `caller`. Throws ApiError only. */
  invokeAs(caller: Caller, method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (e: ApiEvent) => void): () => void;
  /** Methods implemented for team projects (the rest answer "not available in team projects yet"). */
  implemented: ReadonlySet<MethodName>;
  /** Methods that have no meaning on a server, refused with what to do instead (team/records.ts). */
  refused: ReadonlyMap<MethodName, string>;
  exportDirOf(caller: Caller): string;
}

function describeZodIssues(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** What a write call was about, for the audit log: its ids and names, never note contents or uploads. */
export function auditTarget(input: unknown): string {
  if (typeof input !== 'object' || input === null) return '';
  const keep: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (k === 'content' || k === 'files') keep[k] = Array.isArray(v) ? v.map((f) => (f as { name?: unknown }).name) : '…';
    else if (k === 'password' || k === 'current' || k === 'next') keep[k] = '…';
    else keep[k] = v;
  }
  const text = JSON.stringify(keep);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

function apiErrorOf(e: unknown, method: string): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof StoreError) return new ApiError(e.code === 'invalid' ? 'invalid_input' : e.code, e.message);
  console.error(`[policylens team] ${method} failed:`, e);
  return new ApiError('internal', `PolicyLens hit an internal error in ${method}: ${e instanceof Error ? e.message : String(e)}`);
}

export function createTeamBackend(opts: { store: Store; accounts: Accounts; exportRoot: string } & RecordOptions): TeamBackend {
  const events = new EventBus();
  const current = new Map<number, number | null>();
  const ctx: TeamContext = {
    store: opts.store,
    accounts: opts.accounts,
    events,
    exportDirOf: (c) => join(opts.exportRoot, `user-${c.userId}`),
    // A coder codes as themselves; the lead starts on the consensus and may switch to their own coder.
    currentCoder: (c) => (c.role === 'coder' ? c.coderId : c.role === 'viewer' ? null : (current.get(c.userId) ?? null)),
    setCurrentCoder: (c, coderId) => void current.set(c.userId, coderId),
    tasks: new TeamTasks(),
  };
  // Exports, the REFI-QDA import and search filters reach other features through the contract, as the caller.
  const dispatch = {
    call: (caller: Caller, method: MethodName, input: unknown) => run(caller, method, input),
    has: (method: MethodName) => !!handlers[method],
  };
  const handlers: TeamHandlers = {
    ...documentHandlers(ctx, dispatch),
    ...codingHandlers(ctx),
    ...noteHandlers(ctx),
    ...agreementHandlers(ctx),
    ...exportHandlers(ctx, dispatch),
    ...themeHandlers(ctx, dispatch),
    ...memberHandlers(ctx),
  };
  Object.assign(handlers, attributeHandlers(ctx), recordHandlers(ctx, dispatch, { download: opts.download }));
  Object.assign(handlers, compareHandlers(ctx, dispatch), projectHandlers(ctx, dispatch));
  const implemented = new Set(Object.keys(handlers) as MethodName[]);

  async function run(caller: Caller, method: MethodName, input: unknown): Promise<unknown> {
    const spec = contract[method];
    const handler = handlers[method] as TeamHandler<MethodName> | undefined;
    const refusal = refusedOnServer.get(method);
    if (refusal) throw new ApiError('unsupported', refusal);
    if (!handler) throw new ApiError('unavailable', `not available in team projects yet: ${method}`);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ApiError('invalid_input', `Invalid input for ${method}: ${describeZodIssues(parsed.error.issues)}`, parsed.error.issues);
    let result: unknown;
    try {
      result = await handler(parsed.data as never, caller);
    } catch (e) {
      throw apiErrorOf(e, method);
    }
    const out = spec.output.safeParse(result);
    if (!out.success)
      throw apiErrorOf(new Error(`${method} returned a result that does not match the contract: ${describeZodIssues(out.error.issues)}`), method);
    return out.data;
  }

  return {
    implemented,
    refused: refusedOnServer,
    exportDirOf: ctx.exportDirOf,
    subscribe: (l) => events.subscribe(l),
    async invokeAs(caller, method, input) {
      if (!isMethodName(method)) throw new ApiError('not_found', `Unknown method: ${method}`);
      // Changing one's own password needs only read access but is a change the trail must show.
      const writes = accessOf(method) !== 'read' || method === 'team.changePassword';
      const audit = async (outcome: string) => {
        if (!writes) return;
        try {
          await opts.accounts.audit({
            at: new Date().toISOString(),
            userId: caller.userId,
            userName: caller.name,
            method,
            target: auditTarget(input),
            outcome,
          });
        } catch (e) {
          console.error('[policylens team] could not write the audit log:', e);
        }
      };
      if (!allowed(caller.role, method)) {
        await audit('refused');
        throw new ApiError('forbidden', `A ${caller.role} may not call ${method} (it needs ${accessOf(method)} access).`);
      }
      try {
        const result = await run(caller, method, input);
        await audit('ok');
        return result;
      } catch (e) {
        await audit(`error: ${(e as ApiError).code}`);
        throw e;
      }
    },
  };
}
