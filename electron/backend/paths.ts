import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The platform's user-data folder for PolicyLens, the same place Electron's
 * app.getPath('userData') gives for productName "PolicyLens", so browser mode and the desktop
 * app open the same project.
 */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'PolicyLens');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'PolicyLens');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'PolicyLens');
}

export const databaseFileName = 'policylens.db';
