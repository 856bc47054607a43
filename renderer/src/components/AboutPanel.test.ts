import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, fireEvent } from '@testing-library/svelte';
import AboutPanel from './AboutPanel.svelte';

function fakeApi(keychain: unknown) {
  const api = {
    'app.info': vi.fn(async () => ({
      ok: true,
      value: { name: 'Offline License Installer for Rocket.Chat', version: '9.9.9', electron: '45.5.0', chromium: '140.0', node: '22.1.0', platform: 'linux', arch: 'x64', osRelease: '6.1', shell: 'electron' },
    })),
    'keychain.status': vi.fn(async () => keychain),
    on: () => () => undefined,
  };
  (window as unknown as { installer: unknown }).installer = api;
  return api;
}
afterEach(() => {
  cleanup();
  delete (window as unknown as { installer?: unknown }).installer;
});

describe('AboutPanel', () => {
  it('shows versions and an available keychain', async () => {
    fakeApi({ ok: true, value: { available: true, backend: 'Secret Service', checkedInMs: 3 } });
    render(AboutPanel);
    expect(await screen.findByText('9.9.9')).toBeInTheDocument();
    expect(screen.getByText(/Electron 45.5.0, Chromium 140.0/)).toBeInTheDocument();
    expect(await screen.findByText('Available')).toBeInTheDocument();
  });

  it('shows why the keychain is unavailable and offers a re-check', async () => {
    const api = fakeApi({ ok: true, value: { available: false, backend: 'Secret Service', reason: 'No keychain service is running.', checkedInMs: 9 } });
    render(AboutPanel);
    expect(await screen.findByText('No keychain service is running.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Check keychain again' }));
    expect(api['keychain.status']).toHaveBeenCalledTimes(2);
  });

  it('shows an error value as an alert', async () => {
    fakeApi({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the app.' } });
    render(AboutPanel);
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong inside the app.');
  });
});
