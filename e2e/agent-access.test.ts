import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER } from './browser.js';
import { axeProblems, useWorkspaceBrowser } from './workspace-helpers.js';

// The admin's account actions in the workspace, and what the agent on the other end sees.
describe.runIf(HAVE_BROWSER)('agent accounts on the admin page (Chromium)', { timeout: 90_000 }, () => {
  const w = useWorkspaceBrowser();
  const { api } = w;

  it('disables an agent: their open workspace is signed out at once, and they cannot sign in', async () => {
    const alexPage = await w.pageAs('alex', '/');
    const admin = await w.pageAs('casey', '/admin');
    const panel = admin.getByTestId('agent-access');
    await panel.getByRole('button', { name: 'Disable Alex Morgan' }).click();
    await panel.getByText('Alex Morgan: disabled. Their sessions have ended.').waitFor();
    await panel.getByRole('button', { name: 'Enable Alex Morgan' }).waitFor();
    // The stream closed with AUTH_ERR_SESSION_ENDED: the workspace goes back to its login page.
    await alexPage.getByRole('heading', { name: 'Sign in to the workspace' }).waitFor({ timeout: 15_000 });
    const l = w.s.logins.find((x) => x.email.startsWith('alex'))!;
    const res = await api.call('POST', '/api/v1/auth/login', undefined, { email: l.email, password: l.password });
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 403, code: 'AUTH_ERR_ACCOUNT_DISABLED' });
    expect(await axeProblems(admin)).toEqual([]);
  });

  it('resets a password: a weak one is refused beside the field, a strong one works at the next sign-in', async () => {
    const admin = await w.pageAs('casey', '/admin');
    const row = admin.getByTestId('agent-access').locator('tr[data-agent="sam@northwind.example"]');
    await row.getByRole('button', { name: 'Reset password…' }).click();
    await row.getByLabel('New password for Sam Lee').fill('password1234');
    await row.getByRole('button', { name: 'Set password' }).click();
    await row.getByRole('alert').getByText(/common passwords/).waitFor();
    await row.getByLabel('New password for Sam Lee').fill('granite-orchard-velvet-7');
    await row.getByRole('button', { name: 'Set password' }).click();
    await admin.getByText('Sam Lee: new password set. Their sessions have ended.').waitFor();
    const res = await api.call('POST', '/api/v1/auth/login', undefined, { email: 'sam@northwind.example', password: 'granite-orchard-velvet-7' });
    expect(res.status).toBe(200);
  });
});
