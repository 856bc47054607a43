import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SignIn from './SignIn.svelte';
import { app, status, workspaces } from '../lib/app-state.svelte';
import { connection, err, fakeApi, ok } from '../test-fixtures';

beforeEach(() => {
  app.reset();
  workspaces.selectedId = 'w1';
});
afterEach(() => cleanup());

describe('SignIn', () => {
  it('asks for a code only after the server says one is required, then signs in — by keyboard alone', async () => {
    const user = { userId: 'u1', username: 'tech', name: null, roles: ['admin'], isAdmin: true };
    const api = fakeApi({
      'auth.login': (input) => ((input as { code?: string }).code ? ok(user) : err('AUTH_2FA_REQUIRED', 'This account needs a two-factor code.', { data: { method: 'totp' } })),
      'workspace.connect': () => ok(connection()),
    });
    render(SignIn);
    const u = userEvent.setup();
    expect(screen.queryByLabelText('Code from the authenticator app')).toBeNull();
    await u.tab(); // Password tab
    await u.tab(); // Token tab
    await u.tab();
    expect(screen.getByLabelText('User name or e-mail')).toHaveFocus();
    await u.keyboard('tech');
    await u.tab();
    await u.keyboard('tech-pass{Enter}');
    const code = await screen.findByLabelText('Code from the authenticator app');
    await expect.poll(() => document.activeElement).toBe(code);
    await u.keyboard('123456{Enter}');
    expect(api['auth.login']).toHaveBeenLastCalledWith({ workspaceId: 'w1', user: 'tech', password: 'tech-pass', code: '123456', sessionOnly: false });
  });

  it('warns that an e-mailed code cannot arrive without a mail server', async () => {
    fakeApi({ 'auth.login': () => err('AUTH_2FA_REQUIRED', 'This account needs a two-factor code.', { data: { method: 'email' } }) });
    render(SignIn);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('User name or e-mail'), 'mailer');
    await u.type(screen.getByLabelText('Password'), 'x{Enter}');
    expect(await screen.findByLabelText('Code from the e-mail')).toBeInTheDocument();
    expect(screen.getByText(/air-gapped site without a mail server/)).toBeInTheDocument();
  });

  it('shows a wrong password as an error, keeping what was typed in the user field', async () => {
    fakeApi({ 'auth.login': () => err('AUTH_INVALID', 'The user name or password is wrong.', { fix: 'Check them and sign in again.' }) });
    render(SignIn);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('User name or e-mail'), 'tech');
    await u.type(screen.getByLabelText('Password'), 'nope{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The user name or password is wrong.');
    expect(screen.getByLabelText('User name or e-mail')).toHaveValue('tech');
  });

  it('makes a failed sign-in the status line\'s newest message, not the older "Connected to …" under it (window issue, finding 8)', async () => {
    fakeApi({ 'auth.login': () => err('AUTH_INVALID', 'The user name or password is wrong.') });
    status.announce('Connected to Lab: Rocket.Chat 8.8.');
    const before = status.announcedAt.getTime();
    render(SignIn);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('User name or e-mail'), 'tech');
    await u.type(screen.getByLabelText('Password'), 'nope{Enter}');
    await screen.findByRole('alert');
    expect(status.announcement).toBe('The user name or password is wrong.');
    expect(status.announcedAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('offers "this session only" when the keychain is unavailable, and sends it', async () => {
    const api = fakeApi({ 'auth.login': () => err('KEYCHAIN_UNAVAILABLE', "The system keychain can't be used right now.") });
    workspaces.keychain = { available: false, backend: 'Secret Service', reason: 'No keychain service is running.', checkedInMs: 3 };
    render(SignIn);
    const u = userEvent.setup();
    expect(screen.getByText('No keychain service is running.')).toBeInTheDocument();
    await u.click(screen.getByLabelText(/this session only/));
    await u.type(screen.getByLabelText('User name or e-mail'), 'admin');
    await u.type(screen.getByLabelText('Password'), 'p{Enter}');
    expect(api['auth.login']).toHaveBeenCalledWith(expect.objectContaining({ sessionOnly: true }));
  });

  it('signs in with a personal access token', async () => {
    const api = fakeApi({ 'auth.token': () => ok({ userId: 'u1', username: 'admin', name: null, roles: ['admin'], isAdmin: true }) });
    render(SignIn);
    const u = userEvent.setup();
    await u.click(screen.getByRole('tab', { name: 'Personal access token' }));
    expect(screen.getByText(/My Account → Personal Access Tokens/)).toBeInTheDocument();
    await u.type(screen.getByLabelText('User id'), 'u1');
    await u.type(screen.getByLabelText('Token'), 'tok{Enter}');
    expect(api['auth.token']).toHaveBeenCalledWith({ workspaceId: 'w1', userId: 'u1', token: 'tok', sessionOnly: false });
  });

  it('the password can be shown to check it before signing in', async () => {
    fakeApi();
    render(SignIn);
    const password = screen.getByLabelText('Password') as HTMLInputElement;
    expect(password.type).toBe('password');
    await userEvent.click(screen.getByLabelText('Show password'));
    expect(password.type).toBe('text');
  });
});
