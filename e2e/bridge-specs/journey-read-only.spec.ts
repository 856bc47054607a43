// The air-gapped read-only mode in the window (7.0+): seen before signing in, the license step put
// first, what the license will do said before sending, "read-only → lifted" after, and each phase
// (read-only, counting down, none) in screenshots, light and dark.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, apply, dropLicense, hostOf, outcome, signIn, signedInTo } from '../bridge/steps';
import { licenses, signV3 } from '../simulator/license-factory';

const dir = process.env.RC_UPDATE_SCREENSHOTS === '1' ? resolve('e2e/screenshots') : resolve('test-results/screenshots');
mkdirSync(dir, { recursive: true });

const shot = (page: Page, name: string) => page.screenshot({ path: join(dir, name) });

for (const theme of ['light', 'dark'] as const) {
  test(`7.10 with no stats token: read-only before signing in, the license first, then lifted (${theme})`, async ({ page, app, sim }) => {
    await page.emulateMedia({ colorScheme: theme });
    const s = await sim({ version: '7.10.0', usage: { activeUsers: 87 } });
    await app.open();
    await addWorkspace(page, s.url, 'Plant 7 — production');

    // Public: shown before anyone signs in, with what signing in would add.
    const row = page.getByTestId('restriction');
    await expect(row).toHaveAttribute('data-phase', 'read-only');
    await expect(row).toContainText('Read-only now users can read rooms but cannot send, edit or upload.');
    await expect(row).toContainText('Read without signing in');
    await expect(page.getByTestId('read-only-banner')).toContainText('Plant 7 — production is read-only now');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['License', 'Workspace']);
    await page.locator('main').evaluate((el) => (el.scrollTop = 0));
    await shot(page, `restriction-read-only-${theme}.png`);

    await signIn(page, 'admin', 'admin-pass');
    await dropLicense(page, await signV3(licenses.seats(hostOf(s), 150, { id: 'LIFT-2027' })), 'LIFT-2027.lic');
    await expect(page.getByTestId('restriction-effect')).toHaveText('This workspace is read-only now (users cannot send, edit or upload); this license lifts it as soon as the server accepts it.');
    await apply(page);
    await outcome(page, 'active');
    await expect(page.getByTestId('restriction-change')).toContainText("Lifted read-only → lifted: users can send messages again (the server's own setting says so).");
    // The panel was read again: no banner, the workspace first again, and the mode is off.
    await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
    await expect(page.getByTestId('restriction')).toHaveAttribute('data-phase', 'none');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Workspace', 'License']);
    await page.getByTestId('restriction-change').scrollIntoViewIfNeeded();
    await shot(page, `restriction-lifted-${theme}.png`);

    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByTestId('history-restriction').first()).toHaveText('Read-only mode: read-only → lifted');
  });

  test(`7.10 with a 6-day-old stats token: read-only in 4 days, in amber with words (${theme})`, async ({ page, app, sim }) => {
    await page.emulateMedia({ colorScheme: theme });
    const s = await sim({ version: '7.10.0', statsTokenAgeDays: 6, usage: { activeUsers: 87 } });
    await signedInTo(page, app, s.url, 'Plant 7 — production');
    const row = page.getByTestId('restriction');
    await expect(row).toHaveAttribute('data-phase', 'warning');
    await expect(row).toContainText('Read-only in 4 days then users can read rooms but cannot send, edit or upload.');
    await expect(row.locator('.badge')).toHaveClass(/warn/);
    await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
    await expect(page.getByTestId('active-license')).toContainText('None no license is active.');
    await shot(page, `restriction-warning-${theme}.png`);
  });
}

test('6.x has no read-only mode: no row, no banner', async ({ page, app, sim }) => {
  const s = await sim({ version: '6.14.0' });
  await signedInTo(page, app, s.url, 'Plant 6');
  await expect(page.getByTestId('active-license')).toBeVisible();
  await expect(page.getByTestId('restriction')).toHaveCount(0);
  await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
});
