import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { app, status, workspaces } from './lib/app-state.svelte';
import { connection, err, fakeApi, ok, readOnly, workspace } from './test-fixtures';

beforeEach(() => {
  app.reset();
  performance.clearMarks();
});
afterEach(() => cleanup());

describe('the status bar', () => {
  it('shows one message with the local time it was said; a failed add replaces the older line instead of sitting above it', async () => {
    fakeApi({
      'workspace.add': () => err('CONNECTION_REFUSED', 'Nothing answered at https://10.0.0.5:3000.', { detail: 'Connection refused.' }),
    });
    render(App);
    const bar = screen.getByTestId('status');
    const time = within(bar).getByText(/^\d{2}:\d{2}:\d{2}$/); // one 24-hour format, as everywhere
    expect(time.tagName).toBe('TIME');
    expect(new Date(time.getAttribute('datetime')!).getTime()).toBe(status.announcedAt.getTime());

    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('Workspace address'), 'https://10.0.0.5:3000');
    await u.click(screen.getByRole('button', { name: 'Check and add' }));
    await screen.findByRole('alert');
    const text = within(bar).getByTestId('status-text');
    expect(text).toHaveTextContent(/^Nothing answered at https:\/\/10\.0\.0\.5:3000\. Connection refused\.$/);
    expect(bar.textContent).not.toContain('Ready.');
    expect(text).toHaveAttribute('aria-live', 'polite');
  });
});

describe('a workspace in read-only mode', () => {
  it('says so above both panels and puts the license step first; once lifted, the workspace comes first again', async () => {
    const ws = workspace();
    let phase: 'read-only' | 'none' = 'read-only';
    fakeApi({
      'workspace.list': () => ok({ workspaces: [ws], warnings: [] }),
      'workspace.connect': () => ok(phase === 'read-only' ? connection(readOnly('read-only')) : connection()),
    });
    render(App);
    const banner = await screen.findByTestId('read-only-banner');
    expect(banner).toHaveTextContent('Plant 7 is read-only now: users can read rooms but cannot send, edit or upload. Any valid license lifts it at once.');
    const headings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings()).toEqual(['License', 'Workspace']);
    phase = 'none';
    await workspaces.connect();
    await vi.waitFor(() => expect(screen.queryByTestId('read-only-banner')).toBeNull());
    expect(headings()).toEqual(['Workspace', 'License']);
  });
});

describe('History', () => {
  it('is read after start-up, so it opens with its rows at once while it reads them again', async () => {
    const jobs = [{ jobId: 'j1', outcome: 'active', status: 'active', headline: 'ok', startedAt: '2026-11-26T12:00:00Z', workspace: 'Plant 7', licenseId: 'ACME-1', sha256: 'a'.repeat(64), username: 'tech', hasBackup: false, restoreOf: null }];
    let calls = 0;
    const api = fakeApi({ 'history.list': () => (++calls === 1 ? ok({ jobs, warnings: [] }) : new Promise(() => undefined)) });
    render(App);
    // Read once without the technician asking; the bench waits for the same mark.
    await vi.waitFor(() => expect(api['history.list']).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(performance.getEntriesByName('history-ready')).toHaveLength(1));
    await userEvent.setup().click(screen.getByRole('button', { name: 'History' }));
    // The second read never answers here: the row comes from the first.
    expect(within(screen.getByTestId('history')).getByText('ACME-1')).toBeInTheDocument();
    expect(api['history.list']).toHaveBeenCalledTimes(2);
  });
});
