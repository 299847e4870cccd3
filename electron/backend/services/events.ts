import type { ApiEvent } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';

/** Fan-out of backend events to whichever transports are listening (IPC, SSE, tests). */
export class EventBus {
  private listeners = new Set<(e: ApiEvent) => void>();
  subscribe(listener: (e: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: ApiEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken listener (a closed connection) must not break the work that emits.
      }
    }
  }
  changed(topic: string): void {
    this.emit({ type: 'changed', topic });
  }
}

/** Long tasks register here so `tasks.cancel` can reach them. */
export class TaskRegistry {
  private running = new Map<string, AbortController>();
  start(taskId: string | undefined): { signal: AbortSignal; taskId: string; end: () => void } {
    const id = taskId ?? `task-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const controller = new AbortController();
    this.running.set(id, controller);
    return { signal: controller.signal, taskId: id, end: () => this.running.delete(id) };
  }
  cancel(taskId: string): boolean {
    const c = this.running.get(taskId);
    c?.abort();
    return !!c;
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ApiError('cancelled', 'The task was cancelled.');
}
