// Journeys 2 and 3: a license that does not fit this workspace is stopped before anything is sent.
import { test, expect, dropFile } from '../bridge/fixtures';
import { addWorkspace, dropLicense, signIn } from '../bridge/steps';
import { licenseV3Payload, licenses, signV3 } from '../simulator/license-factory';

const DAY = 86400000;

test('wrong workspace: the URL check fails with both URLs shown, Apply is blocked, nothing reaches licenses.add', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0' });
  const here = s.url.replace(/^http:\/\//, '');
  await app.open();
  await addWorkspace(page, s.url, 'Plant 7');
  await signIn(page, 'admin', 'admin-pass');
  await dropLicense(page, await signV3(licenses.boundTo('chat.other-site.example', { id: 'OTHER-1' })));
  const url = page.locator('[data-check="url"]');
  await expect(url).toHaveAttribute('data-status', 'fail');
  await expect(url).toContainText(`This license is for chat.other-site.example; this workspace's Site URL is ${here}.`);
  await expect(page.getByTestId('bound-urls')).toContainText('does not match');
  await expect(page.getByTestId('apply-button')).toBeDisabled();
  expect(s.requests.filter((r) => r.path.endsWith('/licenses.add'))).toHaveLength(0);
});

test("clock trouble: the server's clock says expired while the laptop's says valid — blocked, naming the server's date", async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0', clock: { offsetMs: 60 * DAY } });
  const here = s.url.replace(/^http:\/\//, '');
  await app.open();
  await addWorkspace(page, s.url);
  await signIn(page, 'admin', 'admin-pass');
  await dropLicense(page, await signV3(licenseV3Payload({ url: here, validUntil: new Date(Date.now() + 30 * DAY) })));
  const period = page.locator('[data-check="period"]');
  await expect(period).toHaveAttribute('data-status', 'fail');
  const serverDay = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
  await expect(period).toContainText(`by the server's clock (${serverDay}`);
  await expect(period).toContainText("The server's clock is 60 days ahead of this laptop's");
  await expect(page.getByTestId('validity')).toContainText('expired');
  await expect(page.getByTestId('apply-button')).toBeDisabled();
  expect(s.requests.filter((r) => r.path.endsWith('/licenses.add'))).toHaveLength(0);
});

test('a file dropped outside the drop area is ignored, and the page stays', async ({ page, app }) => {
  await app.open();
  const url = page.url();
  await dropFile(page, 'header', 'stray.lic', 'RCV3_a.b.c');
  await expect(page.getByTestId('dropzone')).toBeVisible();
  expect(page.url()).toBe(url);
  const prevented = await page.evaluate(() => {
    const e = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
    document.querySelector('header')!.dispatchEvent(e);
    return e.defaultPrevented;
  });
  expect(prevented).toBe(true);
});
