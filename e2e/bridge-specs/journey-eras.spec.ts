// Journey 4: an 8.7 server's own validation reasons, and a 6.3 server with its V2-only engine.
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, apply, dropLicense, outcome, signIn } from '../bridge/steps';
import { licenseV2Payload, licenses, signV2, signV3 } from '../simulator/license-factory';

test('8.7: applied anyway, licenses.validate’s reasons are shown and the license is reported rejected', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.7.1' });
  await app.open();
  await addWorkspace(page, s.url);
  await signIn(page, 'admin', 'admin-pass');
  await dropLicense(page, await signV3(licenses.boundTo('chat.elsewhere.example')));
  await page.getByText('Apply anyway…').click();
  await page.getByLabel(/send it despite the failed checks/).check();
  await apply(page);
  await outcome(page, 'rejected');
  await expect(page.getByTestId('result')).toContainText("The license is for chat.elsewhere.example, but this workspace's Site URL is");
  expect(s.requests.some((r) => r.path.endsWith('/licenses.validate'))).toBe(true);
  expect(s.state.active).toBeNull();
});

test('6.3: a V2 license is applied and verified through the legacy endpoints', async ({ page, app, sim }) => {
  const s = await sim({ version: '6.3.0' });
  const here = s.url.replace(/^http:\/\//, '');
  await app.open();
  await addWorkspace(page, s.url);
  await signIn(page, 'admin', 'admin-pass');
  await dropLicense(page, signV2(licenseV2Payload({ url: here, maxActiveUsers: 150 })), 'old-license.txt');
  await expect(page.getByTestId('license-summary')).toContainText('V2 license');
  await apply(page);
  await outcome(page, 'active');
  expect(s.requests.some((r) => r.path.endsWith('/licenses.get'))).toBe(true);
  expect(s.requests.some((r) => r.path.endsWith('/licenses.info'))).toBe(false);
});
