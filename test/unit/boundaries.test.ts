import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../contract/harness';

/** The lint rules that keep the architecture's layers apart fail on each kind of violation. */
const eslint = new ESLint({ cwd: repoRoot });
async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.message);
}

describe('architecture boundaries', () => {
  it('shared/ may not import Node, electron, React or our other folders, nor use DOM globals', async () => {
    expect(await errors("import { readFileSync } from 'node:fs';\n", 'shared/domain/x.ts')).toHaveLength(1);
    expect(await errors("import { app } from 'electron';\n", 'shared/domain/x.ts')).toHaveLength(1);
    expect(await errors("import { x } from '../../electron/backend';\n", 'shared/domain/x.ts')).toHaveLength(1);
    expect(await errors("import { x } from '../../renderer/app/App';\n", 'shared/domain/x.ts')).toHaveLength(1);
    expect(await errors('export const w = window.innerWidth;\n', 'shared/domain/x.ts')).toHaveLength(1);
    expect(await errors("import { z } from 'zod';\nexport const s = z.string();\n", 'shared/domain/x.ts')).toEqual([]);
  });

  it('the renderer may not import the backend, Node or electron', async () => {
    expect(await errors("import { createBackend } from '../../electron/backend';\n", 'renderer/features/x/y.ts')).toHaveLength(1);
    expect(await errors("import { ipcRenderer } from 'electron';\n", 'renderer/features/x/y.ts')).toHaveLength(1);
    expect(await errors("import { join } from 'node:path';\n", 'renderer/features/x/y.ts')).toHaveLength(1);
    expect(await errors("import { contract } from '../../../shared/api/contract';\n", 'renderer/features/x/y.ts')).toEqual([]);
  });

  it('only electron/main and electron/preload import electron', async () => {
    expect(await errors("import { app } from 'electron';\n", 'electron/backend/x.ts')).toHaveLength(1);
    expect(await errors("import { app } from 'electron';\n", 'electron/host/x.ts')).toHaveLength(1);
    expect(await errors("import { app } from 'electron';\n", 'electron/main/x.ts')).toEqual([]);
    expect(await errors("import { ipcRenderer } from 'electron';\n", 'electron/preload/x.ts')).toEqual([]);
  });
});
