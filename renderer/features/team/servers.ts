/**
 * The team servers this person opened before, newest first, kept in this browser profile (the
 * desktop's own page) so "Open a team project" offers them again. Only origins: never a name or
 * password.
 */
const KEY = 'policylens.teamServers';
const MAX = 5;

export function recentTeamServers(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberTeamServer(origin: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([origin, ...recentTeamServers().filter((o) => o !== origin)].slice(0, MAX)));
  } catch {
    // Storage full or disabled: the dialog still works, it only forgets.
  }
}
