import { ApiError } from '../../../shared/api/errors';
import type { HandlerGroup } from './types';

type TeamMethod = 'team.members' | 'team.addMember' | 'team.updateMember' | 'team.changePassword' | 'team.audit';

/**
 * A desktop project has one user, on this machine: there are no members, passwords or audit trail
 * to manage. The team server (electron/backend/team/members.ts) implements these.
 */
export function teamHandlers(): HandlerGroup<TeamMethod> {
  const only = (): never => {
    throw new ApiError(
      'unavailable',
      'Members, passwords and the audit trail belong to team projects on a team server (npm run serve). This desktop project has one user: you.',
    );
  };
  return { 'team.members': only, 'team.addMember': only, 'team.updateMember': only, 'team.changePassword': only, 'team.audit': only };
}
