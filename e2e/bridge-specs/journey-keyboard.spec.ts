// Journey 7: journey 1 without a mouse, and an accessibility scan of each screen.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../bridge/fixtures';
import { licenses, signV3 } from '../simulator/license-factory';
import type { Page } from '@playwright/test';

async function noSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.length})`);
  expect(serious).toEqual([]);
}

/** Tabs until the focused element matches, as a keyboard user would (no clicks). */
async function tabTo(page: Page, matches: (el: { tag: string; label: string; text: string }) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const id = a?.id;
      const label = id ? (document.querySelector(`label[for="${id}"]`)?.textContent ?? '') : (a?.getAttribute('aria-label') ?? '');
      return { tag: a?.tagName ?? '', label: label.trim(), text: (a?.textContent ?? '').trim() };
    });
    if (matches(el)) return;
  }
  throw new Error('focus never reached the target');
}

test('the whole first-run journey by keyboard alone, with accessible screens', async ({ page, app, sim }) => {
  // Every screen of the app, each with an accessibility scan: on a loaded 2-core machine (a
  // mutation run beside it) it took 38 s, over the default 30.
  test.slow();
  const s = await sim({ tls: true });
  const license = await signV3(licenses.boundTo(s.url.replace(/^https:\/\//, ''), { id: 'KEYS-1' }));
  await app.open();
  await noSeriousViolations(page, 'empty');

  await tabTo(page, (e) => e.label === 'Workspace address');
  await page.keyboard.type(s.url);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trust-prompt')).toBeVisible();
  await noSeriousViolations(page, 'trust prompt');
  await tabTo(page, (e) => e.text === 'Trust this certificate');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workspace-url')).toBeVisible();

  // After each step, focus is on the next thing to do — never back on the page body.
  await expect(page.getByLabel('User name or e-mail')).toBeFocused();
  await page.keyboard.type('tech');
  await page.keyboard.press('Tab');
  await page.keyboard.type('tech-pass');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Code from the authenticator app')).toBeFocused();
  await page.keyboard.type(s.totp('tech'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose file…' })).toBeFocused();

  // The keyboard path to a license: the paste box (the file button opens a native chooser).
  await tabTo(page, (e) => e.label === 'Or paste the license text');
  await page.keyboard.insertText(license);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('license-summary')).toBeVisible();
  await expect(page.getByTestId('apply-button')).toBeFocused();
  await noSeriousViolations(page, 'license summary');

  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, install now' })).toBeVisible();
  await tabTo(page, (e) => e.text === 'Yes, install now');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'active', { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Active' })).toBeFocused();
  await noSeriousViolations(page, 'result');

  await page.getByRole('button', { name: 'History' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history')).toBeVisible();
  await noSeriousViolations(page, 'history');
  await page.getByRole('button', { name: 'About' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('app-info')).toBeVisible();
  await noSeriousViolations(page, 'about');
});

test('focus is always visible', async ({ page, app }) => {
  await app.open();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
