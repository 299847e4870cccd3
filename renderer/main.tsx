import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from '../shared/api/transport';
import { ApiProvider } from './api/ApiProvider';
import { httpTransport, ipcTransport, takeTokenFromLocation } from './api/transports';
import { App } from './app/App';
import { runCommand } from './app/commands';
import { parseRoute } from './app/router';
import { preloadSection } from './app/sections';
import { initI18n } from './i18n';
import { TeamBar } from './features/team/TeamBar';
import { TeamLogin } from './features/team/Login';
import { teamSession } from './features/team/session';
import './styles/app.css';

// When the app's own code starts: the first screen's calls (api/early.ts) were sent before this.
performance.mark('policylens:app-start');

function transport() {
  if (window.policylens) return ipcTransport(window.policylens);
  const token = takeTokenFromLocation();
  if (!token) return null;
  return httpTransport(token);
}

async function start() {
  // The page the address opens (a search, a comparison) fetches its code now, alongside the app's start.
  const opening = preloadSection(parseRoute(window.location.hash).section);
  await initI18n();
  const root = createRoot(document.getElementById('root')!);
  let tr = transport();
  // No desktop bridge and no loopback token: a team server (npm run serve) logs in by cookie.
  const team = tr ? null : await teamSession();
  if (team && !team.user) {
    root.render(<TeamLogin onLoggedIn={() => window.location.reload()} />);
    return;
  }
  if (team) tr = httpTransport('');
  if (!tr) {
    root.render(
      <div className="not-built">
        <h1>PolicyLens</h1>
        <p>
          Open the address printed by <code>npm start</code> (it carries a session token). 请使用 npm start 打印的地址打开。
        </p>
      </div>,
    );
    return;
  }
  if (!window.location.hash || window.location.hash === '#') window.location.hash = '#/library';
  // The first render waits for that page's code (2 s at most): rendered before it, the page
  // suspends, and React shows a suspended page's content no sooner than 300 ms after its loading
  // placeholder (so that placeholders do not flash), which held a search opened by its address
  // back by about 300 ms although its code had arrived within tens.
  if (opening) await Promise.race([opening, new Promise((r) => setTimeout(r, 2000))]);
  performance.mark('policylens:render');
  root.render(
    <StrictMode>
      <ApiProvider api={createApi(tr)} transport={tr}>
        {team?.user && <TeamBar user={team.user} />}
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}

void start();

// Desktop menu commands arrive through the preload and run as the registry's commands.
const menuCommands: Record<string, string> = { export: 'app.export', 'open-team': 'app.openTeam' };
window.policylens?.onMenu((command) => {
  if (menuCommands[command]) runCommand(menuCommands[command]);
});
