// The window at the sizes technicians use: 1024×700, and 1024×700 at 200 % zoom (512×350 CSS px).
// The step's primary action is in view without scrolling; nothing scrolls sideways.
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { dropLicense, hostOf, signedInTo } from '../bridge/steps';
import { licenses, signV3 } from '../simulator/license-factory';

async function inView(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

async function scrollsSideways(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [document.documentElement, document.body, ...Array.from(document.querySelectorAll('main, .panel, section'))]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden')
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
}

for (const [name, size] of [
  ['1024×700', { width: 1024, height: 700 }],
  ['1024×700 at 200 % zoom', { width: 512, height: 350 }],
] as const) {
  test(`${name}: Apply is in view after a drop, and nothing scrolls sideways`, async ({ page, app, sim }) => {
    await page.setViewportSize(size);
    const s = await sim({ version: '8.8.0', usage: { activeUsers: 87 } });
    await signedInTo(page, app, s.url, 'Plant 7 — production');
    await dropLicense(page, await signV3(licenses.seats(hostOf(s), 150, { id: 'ACME-2027-018' })), 'ACME-2027-018.lic');
    await expect(page.getByTestId('apply-button')).toBeEnabled();
    expect(await inView(page, 'apply-button')).toBe(true);
    expect(await scrollsSideways(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/layout-${size.width}x${size.height}.png` });
  });
}

test('the confirmation is a modal: Escape closes it and focus goes back to Apply', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0' });
  await signedInTo(page, app, s.url);
  await dropLicense(page, await signV3(licenses.boundTo(hostOf(s))));
  await page.getByTestId('apply-button').click();
  await expect(page.getByTestId('confirm')).toBeVisible();
  expect(await page.evaluate(() => (document.querySelector('[data-testid="confirm"]') as HTMLDialogElement).matches(':modal'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm')).toHaveCount(0);
  await expect(page.getByTestId('apply-button')).toBeFocused();
  expect(s.requests.filter((r) => r.path.endsWith('/licenses.add'))).toHaveLength(0);
});

test('every button is a target of at least 24×24 px (WCAG 2.5.8)', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0' });
  await signedInTo(page, app, s.url, 'Plant 7');
  await dropLicense(page, await signV3(licenses.boundTo(hostOf(s))));
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .filter((b) => b.offsetParent !== null)
      .map((b) => ({ text: b.textContent?.trim() ?? '', r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ text, r }) => `${text} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
});

test('1024×700: after the result arrives, its heading has focus and the receipt buttons are in view', async ({ page, app, sim }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const s = await sim({ version: '8.8.0' });
  await signedInTo(page, app, s.url, 'Plant 7 — production');
  await dropLicense(page, await signV3(licenses.boundTo(hostOf(s), { id: 'VIEW-1' })));
  await page.getByTestId('apply-button').click();
  await page.getByRole('button', { name: 'Yes, install now' }).click();
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'active', { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Active' })).toBeFocused();
  const inView = await page.getByRole('button', { name: 'Save receipt (PDF)' }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  expect(inView).toBe(true);
});

test('each view keeps its own scroll position: History opens at its top, Install comes back where it was', async ({ page, app, sim }) => {
  await page.setViewportSize({ width: 1024, height: 500 });
  const s = await sim({ version: '8.8.0', usage: { activeUsers: 87 } });
  await signedInTo(page, app, s.url);
  await dropLicense(page, await signV3(licenses.seats(hostOf(s), 150)));
  const main = page.locator('main');
  const scrollTop = () => main.evaluate((el) => el.scrollTop);
  await main.evaluate((el) => (el.scrollTop = 120));
  expect(await scrollTop()).toBe(120);
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  expect(await scrollTop()).toBe(0);
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page.getByTestId('apply-button')).toBeVisible();
  await expect.poll(scrollTop).toBe(120);
});
