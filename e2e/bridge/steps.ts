// The technician's moves, shared by the journeys.
import { expect, type Page } from '@playwright/test';
import { dropFile } from './fixtures';

export async function addWorkspace(page: Page, url: string, name?: string): Promise<void> {
  if (await page.getByRole('button', { name: 'Add…' }).isVisible()) await page.getByRole('button', { name: 'Add…' }).click();
  await page.getByLabel('Workspace address').fill(url);
  if (name) await page.getByLabel('Name (optional)').fill(name);
  await page.getByRole('button', { name: 'Check and add' }).click();
}

export async function signIn(page: Page, user: string, password: string, code?: () => string): Promise<void> {
  await page.getByLabel('User name or e-mail').fill(user);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (code) {
    await page.getByLabel('Code from the authenticator app').fill(code());
    await page.getByRole('button', { name: 'Verify code' }).click();
  }
  await expect(page.getByTestId('signed-in')).toContainText(user);
  // The read that follows a sign-in is done too: a step taken during it (a refresh, a revoked
  // token) would race it, and whichever answer came last would stand.
  await expect(page.getByText(/^Connecting to /)).toHaveCount(0);
}

export async function dropLicense(page: Page, license: string, name = 'license.txt'): Promise<void> {
  await dropFile(page, '[data-testid="dropzone"]', name, license);
  await expect(page.getByTestId('license-summary')).toBeVisible();
}

export async function apply(page: Page): Promise<void> {
  await page.getByTestId('apply-button').click();
  await page.getByRole('button', { name: 'Yes, install now' }).click();
}

export async function outcome(page: Page, expected: string): Promise<void> {
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', expected, { timeout: 20_000 });
}

/** The window opened on a workspace, signed in as its admin: where most journeys start. */
export async function signedInTo(page: Page, app: { open(): Promise<unknown> }, url: string, name?: string): Promise<void> {
  await app.open();
  await addWorkspace(page, url, name);
  await signIn(page, 'admin', 'admin-pass');
}

/** The workspace part of a simulator's address, as a license names it. */
export const hostOf = (s: { url: string }) => s.url.replace(/^https?:\/\//, '');
