// Journey 8: no keychain → "this session only", and nothing about the sign-in is written to disk.
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, apply, dropLicense, outcome } from '../bridge/steps';
import { KeytarSecretStore } from '../../main/core/workspaces/secret-store';
import { licenses, signV3 } from '../simulator/license-factory';
import { allFileText } from '../support/files';

test('keychain unavailable: the reason is shown, a session-only sign-in works, and no token touches the disk', async ({ page, app, sim }) => {
  const s = await sim();
  const noService = () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
  const keychain = new KeytarSecretStore({ keytar: { getPassword: noService, setPassword: noService, deletePassword: noService, findCredentials: noService } });
  await app.open({ keychain });
  await addWorkspace(page, s.url);
  await expect(page.getByText('No keychain service (Secret Service such as GNOME Keyring or KWallet) is running.')).toBeVisible();
  await page.getByLabel('User name or e-mail').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('admin-pass');
  await page.getByLabel(/this session only/).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('this session only');
  await dropLicense(page, await signV3(licenses.boundTo(s.url.replace(/^http:\/\//, ''))));
  await apply(page);
  await outcome(page, 'active');
  const token = [...s.state.tokens.keys()][0];
  const written = allFileText(app.dataDir);
  expect(written).not.toContain(token);
  expect(written).not.toContain('admin-pass');
});
