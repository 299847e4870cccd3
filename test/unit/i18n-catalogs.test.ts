import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../../renderer/i18n/app';
import { repoRoot } from '../contract/harness';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

const featureDir = join(repoRoot, 'renderer', 'features');
const catalogs: Array<[string, () => Promise<{ en: unknown; 'zh-CN': unknown }>]> = [
  ['app', async () => app],
  ...readdirSync(featureDir)
    .filter((f) => existsSync(join(featureDir, f, 'i18n.ts')))
    .map((f): [string, () => Promise<{ en: unknown; 'zh-CN': unknown }>] => [f, async () => (await import(join(featureDir, f, 'i18n.ts'))).catalog]),
];

describe('every i18n catalogue is complete in both languages', () => {
  it.each(catalogs)('%s has the same keys in en and zh-CN, none empty', async (_name, load) => {
    const c = await load();
    expect(keys(c['zh-CN'])).toEqual(keys(c.en));
    const empty = (o: unknown): boolean => (typeof o === 'string' ? o.trim() === '' : Object.values(o as object).some(empty));
    expect(empty(c.en)).toBe(false);
    expect(empty(c['zh-CN'])).toBe(false);
  });
});
