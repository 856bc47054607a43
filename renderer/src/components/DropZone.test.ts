import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LicensePanel from './LicensePanel.svelte';
import { app } from '../lib/app-state.svelte';
import { err, fakeApi, inspection, ok } from '../test-fixtures';

beforeEach(() => app.reset());
afterEach(() => cleanup());

describe('DropZone and the license panel', () => {
  it('reads a dropped file and shows the summary', async () => {
    const api = fakeApi({ 'license.inspect': () => ok(inspection()) });
    render(LicensePanel);
    const file = new File(['RCV3_a.b.c'], 'acme.lic');
    await fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [file], getData: () => '' } });
    expect(await screen.findByTestId('license-summary')).toHaveTextContent('ACME Corp');
    const call = api['license.inspect'].mock.calls[0][0] as { source: { kind: string; name: string; base64: string } };
    expect(call.source).toEqual({ kind: 'file', name: 'acme.lic', base64: btoa('RCV3_a.b.c'), size: 10 });
  });

  it('reads a file chosen with the button (the keyboard path)', async () => {
    fakeApi({ 'license.inspect': () => ok(inspection()) });
    render(LicensePanel);
    const u = userEvent.setup();
    await u.upload(screen.getByTestId('license-file-input'), new File(['x'], 'l.txt'));
    expect(await screen.findByTestId('license-summary')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose file…' })).toBeInTheDocument();
  });

  it("uses the desktop app's native file dialog where there is one", async () => {
    const api = fakeApi({
      'file.open': () => ok({ available: true, source: { kind: 'file', name: 'native.lic', base64: btoa('RCV3_a.b.c') } }),
      'license.inspect': () => ok(inspection()),
    });
    render(LicensePanel);
    await userEvent.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(await screen.findByTestId('license-summary')).toBeInTheDocument();
    expect(api['license.inspect']).toHaveBeenCalledWith({ source: { kind: 'file', name: 'native.lic', base64: btoa('RCV3_a.b.c') }, workspaceId: undefined });
  });

  it('reads pasted text, and shows a specific error without losing the paste', async () => {
    const api = fakeApi({ 'license.inspect': () => err('LICENSE_SIGNATURE', 'This license is damaged or was not signed by Rocket.Chat.', { detail: 'It is 506 bytes long instead of 512.' }) });
    render(LicensePanel);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Or paste the license text'), 'QUJD');
    await u.click(screen.getByRole('button', { name: 'Read pasted license' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('506 bytes long instead of 512');
    expect(screen.getByLabelText('Or paste the license text')).toHaveValue('QUJD');
    expect(api['license.inspect']).toHaveBeenCalledWith({ source: { kind: 'text', text: 'QUJD' }, workspaceId: undefined });
  });
});
