import { afterEach } from 'vitest';
import { freshProject } from '../contract/harness';

/**
 * Fresh projects for backend tests, each disposed after its test:
 * `const project = projectsPerTest(); const b = await project();`
 */
export function projectsPerTest(): (seeds?: boolean) => Promise<Awaited<ReturnType<typeof freshProject>>> {
  let disposers: Array<() => void> = [];
  afterEach(() => {
    disposers.forEach((d) => d());
    disposers = [];
  });
  return async (seeds = true) => {
    const p = await freshProject({ seeds });
    disposers.push(p.dispose);
    return p;
  };
}
