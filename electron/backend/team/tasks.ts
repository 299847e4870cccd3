/** Only the account matters here (a structural type: caller.ts holds a TeamTasks, so no import back). */
type Caller = { userId: number };

/**
 * Long tasks of a team server (imports, the project download), so that `tasks.cancel` reaches
 * them: per account, so nobody cancels another person's task by guessing its id.
 */
export class TeamTasks {
  private running = new Map<string, AbortController>();
  private key = (caller: Caller, taskId: string) => `${caller.userId}\u0000${taskId}`;
  start(caller: Caller, taskId: string | undefined): { signal: AbortSignal; taskId: string; end: () => void } {
    const id = taskId ?? `task-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const controller = new AbortController();
    const key = this.key(caller, id);
    this.running.set(key, controller);
    return { signal: controller.signal, taskId: id, end: () => this.running.delete(key) };
  }
  /** Asks the caller's task to stop; false when they run none of that id. */
  cancel(caller: Caller, taskId: string): boolean {
    const c = this.running.get(this.key(caller, taskId));
    c?.abort();
    return !!c;
  }
}
