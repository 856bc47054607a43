// The window in every language: switching in About needs no restart and is kept; the system's
// languages are the default; Arabic lays out right to left. The pseudo-language run walks the main
// states in en-XA (accented, ~40 % longer) and fails on any word a technician reads that stayed
// plain English (a hard-coded string) and on text that does not fit at 1024×700. Screenshots of
// the main states per language (light; Arabic also dark) go to e2e/screenshots/ with
// `npm run screenshots`. Every selector here is a test id or an element id: no English.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, dropFile } from '../bridge/fixtures';
import { licenses, signV3 } from '../simulator/license-factory';
import { englishWords, plainEnglish } from '../support/pseudo';
import windowEn from '../../renderer/src/i18n/en';

const dir = process.env.RC_UPDATE_SCREENSHOTS === '1' ? resolve('e2e/screenshots') : resolve('test-results/screenshots');
mkdirSync(dir, { recursive: true });
test.use({ viewport: { width: 1024, height: 700 } });

const chooseLanguage = async (page: Page, lang: string) => {
  await page.locator('nav button').nth(2).click();
  await page.locator('#language').selectOption(lang);
};

test('About switches the language at once, keeps it across a restart, and <html lang dir> follow', async ({ page, app }) => {
  await app.open();
  await expect(page.locator('nav button').first()).toHaveText('Install');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await chooseLanguage(page, 'de');
  await expect(page.locator('nav button').first()).toHaveText('Installieren');
  await expect(page.locator('#about-heading')).toHaveText('Info und Diagnose');
  await expect(page.getByTestId('status-text')).toHaveText('Das Fenster spricht jetzt Deutsch.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await chooseLanguage(page, 'ar');
  await expect(page.locator('nav button').first()).toHaveText('التثبيت');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The header runs right to left: the brand now stands at the right.
  const brand = await page.locator('.brand').boundingBox();
  expect(brand!.x).toBeGreaterThan(500);
  await page.reload();
  await expect(page.locator('nav button').first()).toHaveText('التثبيت');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await chooseLanguage(page, '');
  await expect(page.locator('nav button').first()).toHaveText('Install');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test("without a choice the window speaks the system's first language it can (C skipped), else English", async ({ page, app }) => {
  await app.open({ preferredLanguages: () => ['C', 'ja-JP', 'fr-CA'] });
  await expect(page.locator('nav button').first()).toHaveText('Installer');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await chooseLanguage(page, 'es');
  await expect(page.locator('#language option').first()).toHaveText('System (Français)'.replace('System', 'Sistema'));
});

/** The main states, walked with ids only; `at` is called in each. */
async function walk(page: Page, app: { open(o?: object): Promise<unknown> }, sim: (o?: object) => Promise<{ url: string }>, at: (state: string) => Promise<void>) {
  const s = await sim({ version: '8.8.0', tls: true, validationDelayMs: 1500, usage: { activeUsers: 87 }, statsTokenAgeDays: 5 });
  const here = s.url.replace(/^https:\/\//, '');
  await app.open();
  await expect(page.locator('#ws-url')).toBeVisible();
  await at('1-empty');
  await page.locator('#ws-url').fill(s.url);
  await page.locator('#ws-name').fill('Plant 7 — production');
  await page.locator('form.add button[type="submit"]').click();
  await expect(page.getByTestId('trust-prompt')).toBeVisible();
  await at('2-trust-prompt');
  await page.locator('[data-testid="trust-prompt"] button.primary').click();
  await page.locator('#signin-user').fill('admin');
  await page.locator('#signin-password').fill('admin-pass');
  await page.locator('form.signin button[type="submit"]').click();
  await expect(page.getByTestId('signed-in')).toBeVisible();
  const lic = (o: object) => signV3(licenses.seats('chat.plant7.acme.lan', 150, { id: 'ACME-2027-017', customer: { company: 'ACME Industrial GmbH', name: 'Jane Admin' }, ...o }));
  await dropFile(page, '[data-testid="dropzone"]', 'ACME-2027-017.lic', await lic({}));
  await expect(page.locator('[data-check="url"]')).toHaveAttribute('data-status', 'fail');
  await at('3-summary-url-mismatch');
  await page.locator('.panel.license .panel-head button').click();
  await dropFile(page, '[data-testid="dropzone"]', 'ACME-2027-018.lic', await signV3(licenses.seats(here, 150, { id: 'ACME-2027-018', customer: { company: 'ACME Industrial GmbH', name: 'Jane Admin' } })));
  await expect(page.getByTestId('license-summary')).toBeVisible();
  await page.getByTestId('apply-button').click();
  await expect(page.getByTestId('confirm')).toBeVisible();
  await at('4-confirm');
  await page.locator('[data-testid="confirm"] .buttons button').first().click();
  await expect(page.locator('[data-step="verify"][data-status="running"]')).toBeVisible({ timeout: 10_000 });
  await at('5-progress');
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'active', { timeout: 20_000 });
  await at('6-active');
  await page.locator('nav button').nth(1).click();
  await page.locator('[data-testid="history"] tbody button').first().click();
  await expect(page.getByTestId('history-detail')).toBeVisible();
  await at('7-history');
  await page.locator('nav button').nth(2).click();
  await expect(page.getByTestId('app-info')).toBeVisible();
  await at('8-about');
}

/** Text cut off: an element whose content is wider than its box and hidden or scrolled, or a window wider than 1024. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll<HTMLElement>('button, .badge, nav *, th, dt, label, summary, h1, h2, h3, h4, .statusbar *')) {
      if (!el.offsetParent || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') out.push(`${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 40)}`);
    }
    return out;
  });

test('the pseudo-language: in every main state no word stays plain English and nothing overflows at 1024×700', async ({ page, app, sim }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => localStorage.setItem('rc-license.language', 'en-XA'));
  const words = englishWords([windowEn]);
  const found: string[] = [];
  await walk(page, app, sim, async (state) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    // Everything a technician can read: text, and the names and placeholders controls carry.
    // Values the window marks translate="no" (names, ids, the keychain's name) are not words.
    const text = await page.evaluate(() => {
      const own = (el: Element | null) => el && !el.closest('[translate="no"]') && el.checkVisibility();
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (own(n.parentElement)) parts.push(n.textContent ?? '');
      // Names controls carry (tooltips hold ids and hashes: values).
      for (const e of document.querySelectorAll('[aria-label], [placeholder]'))
        if (!e.closest('[translate="no"]')) parts.push([e.getAttribute('aria-label'), e.getAttribute('placeholder')].join('\n'));
      return parts.join('\n');
    });
    for (const w of plainEnglish(text, words)) found.push(`${state}: ${w}`);
    for (const o of await overflowing(page)) found.push(`${state}: overflow ${o}`);
  });
  expect([...new Set(found)]).toEqual([]);
});

for (const [lang, theme] of [['pt-BR', 'light'], ['de', 'light'], ['es', 'light'], ['fr', 'light'], ['ar', 'light'], ['ar', 'dark']] as const) {
  test(`screenshots of the main states in ${lang}, ${theme}`, async ({ page, app, sim }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((l) => localStorage.setItem('rc-license.language', l), lang);
    const cut: string[] = [];
    await walk(page, app, sim, async (state) => {
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      for (const o of await overflowing(page)) cut.push(`${state}: ${o}`);
      await page.screenshot({ path: join(dir, `lang-${lang}-${theme}-${state}.png`) });
    });
    expect(cut).toEqual([]);
  });
}
