import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../contract/harness';

describe('electron-builder.yml', () => {
  const config = load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

  it('names the app and targets every desktop platform', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('PolicyLens');
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('keeps better-sqlite3 outside the asar and ships the seeds', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    const seeds = config.extraResources.find((r: { from: string }) => r.from === 'seeds');
    expect(seeds?.to).toBe('seeds');
  });

  it('points at files that exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) expect(existsSync(join(repoRoot, icon))).toBe(true);
    expect(existsSync(join(repoRoot, config.directories.buildResources))).toBe(true);
    expect(existsSync(join(repoRoot, 'seeds'))).toBe(true);
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(pkg.scripts.dist).toMatch(/electron-builder/);
  });
});
