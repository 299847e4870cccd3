import type { Role } from '../../../shared/api/access';
import type { MethodName, Output, ParsedInput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { EventBus } from '../services/events';
import type { Accounts } from '../db/pg/accounts';
import type { Store } from '../store/types';
import type { TeamTasks } from './tasks';

/** The person behind an API call on the team server: their account, role and coder. */
export interface Caller {
  userId: number;
  name: string;
  role: Role;
  /** Every account codes as its own coder: a coding always names who made it. */
  coderId: number;
}

/** What team handlers share: the store, the accounts, the event bus and where exports go. */
export interface TeamContext {
  store: Store;
  accounts: Accounts;
  events: EventBus;
  /** The folder of one caller's export files (the host serves it to them only). */
  exportDirOf(caller: Caller): string;
  /** The coder whose work the caller's window shows: their own, or null for the lead's consensus. */
  currentCoder(caller: Caller): number | null;
  setCurrentCoder(caller: Caller, coderId: number | null): void;
  /** Long tasks, which `tasks.cancel` stops. */
  tasks: TeamTasks;
}

/** How handlers reach other team handlers (exports, REFI-QDA import, search filters): as the caller, validated like any call. */
export interface TeamDispatch {
  call(caller: Caller, method: MethodName, input: unknown): Promise<unknown>;
  has(method: MethodName): boolean;
}

export type TeamHandler<M extends MethodName> = (input: ParsedInput<M>, caller: Caller) => Promise<Output<M>> | Output<M>;
export type TeamHandlers = { [M in MethodName]?: TeamHandler<M> };

export const isLead = (c: Caller) => c.role === 'owner';

/** Coders work blind: what only the lead may see while coders code. */
export function leadOnly(caller: Caller, what: string): void {
  if (!isLead(caller))
    throw new ApiError('forbidden', `${what} shows every coder's codings: only the project's lead (an owner) sees it while coders work blind.`);
}

export function notFound(what: string): never {
  throw new ApiError('not_found', what);
}
