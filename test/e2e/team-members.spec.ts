import { type Browser, type Page } from '@playwright/test';
import { pgUnavailable } from '../store/pg-cluster';
import { expect, test } from './fixtures';
import { startTeamHost } from './team-host';

// The Team page (issue 14). On a team server the lead adds a member, changes a role, sets a new
// password for someone who forgot theirs (their open session ends at once) and reads the audit
// trail; a coder sees the members and changes their own password. In a desktop project the page
// says what a team project is and opens one.

const PASSWORD = 'correct horse battery 电池';

async function logIn(browser: Browser, url: string, name: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('team-user')).toContainText(name);
  await page.getByTestId('locale-switch').selectOption('en');
  return page;
}

test('in a desktop project the Team page explains team projects and opens one', async ({ app }) => {
  await app.page.getByTestId('nav-team').click();
  await expect(app.page.getByTestId('team-desktop')).toContainText('desktop project');
  await app.page.getByTestId('team-open').click();
  await expect(app.page.getByTestId('open-team-dialog')).toBeVisible();
  await expect(app.page.getByTestId('open-team-address')).toBeFocused();
});

test.describe('on a team server', () => {
  const unavailable = pgUnavailable();
  test.skip(!!unavailable, unavailable ?? '');
  test.describe.configure({ timeout: 300_000 });

  test('the lead manages members and reads the audit trail; a coder changes their own password', async ({ browser }) => {
    const team = await startTeamHost([
      { name: 'lead', role: 'owner', password: PASSWORD },
      { name: 'coder', role: 'coder', password: PASSWORD },
    ]);
    try {
      const lead = await logIn(browser, team.url, 'lead');
      const coder = await logIn(browser, team.url, 'coder');
      await lead.getByTestId('nav-team').click();
      const rows = lead.getByTestId('team-member');
      const row = (name: string) => lead.locator(`[data-testid="team-member"][data-name="${name}"]`);
      await expect(rows).toHaveCount(2);
      await expect(row('lead')).toContainText('you');

      // Add a member with a Chinese name; a short password is refused with the policy's words.
      await lead.getByTestId('team-add-name').fill('王小明');
      await lead.getByTestId('team-add-role').selectOption('viewer');
      await lead.getByTestId('team-add-password').fill('short');
      await lead.getByTestId('team-add-submit').click();
      await expect(lead.getByTestId('team-error')).toContainText('at least 10 characters');
      await lead.getByTestId('team-add-password').fill('王小明的密码 is long enough');
      await lead.getByTestId('team-add-password').press('Enter');
      await expect(lead.getByTestId('team-done')).toContainText('王小明 can log in now');
      await expect(rows).toHaveCount(3);
      await expect(lead.getByTestId('team-add-name')).toHaveValue('');

      // Roles change from the table; the new member logs in as what the lead chose.
      await row('王小明').getByTestId('team-member-role').selectOption('coder');
      await expect(row('王小明').getByTestId('team-member-role')).toHaveValue('coder');
      const wang = await logIn(browser, team.url, '王小明', '王小明的密码 is long enough');
      await expect(wang.getByTestId('team-user')).toContainText('coder');

      // The coder forgot their password: the lead sets a new one; the coder's open session ends.
      await rows
        .filter({ hasText: /^coder/ })
        .getByTestId('team-member-reset')
        .click();
      await lead.getByTestId('team-reset-password').fill('a new password 新密码');
      await lead.getByTestId('team-reset-save').click();
      await expect(lead.getByTestId('team-done')).toContainText('New password set for coder');
      await coder.reload();
      await expect(coder.getByTestId('team-login')).toBeVisible();
      const back = await logIn(browser, team.url, 'coder', 'a new password 新密码');

      // The coder sees the members but cannot change them, and has no audit trail.
      await back.getByTestId('nav-team').click();
      await expect(back.getByTestId('team-member')).toHaveCount(3);
      await expect(back.getByTestId('team-member-role')).toHaveCount(0);
      await expect(back.getByTestId('team-audit')).toHaveCount(0);
      // Their own password: a mismatch is caught before anything is sent, then it changes.
      await back.getByTestId('team-password-current').fill('a new password 新密码');
      await back.getByTestId('team-password-next').fill('my own secret 我的密码');
      await back.getByTestId('team-password-again').fill('my own secret 我的密码!');
      await back.getByTestId('team-password-submit').click();
      await expect(back.getByTestId('team-password-message')).toContainText('differ');
      await back.getByTestId('team-password-again').fill('my own secret 我的密码');
      await back.getByTestId('team-password-submit').click();
      await expect(back.getByTestId('team-password-message')).toContainText('Your password is changed');

      // The lead's audit trail names each change, newest first, and filters by member.
      await lead.reload();
      await lead.getByTestId('locale-switch').selectOption('en');
      const audit = lead.getByTestId('team-audit-row');
      await expect(audit.first()).toBeVisible();
      await expect(lead.getByTestId('team-audit')).toContainText('team.changePassword');
      await expect(lead.getByTestId('team-audit')).toContainText('team.addMember');
      await lead.getByTestId('team-audit-user').selectOption('coder');
      await expect(audit).toHaveCount(1);
      await expect(audit.first()).toContainText('team.changePassword');
      expect(await lead.getByTestId('team-audit').innerText()).not.toContain('my own secret');
      await lead.screenshot({ path: test.info().outputPath('team-page.png'), fullPage: true });
    } finally {
      await team.stop();
    }
  });
});
