/**
 * The team server's session (issue 14): the browser holds it as an HttpOnly cookie, so a script
 * never sees the token; these calls only log in, log out and ask who is logged in.
 */
export interface TeamUser {
  name: string;
  role: 'owner' | 'coder' | 'viewer';
  coderId: number;
}

async function post(path: string, body: unknown): Promise<{ ok: boolean; result?: unknown; message?: string }> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => null)) as { result?: unknown; error?: { message?: string } } | null;
  return { ok: res.ok, result: data?.result, message: data?.error?.message ?? `The server answered ${res.status}.` };
}

/** null: not a team server (the desktop host answers /api/session with an error). */
export async function teamSession(): Promise<{ user: TeamUser | null } | null> {
  try {
    const res = await fetch('/api/session');
    if (!res.ok) return null;
    const data = (await res.json()) as { result?: { team?: boolean; user?: TeamUser | null } };
    return data.result?.team ? { user: data.result.user ?? null } : null;
  } catch {
    return null;
  }
}

export async function logIn(name: string, password: string): Promise<TeamUser> {
  const r = await post('/api/login', { name, password });
  if (!r.ok) throw new Error(r.message);
  return (r.result as { user: TeamUser }).user;
}

export async function logOut(): Promise<void> {
  await post('/api/logout', {});
}
