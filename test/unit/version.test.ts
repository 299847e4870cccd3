import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { version } from '../../electron/backend/version';
import { repoRoot } from '../contract/harness';

it('the backend reports the version in package.json', () => {
  expect(version).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
});
