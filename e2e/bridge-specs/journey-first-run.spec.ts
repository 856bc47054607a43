// Journey 1: first run on a self-signed 8.8 workspace, from adding it to a saved receipt.
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { join } from 'node:path';
import { test, expect, dropFile, hasKeychain } from '../bridge/fixtures';
import { licenses, signV3 } from '../simulator/license-factory';
import { allFileText } from '../support/files';

test('add workspace → trust → TOTP sign-in → drop license → checks pass → apply → active → history → receipt', async ({ page, app, sim }, testInfo) => {
  const s = await sim({ version: '8.8.0', tls: true });
  const workspaceUrl = s.url.replace(/^https:\/\//, '');
  const license = await signV3(licenses.seats(workspaceUrl, 100, { id: 'ACME-2027-001', customer: { company: 'ACME Corp', name: 'Jane Admin' } }));
  // Air-gap integrity (journey 9): every TCP connection this process opens, and every request the
  // page makes, is recorded; the only hosts allowed are the workspace and the page's own server.
  // (tls.connect and net.connect are what undici and the certificate probe call at connect time.)
  const connections: Array<{ host: string; port: number }> = [];
  const originals = { tls: tls.connect, net: net.connect };
  const record = (args: unknown[]) => {
    const o = (typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] }) as { host?: string; port?: number | string };
    connections.push({ host: String(o.host ?? 'localhost'), port: Number(o.port) });
  };
  tls.connect = ((...args: unknown[]) => (record(args), (originals.tls as (...a: unknown[]) => tls.TLSSocket)(...args))) as typeof tls.connect;
  net.connect = ((...args: unknown[]) => (record(args), (originals.net as (...a: unknown[]) => net.Socket)(...args))) as typeof net.connect;
  const pageRequests: string[] = [];
  page.on('request', (r) => pageRequests.push(r.url()));
  await app.open();

  // Add the workspace: the self-signed certificate needs the technician's trust.
  await page.getByLabel('Workspace address').fill(s.url);
  await page.getByLabel('Name (optional)').fill('Plant 7');
  await page.getByRole('button', { name: 'Check and add' }).click();
  const prompt = page.getByTestId('trust-prompt');
  await expect(prompt).toBeVisible();
  const fingerprint = s.certificate!.fingerprint256.toUpperCase().replace(/(.{4})/g, '$1 ').trim();
  await expect(prompt.getByTestId('fingerprint')).toHaveText(fingerprint);
  await page.screenshot({ path: testInfo.outputPath('trust-prompt.png') });
  await prompt.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(page.getByTestId('workspace-url')).toHaveText(workspaceUrl);

  // Sign in: the code field appears only once the server asks.
  await expect(page.getByLabel('Code from the authenticator app')).toHaveCount(0);
  await page.getByLabel('User name or e-mail').fill('tech');
  await page.getByLabel('Password', { exact: true }).fill('tech-pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code from the authenticator app').fill(s.totp('tech'));
  await page.getByRole('button', { name: 'Verify code' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('tech');

  // Drop the license file: a real DataTransfer drop.
  await dropFile(page, '[data-testid="dropzone"]', 'ACME-license.txt', license.match(/.{1,64}/g)!.join('\r\n') + '\r\n');
  const summary = page.getByTestId('license-summary');
  await expect(summary).toContainText('ACME Corp');
  await expect(summary.getByTestId('bound-urls')).toContainText('matches this workspace');
  for (const check of ['signature', 'url', 'period', 'limits']) {
    await expect(page.locator(`[data-check="${check}"]`)).toHaveAttribute('data-status', check === 'signature' ? 'unknown' : 'pass');
  }
  await expect(page.getByTestId('custom-key-warning')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('summary.png'), fullPage: true });

  // Apply, confirm, and see the server's own confirmation.
  await page.getByTestId('apply-button').click();
  await expect(page.getByRole('dialog')).toContainText('ACME-2027-001');
  await expect(page.getByRole('dialog')).toContainText('Plant 7');
  await page.getByRole('button', { name: 'Yes, install now' }).click();
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'active', { timeout: 15_000 });
  await expect(result.getByTestId('after-state')).toContainText('ACME-2027-001');
  await expect(page.getByTestId('status')).toContainText('confirms license');
  await page.screenshot({ path: testInfo.outputPath('active.png'), fullPage: true });
  expect(s.requests.filter((r) => r.path === '/api/v1/licenses.add')).toHaveLength(1);
  expect(s.state.active?.decoded.v3.information.id).toBe('ACME-2027-001');

  // Receipt, then history.
  await result.getByRole('button', { name: 'Save receipt (HTML)' }).click();
  await expect(page.getByTestId('status')).toContainText('Receipt saved');
  const receipts = readdirSync(join(app.dataDir, 'receipts'));
  expect(receipts).toHaveLength(1);
  expect(readFileSync(join(app.dataDir, 'receipts', receipts[0]), 'utf8')).toContain('data-status="active">Active <span class="small">(active; active)');
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('history')).toContainText('Plant 7');
  await expect(page.getByTestId('history')).toContainText('Active');

  // The token is in the keychain and in no file.
  const token = [...s.state.tokens.keys()][0];
  const files = allFileText(app.dataDir);
  expect(files).not.toContain(token);
  if (hasKeychain) {
    const stored = await app.keychain.get(`${s.url}|totp-id-0003`);
    expect(JSON.parse(stored!).token).toBe(token);
  } else console.log('keychain: no gnome-keyring session; the keychain half of this assertion was not checked');
  expect(app.consoleErrors).toEqual([]);

  tls.connect = originals.tls;
  net.connect = originals.net;
  const pageOrigin = new URL(page.url()).origin;
  expect(pageRequests.filter((u) => new URL(u).origin !== pageOrigin)).toEqual([]);
  expect(connections.length).toBeGreaterThan(0);
  expect(connections.filter((c) => !(c.host === '127.0.0.1' && c.port === s.port))).toEqual([]);
});
