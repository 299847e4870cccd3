import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

const fallback: WindowState = { width: 1400, height: 900 };

/** The window's size and place, remembered between runs in the user-data folder. */
export function loadWindowState(dir: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as WindowState;
    if (Number.isFinite(s.width) && Number.isFinite(s.height) && s.width >= 640 && s.height >= 480) return s;
  } catch {
    // first run or unreadable: use the default
  }
  return fallback;
}

export function saveWindowState(dir: string, state: WindowState): void {
  try {
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // not worth failing a quit over
  }
}
