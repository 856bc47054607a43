import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import WorkspacePanel from './WorkspacePanel.svelte';
import { app, workspaces } from '../lib/app-state.svelte';
import { connection, err, fakeApi, ok, readOnly, workspace } from '../test-fixtures';

beforeEach(() => app.reset());
afterEach(() => cleanup());
/** One saved workspace, selected and connected. */
function selectConnected(): void {
  workspaces.workspaces = [workspace()];
  workspaces.selectedId = 'w1';
  workspaces.connection = connection();
}

const cert = { fingerprint256: 'ab'.repeat(32), subject: 'CN=chat', issuer: 'CN=chat', validFrom: '2026-01-01T00:00:00Z', validTo: '2027-01-01T00:00:00Z', selfSigned: true };

describe('WorkspacePanel', () => {
  it('adds a workspace through the trust prompt, pinning the shown fingerprint', async () => {
    let calls = 0;
    const api = fakeApi({
      'workspace.add': () => (calls++ === 0 ? err('TLS_UNTRUSTED', "The workspace's certificate is not trusted by this laptop.", { detail: 'self-signed', data: cert }) : ok(connection())),
    });
    render(WorkspacePanel);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Workspace address'), 'chat.acme.lan');
    await u.click(screen.getByRole('button', { name: 'Check and add' }));
    await screen.findByRole('button', { name: 'Trust this certificate' });
    // One decision on screen: the trust prompt's own Cancel, not the form's as well.
    expect(screen.getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Check and add' })).toBeNull();
    await u.click(screen.getByRole('button', { name: 'Trust this certificate' }));
    expect(api['workspace.add']).toHaveBeenLastCalledWith({ url: 'chat.acme.lan', name: undefined, pinnedSha256: 'ab'.repeat(32) });
    expect(await screen.findByTestId('workspace-url')).toHaveTextContent('chat.acme.lan');
  });

  it('shows the Site URL and its SHA-256 with copy buttons, and the active license', async () => {
    const api = fakeApi();
    selectConnected();
    render(WorkspacePanel);
    await userEvent.click(screen.getByRole('button', { name: 'Copy the SHA-256 of the Site URL' }));
    expect(api['clipboard.write']).toHaveBeenCalledWith({ text: 'ab'.repeat(32) });
    expect(screen.getByTestId('active-license')).toHaveTextContent("Active OLD-1, until 2027-01-01 (35 days left by the server's clock). Active users (seats): 12 of 50 Marked offline");
    expect(screen.getByTestId('restriction')).toHaveTextContent('No read-only countdown users can send messages.');
    expect(screen.queryByTestId('clock')).toBeNull();
  });

  it.each([
    ['read-only', 'bad', 'Read-only now users can read rooms but cannot send, edit or upload.'],
    ['warning', 'warn', 'Read-only in 4 days then users can read rooms'],
  ] as const)('the read-only mode %s: in words, with the colour only repeating them', (phase, tone, words) => {
    fakeApi();
    workspaces.workspaces = [workspace()];
    workspaces.selectedId = 'w1';
    workspaces.connection = connection(readOnly(phase));
    render(WorkspacePanel);
    const row = screen.getByTestId('restriction');
    expect(row).toHaveTextContent(words);
    expect(row.querySelector('.badge')).toHaveClass(tone);
  });

  it('before signing in: the read-only mode still shows, with what signing in would add; before 7.0 there is no row', () => {
    fakeApi();
    workspaces.workspaces = [workspace({ signedInAs: null })];
    workspaces.selectedId = 'w1';
    workspaces.connection = connection({ ...readOnly('read-only'), workspace: workspace({ signedInAs: null }) });
    const view = render(WorkspacePanel);
    expect(screen.getByTestId('restriction')).toHaveTextContent('Read without signing in; signing in also shows the license, its limits and their use.');
    view.unmount();
    const before7 = connection();
    workspaces.connection = { ...before7, restriction: { ...before7.restriction, phase: 'not-applicable', remainingDays: null }, said: { ...before7.said, restriction: null } };
    render(WorkspacePanel);
    expect(screen.queryByTestId('restriction')).toBeNull();
  });

  it("a server clock that differs says so beside the badge", () => {
    fakeApi();
    workspaces.workspaces = [workspace()];
    workspaces.selectedId = 'w1';
    const c = connection();
    workspaces.connection = { ...c, said: { ...c.said, skew: "The server's clock is 3 h 0 min behind this laptop's; the server's clock is the one that counts." } };
    render(WorkspacePanel);
    expect(screen.getByTestId('clock')).toHaveTextContent("Differs The server's clock is 3 h 0 min behind");
  });

  it('marks what it shows as stale, with when it was read, while the workspace does not answer', () => {
    fakeApi();
    selectConnected();
    workspaces.connectedAt = '2026-11-27T09:00:00.000Z';
    workspaces.connectError = { code: 'NETWORK_UNREACHABLE', message: 'The workspace could not be reached.' };
    render(WorkspacePanel);
    expect(screen.getByTestId('stale')).toHaveTextContent(/Not answering now\. What follows was read at 2026-11-27 \d\d:00 [+-]\d\d:\d\d and may be out of date/);
  });

  it('an expired session says "signed out" with the sign-in form, not "not answering"', () => {
    fakeApi();
    workspaces.workspaces = [workspace({ signedInAs: null })];
    workspaces.selectedId = 'w1';
    workspaces.connection = connection();
    workspaces.connectError = { code: 'AUTH_REQUIRED', message: 'You are not signed in to this workspace, or your session has ended.', detail: 'Plant 7 no longer accepts the saved sign-in (it expired or was revoked). Sign in again; the loaded license is kept.' };
    render(WorkspacePanel);
    expect(screen.getByTestId('signed-out')).toHaveTextContent('Signed out. Plant 7 no longer accepts the saved sign-in (it expired or was revoked).');
    expect(screen.queryByTestId('stale')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByLabelText('User name or e-mail')).toBeInTheDocument();
  });

  it('Rename puts the focus in the field with the name selected; Escape cancels and gives the focus back', async () => {
    const api = fakeApi();
    selectConnected();
    render(WorkspacePanel);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByLabelText('New name') as HTMLInputElement;
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'Plant 7'.length]);
    await u.keyboard('Other{Escape}');
    expect(screen.queryByLabelText('New name')).toBeNull();
    expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus();
    expect(api['workspace.update']).not.toHaveBeenCalled();
  });

  it('warns when the signed-in user is not an administrator', () => {
    fakeApi();
    workspaces.workspaces = [workspace({ signedInAs: { userId: 'u2', username: 'jo', kind: 'login', isAdmin: false, storage: 'keychain' } })];
    workspaces.selectedId = 'w1';
    workspaces.connection = connection();
    render(WorkspacePanel);
    expect(screen.getByText(/jo is not an administrator/)).toBeInTheDocument();
  });

  it('shows a connection error with a retry, keeping the workspace selected', async () => {
    const api = fakeApi({ 'workspace.connect': () => err('NOT_ROCKETCHAT', 'The address answered, but not as a Rocket.Chat server.', { detail: '502 Bad Gateway from nginx' }) });
    workspaces.workspaces = [workspace()];
    workspaces.selectedId = 'w1';
    workspaces.connectError = { code: 'NOT_ROCKETCHAT', message: 'The address answered, but not as a Rocket.Chat server.', detail: '502 Bad Gateway from nginx' };
    render(WorkspacePanel);
    expect(screen.getByRole('alert')).toHaveTextContent('502 Bad Gateway from nginx');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(api['workspace.connect']).toHaveBeenCalledWith({ workspaceId: 'w1' });
  });
});
