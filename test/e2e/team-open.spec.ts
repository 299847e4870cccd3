import { pgUnavailable } from '../store/pg-cluster';
import { expect, test } from './fixtures';
import { QuickOpen } from './pages/quickopen';
import { startTeamHost } from './team-host';

// "Open a team project…" (issue 14): the desktop's own page asks for a team server's address and
// opens the server's project — in the desktop app a window of its own (electron/main/teamWindow.ts),
// in a browser a new tab. Here, in browser mode, the new tab is the popup Playwright sees.

test('the team project dialog explains each bad address and warns about plain http', async ({ app }) => {
  const qo = new QuickOpen(app.page);
  await qo.open();
  await qo.type('团队');
  await qo.choose(/Open a team project|打开团队项目/);
  const dialog = app.page.getByTestId('open-team-dialog');
  await expect(dialog).toBeVisible();
  const address = app.page.getByTestId('open-team-address');
  await expect(address).toBeFocused();
  // A single key typed in the field is text, never a shortcut (j/k/c/r are commands elsewhere).
  await address.pressSequentially('jkcr');
  await expect(address).toHaveValue('jkcr');
  await address.fill('');
  await address.press('Enter');
  await expect(app.page.getByTestId('open-team-error')).toContainText(/Type the address|请输入团队服务器的地址/);
  await address.fill('file:///etc/passwd');
  await address.press('Enter');
  await expect(app.page.getByTestId('open-team-error')).toContainText(/https:\/\//);
  await address.fill('https://lead:secret@team.example.org');
  await address.press('Enter');
  await expect(app.page.getByTestId('open-team-error')).toContainText(/password|密码/);
  await address.fill('http://10.0.0.5:7000');
  await expect(app.page.getByTestId('open-team-error')).toBeHidden();
  await expect(app.page.getByTestId('open-team-insecure')).toBeVisible();
  await address.fill('localhost:7000');
  await expect(app.page.getByTestId('open-team-insecure')).toBeHidden();
  await address.press('Escape');
  await expect(dialog).toBeHidden();
});

test.describe('with a team server', () => {
  const unavailable = pgUnavailable();
  test.skip(!!unavailable, unavailable ?? '');
  test.describe.configure({ timeout: 300_000 });

  test('opens a team server typed without its scheme, logs in there, and offers it again', async ({ app }) => {
    const team = await startTeamHost([{ name: 'lead', role: 'owner', password: 'open sesame 芝麻开门' }]);
    try {
      const typed = team.url.replace(/^http:\/\//, '').replace(/\/$/, '');
      const qo = new QuickOpen(app.page);
      await qo.open();
      await qo.type('team');
      await qo.choose(/Open a team project|打开团队项目/);
      await app.page.getByTestId('open-team-address').fill(typed);
      const [popup] = await Promise.all([app.page.waitForEvent('popup'), app.page.getByTestId('open-team-submit').click()]);
      await expect(app.page.getByTestId('open-team-dialog')).toBeHidden();
      await expect(popup.getByTestId('team-login')).toBeVisible();
      expect(new URL(popup.url()).origin).toBe(new URL(team.url).origin);
      await popup.getByTestId('login-name').fill('lead');
      await popup.getByTestId('login-password').fill('open sesame 芝麻开门');
      await popup.getByTestId('login-password').press('Enter');
      await expect(popup.getByTestId('team-user')).toContainText('lead');
      await popup.close();

      // The address is remembered (only the origin) and opens again with one click.
      await qo.open();
      await qo.type('team');
      await qo.choose(/Open a team project|打开团队项目/);
      const recent = app.page.getByTestId('open-team-recent');
      await expect(recent).toHaveText(new URL(team.url).origin);
      const [again] = await Promise.all([app.page.waitForEvent('popup'), recent.click()]);
      await expect(again.getByTestId('team-user').or(again.getByTestId('team-login'))).toBeVisible();
    } finally {
      await team.stop();
    }
  });
});
