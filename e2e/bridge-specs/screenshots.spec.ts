// Screenshots of each main state at 1024×700 and at 200 % zoom (the same window: 512×350 CSS px,
// twice the pixels; `-zoom200`), light and dark. `npm run screenshots` refreshes the committed set
// in e2e/screenshots/; a normal run writes them under test-results/ and checks that every state
// renders, with no serious accessibility violation, and that progress and result are in view.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, apply, dropLicense, outcome, signIn } from '../bridge/steps';
import { licenses, signV3 } from '../simulator/license-factory';

const dir = process.env.RC_UPDATE_SCREENSHOTS === '1' ? resolve('e2e/screenshots') : resolve('test-results/screenshots');
mkdirSync(dir, { recursive: true });

const SIZES = [
  { suffix: '', viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 },
  { suffix: '-zoom200', viewport: { width: 512, height: 350 }, deviceScaleFactor: 2 },
] as const;

/** Whether the element's top can be read without scrolling. */
const topInView = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight - 20;
    });

for (const { suffix, viewport, deviceScaleFactor } of SIZES)
  test.describe(`${viewport.width}×${viewport.height}${suffix}`, () => {
    test.use({ viewport, deviceScaleFactor });
    for (const theme of ['light', 'dark'] as const) {
      test(`every main state, ${theme} theme${suffix}`, async ({ page, app, sim }) => {
        test.setTimeout(60_000);
        await page.emulateMedia({ colorScheme: theme });
        const shot = async (name: string) => {
          const { violations } = await new AxeBuilder({ page }).analyze();
          expect(
            violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id}`),
          ).toEqual([]);
          await page.screenshot({ path: join(dir, `${theme}-${name}${suffix}.png`) });
        };
        const s = await sim({ version: '8.8.0', tls: true, validationDelayMs: 2500, usage: { activeUsers: 87 } });
        const here = s.url.replace(/^https:\/\//, '');
        await app.open();
        await expect(page.getByLabel('Workspace address')).toBeVisible();
        await shot('1-empty');

        await addWorkspace(page, s.url, 'Plant 7 — production');
        await expect(page.getByTestId('trust-prompt')).toBeVisible();
        await shot('2-trust-prompt');
        await page.getByRole('button', { name: 'Trust this certificate' }).click();
        await signIn(page, 'admin', 'admin-pass');

        await dropLicense(
          page,
          await signV3(
            licenses.seats('chat.plant7.acme.lan', 150, {
              id: 'ACME-2027-017',
              customer: { company: 'ACME Industrial GmbH', name: 'Jane Admin' },
            }),
          ),
          'ACME-2027-017.lic',
        );
        await expect(page.locator('[data-check="url"]')).toHaveAttribute('data-status', 'fail');
        await scrollTo(page, '[data-check="url"]');
        await shot('3-summary-url-mismatch');

        await page.getByRole('button', { name: 'Clear' }).click();
        await dropLicense(
          page,
          await signV3(
            licenses.seats(here, 150, { id: 'ACME-2027-018', customer: { company: 'ACME Industrial GmbH', name: 'Jane Admin' } }),
          ),
          'ACME-2027-018.lic',
        );
        await apply(page);
        await expect(page.locator('[data-step="verify"][data-status="running"]')).toBeVisible({ timeout: 10_000 });
        expect(await topInView(page, '[data-testid="job"]')).toBe(true);
        await shot('4-progress');
        await outcome(page, 'active');
        expect(await topInView(page, '[data-testid="result"]')).toBe(true);
        await shot('5-active');

        await page.getByRole('button', { name: 'Install another license' }).click();
        await dropLicense(
          page,
          await signV3(licenses.boundTo('chat.elsewhere.acme.lan', { id: 'WRONG-SITE-9' })),
          'WRONG-SITE-9.lic',
        );
        await page.getByText('Apply anyway…').click();
        await page.getByLabel(/send it despite the failed checks/).check();
        await page.getByTestId('apply-button').click();
        await expect(page.getByTestId('confirm-replaces')).toContainText('Replaces ACME-2027-018 (150 seats');
        await scrollTo(page, '[data-testid="confirm-replaces"]');
        await shot('6a-confirm-replaces');
        await page.getByRole('button', { name: 'Yes, install now' }).click();
        await outcome(page, 'rejected');
        await expect(page.getByTestId('restore-button')).toBeVisible();
        await scrollTo(page, '[data-testid="restore-button"]');
        await shot('6b-rejected-restore');
        await page.getByTestId('restore-button').click();
        await outcome(page, 'active');
        await shot('6c-restored');

        await page.getByRole('button', { name: 'History' }).click();
        await page
          .getByRole('button', { name: /Open the receipt/ })
          .first()
          .click();
        await expect(page.getByTestId('history-detail')).toBeVisible();
        await shot('7-history');

        await page.getByRole('button', { name: 'About' }).click();
        await expect(page.getByTestId('keychain-status')).toContainText('Available');
        await shot('8-about');
      });
    }
  });

async function scrollTo(page: Page, selector: string) {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
}
