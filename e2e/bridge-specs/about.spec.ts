import { readFileSync } from 'node:fs';
import { test, expect, hasKeychain } from '../bridge/fixtures';
import { KeytarSecretStore } from '../../main/core/workspaces/secret-store';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('the diagnostics panel shows the real app.info and keychain.status from the handlers', async ({ page, app }) => {
  const { calls } = await app.open();
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(pkg.version);
  await expect(page.getByTestId('node-version')).toHaveText(process.versions.node);
  await expect(page.getByTestId('app-info')).toContainText('browser test bridge');
  const status = page.getByTestId('keychain-status');
  if (hasKeychain) {
    await expect(status).toContainText('Available');
    await expect(status).toContainText('Secret Service');
  } else {
    console.log('keychain: no gnome-keyring session in this run; asserting the unavailable reason instead');
    await expect(status).toContainText('Unavailable');
  }
  expect(calls.map((c) => c.name)).toEqual(expect.arrayContaining(['app.info', 'keychain.status']));
});

test('with no keychain service the panel gives the reason instead', async ({ page, app }) => {
  const noBus = new KeytarSecretStore({
    keytar: {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      findCredentials: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    },
  });
  await app.open({ keychain: noBus });
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByTestId('keychain-status')).toContainText('Unavailable');
  await expect(page.getByTestId('keychain-status')).toContainText('No desktop session bus (D-Bus)');
});

test('a keychain stuck waiting for an unlock prompt is reported within 4 s (under the 5 s promised)', async ({ page, app }) => {
  const never = () => new Promise<never>(() => undefined);
  const stuck = new KeytarSecretStore({
    keytar: { getPassword: never, setPassword: never, deletePassword: never, findCredentials: never },
  });
  await app.open({ keychain: stuck });
  const started = Date.now();
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByTestId('keychain-status')).toContainText('did not answer within 4 s', { timeout: 6500 });
  expect(Date.now() - started).toBeLessThan(6500);
});

test('the bridge validates input like the app does', async ({ page, app }) => {
  await app.open();
  const result = await page.evaluate(() => (window as unknown as { installer: Record<string, (i: unknown) => Promise<unknown>> }).installer['app.info']({ bogus: 1 }));
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
