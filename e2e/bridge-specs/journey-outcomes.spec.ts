// No dead ends (#31): after every outcome the window shows the next step, keeps the installation in
// view at 1024×700 and at 200 % zoom, names what failed, keeps the focus somewhere useful, and says
// "signed out" when the session ended rather than "not answering".
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { apply, dropLicense, hostOf, outcome, signedInTo } from '../bridge/steps';
import { licenses, signV3 } from '../simulator/license-factory';
import type { Simulator } from '../simulator/simulator';

const SIZES = [
  ['1024×700', { width: 1024, height: 700 }],
  ['1024×700 at 200 % zoom', { width: 512, height: 350 }],
] as const;

/** Whether the element's top is inside the window (it can be read without scrolling). */
async function topInView(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight - 20;
    });
}

/** Signed in to an 8.8 workspace, with a license for it dropped (its id `id`). */
async function licenseDropped(page: Page, app: { open(): Promise<unknown> }, sim: (o: { version: string; validationDelayMs: number }) => Promise<Simulator>, id: string): Promise<Simulator> {
  const s = await sim({ version: '8.8.0', validationDelayMs: 20 });
  await signedInTo(page, app, s.url, 'Plant 7');
  await dropLicense(page, await signV3(licenses.boundTo(hostOf(s), { id })));
  return s;
}

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? '');

for (const [name, size] of SIZES) {
  test(`${name}: from the moment of Send the progress is in view and has the focus; then the result`, async ({
    page,
    app,
    sim,
  }) => {
    await page.setViewportSize(size);
    const s = await sim({ version: '8.8.0', validationDelayMs: 2500 });
    await signedInTo(page, app, s.url, 'Plant 7 — production');
    await dropLicense(
      page,
      await signV3(licenses.seats(hostOf(s), 150, { id: 'IN-VIEW-1' })),
      'IN-VIEW-1.lic',
    );
    await apply(page);
    await expect(page.locator('[data-step="verify"][data-status="running"]')).toBeVisible({ timeout: 10_000 });
    expect(await topInView(page, '[data-testid="job"]')).toBe(true);
    expect(await focusedTag(page)).not.toBe('BODY');
    await outcome(page, 'active');
    await expect(page.getByRole('heading', { name: 'Active' })).toBeFocused();
    expect(await topInView(page, '[data-testid="result"]')).toBe(true);
  });
}

test('a failing check is named beside the disabled Apply; the sticky block is never taller than a third of the window, and at 200 % zoom it stays in the flow so "Clear" is reachable', async ({
  page,
  app,
  sim,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const s = await sim({ version: '8.8.0' });
  await signedInTo(page, app, s.url, 'Plant 7');
  await dropLicense(page, await signV3(licenses.boundTo('chat.elsewhere.example', { id: 'WRONG-1' })));
  await expect(page.getByTestId('apply-section')).toContainText('The Workspace address check failed (see above).');
  const height = await page.getByTestId('apply-section').evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeLessThanOrEqual(700 / 3 + 1);
  await page.setViewportSize({ width: 512, height: 350 });
  expect(await page.getByTestId('apply-section').evaluate((el) => getComputedStyle(el).position)).toBe('static');
  await page.getByRole('button', { name: 'Clear' }).scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('license-summary')).toHaveCount(0);
});

test('the confirmation keeps Tab inside it', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0' });
  await signedInTo(page, app, s.url);
  await dropLicense(page, await signV3(licenses.boundTo(hostOf(s))));
  await page.getByTestId('apply-button').click();
  const inside: boolean[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    inside.push(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="confirm"]'))));
  }
  expect(inside).toEqual(Array(8).fill(true));
});

test('Not sent keeps the license: "Check again" after fixing the cause; "Install another license" puts the focus on choosing a file', async ({
  page,
  app,
  sim,
}) => {
  const s = await licenseDropped(page, app, sim, 'SEND-AGAIN');
  // The workspace stops answering between the check and the send: nothing was sent.
  s.setFault({ kind: 'drop', match: '/api/info' });
  await apply(page);
  await expect(page.getByRole('heading', { name: 'Not sent', level: 3 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('result')).toContainText('Nothing was sent to the server.');
  s.setFault(null);
  await page.getByTestId('check-again').click();
  await expect(page.getByTestId('apply-button')).toBeEnabled();
  await apply(page);
  await outcome(page, 'active');
  await page.getByRole('button', { name: 'Install another license' }).click();
  await expect(page.getByTestId('dropzone').getByRole('button', { name: 'Choose file…' })).toBeFocused();
});

test('Restored: the panel shows what the workspace has now, and the job it undid links to the restore in History and its receipt', async ({
  page,
  app,
  sim,
}) => {
  await licenseDropped(page, app, sim, 'KEEP-A');
  await apply(page);
  await outcome(page, 'active');
  await page.getByRole('button', { name: 'Install another license' }).click();
  await dropLicense(page, await signV3(licenses.boundTo('chat.elsewhere.example', { id: 'REFUSED-B' })));
  await page.getByText('Apply anyway…').click();
  await page.getByLabel(/send it despite the failed checks/).check();
  await apply(page);
  await outcome(page, 'rejected');
  const rejectedJob = (await page.getByTestId('result').locator('dd code').first().textContent())!.trim();
  await page.getByTestId('restore-button').click();
  await expect(page.getByRole('heading', { name: 'Restored', level: 3 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('license-summary')).toHaveCount(0);
  await expect(page.getByTestId('active-license')).toContainText('KEEP-A');
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('history-restored-by')).toContainText('undone by');
  await page.getByRole('button', { name: `Open the receipt of ${rejectedJob}` }).click();
  await expect(page.getByTestId('restored-by')).toContainText('put back the license this job replaced');
  await expect(page.getByTestId('restore-button')).toHaveCount(0);
});

test('a session the server no longer accepts says "signed out" and shows the sign-in, not "not answering"', async ({
  page,
  app,
  sim,
}) => {
  const s = await sim({ version: '8.8.0' });
  await signedInTo(page, app, s.url, 'Plant 7');
  s.revokeTokens('admin');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('signed-out')).toContainText('no longer accepts the saved sign-in');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await expect(page.getByLabel('User name or e-mail')).toBeVisible();
});
