import { afterAll, beforeAll, describe } from 'vitest';
import { createApi } from '../../shared/api/client';
import type { Api } from '../../shared/api/contract';
import type { ApiEvent } from '../../shared/api/events';
import type { Backend } from '../../electron/backend';
import { type ContractContext, freshProject, transports } from './harness';

/**
 * One contract suite, run twice: against the backend in-process and through the HTTP host.
 * Every file in ./suites exports `suite(ctx)`; both transports must give the same answers.
 */
const suites = import.meta.glob<{ suite: (ctx: ContractContext) => void }>('./suites/*.ts', { eager: true });

for (const setup of transports) {
  describe(`contract over ${setup.name}`, () => {
    let api: Api | undefined;
    let backend: Backend | undefined;
    let cleanup: Array<() => Promise<void> | void> = [];
    const events: ApiEvent[] = [];
    beforeAll(async () => {
      const project = await freshProject();
      const started = await setup.start(project.backend);
      backend = project.backend;
      api = createApi(started.transport);
      const unsubscribe = started.transport.subscribe((e) => events.push(e));
      cleanup = [unsubscribe, () => started.stop(), () => project.dispose()];
    });
    afterAll(async () => {
      for (const c of cleanup) await c();
    });
    const ctx: ContractContext = {
      transport: setup.name,
      api: () => api!,
      backend: () => backend!,
      events: () => events,
    };
    for (const [path, mod] of Object.entries(suites)) {
      describe(path.replace(/^.*\/|\.ts$/g, ''), () => mod.suite(ctx));
    }
  });
}
