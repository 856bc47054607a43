// Journeys 1, 2 and 9 in the real app, wherever an Electron binary exists (they skip here with the
// reason printed). The same technician's moves as the browser-bridge journeys.
import { test, expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectron } from './electron-binary';
import { startSimulator, type Simulator } from '../simulator/simulator';
import { licenses, sharedTestKeyPair, signV3 } from '../simulator/license-factory';
import { addWorkspace, apply, dropLicense, outcome, signIn } from '../bridge/steps';
import { KeytarSecretStore, KEYCHAIN_SERVICE } from '../../main/core/workspaces/secret-store';

const found = findElectron();
if ('reason' in found) console.log(`[electron journeys skipped] ${found.reason}`);

test.describe('the real app, end to end', () => {
  test.skip('reason' in found, 'reason' in found ? found.reason : '');

  let sim: Simulator;
  let home: string;
  let app: ElectronApplication;
  let page: Page;
  const pageRequests: string[] = [];

  test.beforeEach(async () => {
    sim = await startSimulator({ version: '8.8.0', tls: true, validationDelayMs: 100 });
    home = mkdtempSync(join(tmpdir(), 'rc-electron-'));
    const keyFile = join(home, 'test-key.pem');
    writeFileSync(keyFile, sharedTestKeyPair().publicKeyPem);
    app = await electron.launch({
      executablePath: (found as { path: string }).path,
      args: ['.'],
      cwd: process.cwd(),
      env: { ...process.env, RC_LICENSE_HOME: home, RC_LICENSE_PUBLIC_KEY: keyFile } as Record<string, string>,
    });
    page = await app.firstWindow();
    page.on('request', (r) => pageRequests.push(r.url()));
  });

  test.afterEach(async () => {
    await app?.close();
    await sim?.stop();
    const store = new KeytarSecretStore({ service: KEYCHAIN_SERVICE });
    for (const account of await store.list().catch(() => [])) if (account.startsWith(sim.url)) await store.delete(account).catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
    pageRequests.length = 0;
  });

  test('journey 1: trust, TOTP sign-in, drop, apply, active; journey 9: the page loads nothing but app://', async () => {
    await addWorkspace(page, sim.url, 'Plant 7');
    await page.getByRole('button', { name: 'Trust this certificate' }).click();
    await signIn(page, 'tech', 'tech-pass', () => sim.totp('tech'));
    await dropLicense(page, await signV3(licenses.seats(sim.url.replace(/^https:\/\//, ''), 100, { id: 'ELECTRON-1' })));
    await apply(page);
    await outcome(page, 'active');
    expect(sim.state.active?.decoded.v3.information.id).toBe('ELECTRON-1');
    expect(pageRequests.filter((u) => !u.startsWith('app://renderer/') && !u.startsWith('data:'))).toEqual([]);
  });

  test('journey 2: a license for another workspace is blocked and never sent', async () => {
    await addWorkspace(page, sim.url);
    await page.getByRole('button', { name: 'Trust this certificate' }).click();
    await signIn(page, 'admin', 'admin-pass');
    await dropLicense(page, await signV3(licenses.boundTo('chat.elsewhere.example')));
    await expect(page.locator('[data-check="url"]')).toHaveAttribute('data-status', 'fail');
    await expect(page.getByTestId('apply-button')).toBeDisabled();
    expect(sim.requests.some((r) => r.path.endsWith('/licenses.add'))).toBe(false);
  });
});
