// Journey 5: personal access token, a non-admin account, and a token revoked mid-session.
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, apply, dropLicense, outcome, signIn } from '../bridge/steps';
import { licenses, signV3 } from '../simulator/license-factory';

test('a personal access token signs in, and signing out keeps it valid on the server', async ({ page, app, sim }) => {
  const s = await sim();
  const pat = s.createPersonalAccessToken('admin');
  await app.open();
  await addWorkspace(page, s.url);
  await page.getByRole('tab', { name: 'Personal access token' }).click();
  await page.getByLabel('User id').fill(pat.userId);
  await page.getByLabel('Token').fill(pat.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('admin');
  await expect(page.getByTestId('signed-in')).toContainText('token');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('status')).toContainText('stays valid on the server');
  expect(s.requests.some((r) => r.path === '/api/v1/logout')).toBe(false);
  expect(s.state.tokens.has(pat.token)).toBe(true);
});

test('a non-admin account is warned, and the server’s 403 is explained', async ({ page, app, sim }) => {
  const s = await sim();
  await app.open();
  await addWorkspace(page, s.url);
  await signIn(page, 'jo', 'jo-pass');
  await expect(page.getByText('jo is not an administrator')).toBeVisible();
  await dropLicense(page, await signV3(licenses.boundTo(s.url.replace(/^http:\/\//, ''))));
  await apply(page);
  await outcome(page, 'failed');
  await expect(page.getByTestId('result')).toContainText('This account is not allowed to install licenses.');
  await expect(page.getByTestId('result')).toContainText('Sign in with an administrator account');
});

test('a token revoked mid-session leads back to sign-in with the license still loaded', async ({ page, app, sim }) => {
  const s = await sim();
  await app.open();
  await addWorkspace(page, s.url);
  await signIn(page, 'admin', 'admin-pass');
  await dropLicense(page, await signV3(licenses.boundTo(s.url.replace(/^http:\/\//, ''), { id: 'KEEP-ME' })));
  s.revokeTokens('admin');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('signed-out')).toContainText('no longer accepts the saved sign-in');
  await expect(page.getByLabel('User name or e-mail')).toBeVisible();
  await expect(page.getByTestId('license-summary')).toContainText('KEEP-ME');
  await signIn(page, 'admin', 'admin-pass');
  await apply(page);
  await outcome(page, 'active');
});
