// A full disk during an export or a backup: the half-written .part file is removed and the message
// says "disk full", not "internal". The full disk is a real 64 KB tmpfs (needs root to mount;
// skipped with a message elsewhere).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNew } from '../../electron/backend/export/files';
import { ApiError } from '../../shared/api/errors';
import { freshProject } from '../contract/harness';

let project: Awaited<ReturnType<typeof freshProject>>;
let full: string;
let mounted = false;
beforeAll(async () => {
  project = await freshProject();
  full = join(project.dir, 'exports');
  mkdirSync(full, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full], { stdio: 'ignore' });
    mounted = true;
  } catch {
    console.warn('diskfull-hardening: cannot mount a small tmpfs here (not root?); the disk-full tests are skipped.');
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', [full]);
  project.dispose();
});

describe('a full disk', () => {
  it('export: the .part file is removed and the error says the disk is full', (ctx) => {
    if (!mounted) ctx.skip();
    const target = join(full, 'report.docx');
    let err: unknown = null;
    try {
      writeNew(target, Buffer.alloc(512 * 1024, 1), false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('unavailable');
    expect((err as ApiError).message).toMatch(/disk is full: report\.docx was not written/);
    expect(readdirSync(full)).toEqual([]);
  });

  it('backup through the API: no .part left, "disk is full" in the message', async (ctx) => {
    if (!mounted) ctx.skip();
    const err = await project.backend.api.export.backup({ fileName: 'snapshot' }).then(
      () => null,
      (e: ApiError) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err!.message).toMatch(/disk is full/i);
    expect(err!.code).not.toBe('internal');
    expect(readdirSync(full).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
