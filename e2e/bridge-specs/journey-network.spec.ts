// Journey 6: a server that is down, a proxy's 502 page, a swapped certificate, a redirect elsewhere.
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, signIn } from '../bridge/steps';
import { selfSignedCert } from '../simulator/certs';

test('server down: a clear "could not be reached" with what to check', async ({ page, app, sim }) => {
  const s = await sim();
  await app.open();
  await addWorkspace(page, s.url);
  await expect(page.getByTestId('workspace-url')).toBeVisible();
  await s.stop();
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The workspace could not be reached.');
  await expect(alert).toContainText('Rocket.Chat is running');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test("HTML 502 from a reverse proxy: named as the proxy's page, not as a Rocket.Chat error", async ({ page, app, sim }) => {
  const s = await sim();
  s.setFault({ kind: 'html502' });
  await app.open();
  await addWorkspace(page, s.url);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The address answered, but not as a Rocket.Chat server.');
  await expect(alert).toContainText('a reverse proxy is in front, and Rocket.Chat behind it is not answering');
  await expect(page.getByLabel('Workspace address')).toHaveValue(s.url);
});

test('certificate swapped after trusting: CERT_CHANGED refused loudly with both fingerprints', async ({ page, app, sim }) => {
  const s = await sim({ tls: true });
  await app.open();
  await addWorkspace(page, s.url);
  await page.getByRole('button', { name: 'Trust this certificate' }).click();
  await signIn(page, 'admin', 'admin-pass');
  const next = await selfSignedCert();
  s.setCertificate(next);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt).toContainText('The certificate has changed');
  await expect(prompt.getByTestId('new-fingerprint')).toHaveText(next.fingerprint256.toUpperCase().replace(/(.{4})/g, '$1 ').trim());
  await expect(prompt.getByRole('button', { name: 'Trust the new certificate' })).toBeDisabled();
  const before = s.requests.length;
  await page.waitForTimeout(300);
  expect(s.requests.slice(before).filter((r) => r.headers['x-auth-token'])).toHaveLength(0);
});

test('a redirect to another origin is blocked and the other origin never sees the credentials', async ({ page, app, sim }) => {
  const elsewhere = await sim();
  const s = await sim();
  await app.open();
  await addWorkspace(page, s.url);
  await signIn(page, 'admin', 'admin-pass');
  s.setFault({ kind: 'redirect', location: `${elsewhere.url}/api/v1/me`, match: '/api/v1/' });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('redirected to another address');
  await expect(alert).toContainText(`redirected to ${elsewhere.origin}`);
  expect(elsewhere.requests).toHaveLength(0);
});
