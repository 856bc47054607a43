// Safe apply: the license that was active is kept before another is sent, and one click puts it
// back — verified by the server, like any install.
import { test, expect } from '../bridge/fixtures';
import { addWorkspace, apply, dropLicense, outcome, signIn } from '../bridge/steps';
import { licenses, signV3 } from '../simulator/license-factory';

test('A active, B sent with "Apply anyway" and rejected, one click on Restore: A active again, stored byte for byte', async ({ page, app, sim }) => {
  const s = await sim({ version: '8.8.0' });
  const here = s.url.replace(/^http:\/\//, '');
  await app.open();
  await addWorkspace(page, s.url, 'Plant 7');
  await signIn(page, 'admin', 'admin-pass');
  const a = await signV3(licenses.seats(here, 120, { id: 'ACME-A' }));
  await dropLicense(page, a, 'ACME-A.lic');
  await apply(page);
  await outcome(page, 'active');
  const storedA = s.state.setting;

  await page.getByRole('button', { name: 'Install another license' }).click();
  await dropLicense(page, await signV3(licenses.boundTo('chat.elsewhere.example', { id: 'ACME-B' })), 'ACME-B.lic');
  await page.getByText('Apply anyway…').click();
  await page.getByLabel(/send it despite the failed checks/).check();
  await page.getByTestId('apply-button').click();
  await expect(page.getByTestId('confirm-replaces')).toHaveText(
    /^Replaces ACME-A \(120 seats, until \d{4}-\d\d-\d\d\), which is active now\. If the server rejects the new license, nothing stays active: ACME-A stops at once\. On Rocket\.Chat 7\.0 and later the workspace then also counts down to read-only again, .*\(users cannot send, edit or upload\)\. ACME-A is backed up first and can be restored in one step\.$/,
  );
  await page.getByRole('button', { name: 'Yes, install now' }).click();
  await outcome(page, 'rejected');
  await expect(page.getByTestId('result')).toContainText('ACME-A (120 seats');
  await expect(page.getByTestId('result')).toContainText('is no longer active');
  // 8.8 with no stats token: losing the license made the workspace read-only again (spec §5.13).
  await expect(page.getByTestId('restriction-change')).toContainText('no countdown → read-only: users can read rooms but cannot send, edit or upload');
  expect(s.state.active).toBeNull();

  await page.getByTestId('restore-button').click();
  await outcome(page, 'active');
  await expect(page.getByTestId('result')).toContainText('This put back the license kept by job');
  expect(s.state.active?.decoded.v3.information.id).toBe('ACME-A');
  expect(s.state.setting).toBe(storedA);

  // History lists the restore as its own job, naming the one it undoes.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('history').locator('tbody tr')).toHaveCount(3);
});
