import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isTrustedUrl, secureWebPreferences, teamWebPreferences } from '../../electron/main/security';
import { repoRoot } from '../contract/harness';

/** Static checks of the desktop shell's security settings (runs without an Electron binary). */
describe('Electron security settings', () => {
  const prefs = secureWebPreferences('/app/preload.cjs')!;
  const main = readFileSync(join(repoRoot, 'electron', 'main', 'main.ts'), 'utf8');
  const ipc = readFileSync(join(repoRoot, 'electron', 'main', 'ipc.ts'), 'utf8');
  const security = readFileSync(join(repoRoot, 'electron', 'main', 'security.ts'), 'utf8');

  it('isolates and sandboxes the renderer with no Node integration', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(main).toMatch(/webPreferences: secureWebPreferences\(/);
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
  });

  it('sets a strict Content-Security-Policy', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/);
    const html = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy[^>]+script-src 'self'/);
  });

  it('denies navigation, window.open and permission requests', () => {
    expect(security).toMatch(/setWindowOpenHandler\([\s\S]*?action: 'deny'/);
    expect(security).toMatch(/'will-navigate'[\s\S]*?preventDefault/);
    expect(security).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(false\)/);
    expect(main).toMatch(/web-contents-created/);
    expect(isTrustedUrl('file:///app/dist/renderer/index.html', 'file:///app/dist/renderer/index.html')).toBe(true);
    expect(isTrustedUrl('https://evil.example/', 'file:///app/dist/renderer/index.html')).toBe(false);
  });

  it('checks the sender frame of every IPC call and validates through the backend', () => {
    expect(ipc).toMatch(/senderFrame/);
    expect(ipc).toMatch(/frame\.parent === null && isTrusted\(frame\.url\)/);
    expect(ipc).toMatch(/file\.startsWith\(exportsDir \+ sep\)/);
    expect(ipc).toMatch(/backend\.invoke\(method, input\)/);
  });

  it('opens a team server in a window with no preload, sandboxed, in a session of its own', () => {
    const team = teamWebPreferences('persist:team-0123456789abcdef')!;
    expect(team.preload).toBeUndefined();
    expect(team.partition).toBe('persist:team-0123456789abcdef');
    expect(team.sandbox).toBe(true);
    expect(team.contextIsolation).toBe(true);
    expect(team.nodeIntegration).toBe(false);
    const teamWindow = readFileSync(join(repoRoot, 'electron', 'main', 'teamWindow.ts'), 'utf8');
    expect(teamWindow).toMatch(/webPreferences: teamWebPreferences\(partition\)/);
    expect(teamWindow).toMatch(/parseTeamServerUrl\(/);
    // Every window is hardened on creation: a team window may navigate only within its server's origin.
    expect(main).toMatch(/teamOriginOf\(contents\.session\)[\s\S]*?sameOrigin\(url, team\)/);
    expect(ipc).toMatch(/channels\.openTeam[\s\S]*?fromOurWindow\(event\)/);
  });

  it('holds a single-instance lock and remembers the window size', () => {
    expect(main).toMatch(/requestSingleInstanceLock/);
    expect(main).toMatch(/saveWindowState/);
  });
});
