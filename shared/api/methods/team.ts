import { z } from 'zod';
import { roles } from '../../domain/vocabulary';
import { method } from '../define';
import { empty, id, ok } from './common';

/**
 * The people of a team project (issue 14): the lead (an owner) adds members, changes their role,
 * resets a forgotten password or disables an account, and reads the audit trail; every member
 * changes their own password. A desktop project has one user and answers these with
 * 'unavailable'. Passwords travel only in these inputs and are never returned, logged or audited.
 */

const role = z.enum(roles);
const memberName = z.string().trim().min(1, 'A member needs a name.').max(100, 'A name has at most 100 characters.');
/** The policy itself (length in characters) is the server's (host/auth/passwords.ts); this only bounds the input. */
const password = z.string().min(1, 'Type a password.').max(1024, 'A password has at most 1,024 characters.');

export const member = z.object({
  id,
  name: z.string(),
  role,
  /** The coder whose codings are this member's. */
  coderId: id,
  createdAt: z.string(),
  disabled: z.boolean(),
  /** The caller's own account. */
  you: z.boolean(),
});
export type Member = z.infer<typeof member>;

export const auditEntry = z.object({
  id,
  at: z.string(),
  userName: z.string(),
  method: z.string(),
  /** The ids and names the call was about (never note contents, uploads or passwords). */
  target: z.string(),
  /** 'ok', 'refused' (the role may not call it), or 'error: <code>'. */
  outcome: z.string(),
});
export type AuditEntryOut = z.infer<typeof auditEntry>;

export const teamMethods = {
  'team.members': method(empty, z.object({ members: z.array(member) })),
  'team.addMember': method(z.object({ name: memberName, role, password }).strict(), member),
  /** Only what is given changes; a new password ends the member's sessions, as does disabling. */
  'team.updateMember': method(
    z
      .object({ name: memberName, role: role.optional(), password: password.optional(), disabled: z.boolean().optional() })
      .strict()
      .refine((x) => x.role !== undefined || x.password !== undefined || x.disabled !== undefined, 'Say what to change: role, password or disabled.'),
    member,
  ),
  'team.changePassword': method(z.object({ current: password, next: password }).strict(), ok),
  /** Newest first; `before` pages back from an entry's id. The lead's only. */
  'team.audit': method(
    z.object({ limit: z.number().int().min(1).max(500).default(100), before: id.optional(), user: memberName.optional() }).strict(),
    z.object({ entries: z.array(auditEntry), more: z.boolean() }),
  ),
};
