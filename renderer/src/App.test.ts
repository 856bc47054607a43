import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { app } from './lib/app-state.svelte';
import { err, fakeApi } from './test-fixtures';

beforeEach(() => app.reset());
afterEach(() => cleanup());

describe('the status bar', () => {
  it('shows one message with the local time it was said; a failed add replaces the older line instead of sitting above it', async () => {
    fakeApi({
      'workspace.add': () => err('CONNECTION_REFUSED', 'Nothing answered at https://10.0.0.5:3000.', { detail: 'Connection refused.' }),
    });
    render(App);
    const bar = screen.getByTestId('status');
    const time = within(bar).getByText(/\d{1,2}:\d{2}:\d{2}/);
    expect(time.tagName).toBe('TIME');
    expect(new Date(time.getAttribute('datetime')!).getTime()).toBe(app.announcedAt.getTime());

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
