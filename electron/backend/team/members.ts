// The people of a team project (issue 14): accounts, roles, passwords and the audit trail, through
// the same contract as everything else, so the lead manages the team from the app rather than
// from the server's command line. Passwords are hashed here (scrypt) and never leave this file.
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { PasswordPolicyError, checkPasswordPolicy, hashPassword, verifyPassword } from '../../host/auth/passwords';
import type { Account } from '../db/pg/accounts';
import { type Caller, type TeamContext, type TeamHandlers, isLead } from './caller';

type MemberOut = Output<'team.addMember'>;

const memberOut = (a: Account & { disabled: boolean }, caller: Caller): MemberOut => ({
  id: a.id,
  name: a.name,
  role: a.role,
  coderId: a.coderId,
  createdAt: a.createdAt,
  disabled: a.disabled,
  you: a.id === caller.userId,
});

/** The server's password policy as a clear input error, before any hashing. */
async function hashed(password: string): Promise<string> {
  try {
    checkPasswordPolicy(password);
  } catch (e) {
    if (e instanceof PasswordPolicyError) throw new ApiError('invalid_input', e.message);
    throw e;
  }
  return hashPassword(password);
}

export function memberHandlers(ctx: TeamContext): TeamHandlers {
  const { accounts } = ctx;
  return {
    'team.members': async (_input, caller) => ({ members: (await accounts.members()).map((m) => memberOut(m, caller)) }),

    'team.addMember': async ({ name, role, password }, caller) => {
      const account = await accounts.create({ name, role, passwordHash: await hashed(password) });
      ctx.events.changed('members');
      return memberOut({ ...account, disabled: false }, caller);
    },

    'team.updateMember': async ({ name, role, password, disabled }, caller) => {
      if (disabled && name.trim() === caller.name) throw new ApiError('conflict', 'You cannot disable your own account: ask another lead (owner) to.');
      const updated = await accounts.update(name, { role, disabled, passwordHash: password === undefined ? undefined : await hashed(password) });
      if (!updated) throw new ApiError('not_found', `There is no member named “${name.trim()}”.`);
      ctx.events.changed('members');
      return memberOut(updated, caller);
    },

    'team.changePassword': async ({ current, next }, caller) => {
      const mine = await accounts.byName(caller.name);
      if (!mine || !(await verifyPassword(current, mine.passwordHash)))
        throw new ApiError('forbidden', 'The current password is not right; nothing was changed.');
      if (current === next) throw new ApiError('invalid_input', 'The new password is the same as the current one.');
      // Other sessions of this account end too: a password changed because it leaked locks the leak out.
      await accounts.update(caller.name, { passwordHash: await hashed(next) });
      return { ok: true as const };
    },

    'team.audit': async ({ limit, before, user }, caller) => {
      if (!isLead(caller)) throw new ApiError('forbidden', "Only the project's lead (an owner) reads the audit trail.");
      const page = await accounts.auditPage({ limit, before, user });
      return { entries: page.entries.map(({ userId: _u, ...e }) => e), more: page.more };
    },
  };
}
