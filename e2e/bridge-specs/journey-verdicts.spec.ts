// The verdict in the window: a slow "yes" is Active with what it rests on; a license that became
// active after "not confirmed" is not replaced by Restore unless asked again; closing the window
// while a license is on its way asks first.
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, apply, dropLicense, hostOf, outcome, signIn, signedInTo } from '../bridge/steps';
import { licenses, signV3 } from '../simulator/license-factory';
import { fastClock } from '../support/clock';

test('a server that activates the license 4 s after the send: Active, and the result says what it rests on', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0', validationDelayMs: 4000 });
  await signedInTo(page, app, s.url, 'Plant 7');
  await dropLicense(page, await signV3(licenses.boundTo(hostOf(s), { id: 'SLOW-YES' })), 'SLOW-YES.lic');
  await apply(page);
  await outcome(page, 'active');
  await expect(page.getByTestId('evidence')).toContainText('License state shows this license active (licenses.info)');
});

test('not confirmed, then the server took it after all: Restore says so and restores only when asked again', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0', validationDelayMs: 20 });
  const here = hostOf(s);
  await app.open({ timing: fastClock() });
  await addWorkspace(page, s.url, 'Plant 7');
  await signIn(page, 'admin', 'admin-pass');
  await dropLicense(page, await signV3(licenses.boundTo(here, { id: 'OLD-A' })), 'OLD-A.lic');
  await apply(page);
  await outcome(page, 'active');

  s.state.instances[0].applyDelayMs = 1500; // longer than the (fast-clock) wait
  await page.getByRole('button', { name: 'Install another license' }).click();
  await dropLicense(page, await signV3(licenses.boundTo(here, { id: 'LATE-B' })), 'LATE-B.lic');
  await apply(page);
  await outcome(page, 'unconfirmed');
  await s.settled();
  expect(s.state.active?.decoded.v3.information.id).toBe('LATE-B');

  s.state.instances[0].applyDelayMs = 20;
  await page.getByTestId('restore-button').click();
  await expect(page.getByTestId('restore-active-now')).toContainText('The license this job sent is active now, so nothing was restored. LATE-B');
  expect(s.state.active?.decoded.v3.information.id).toBe('LATE-B');
  await page.getByTestId('restore-anyway-button').click();
  await outcome(page, 'active');
  expect(s.state.active?.decoded.v3.information.id).toBe('OLD-A');
});

test('closing the window while a license is on its way asks first; staying keeps the page and its result', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0', validationDelayMs: 2500 });
  await signedInTo(page, app, s.url, 'Plant 7');
  await dropLicense(page, await signV3(licenses.boundTo(hostOf(s), { id: 'CLOSE-1' })), 'CLOSE-1.lic');
  await apply(page);
  await expect(page.locator('[data-step="verify"][data-status="running"]')).toBeVisible({ timeout: 10_000 });
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await outcome(page, 'active');
  // Once it is over, closing asks nothing.
  let dialogs = 0;
  page.on('dialog', (d) => (dialogs++, void d.dismiss()));
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toBe(0);
});
