import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import HistoryView from './HistoryView.svelte';
import { app } from '../lib/app-state.svelte';
import { fakeApi, ok, result } from '../test-fixtures';

beforeEach(() => app.reset());
afterEach(() => cleanup());

describe('HistoryView', () => {
  it('lists jobs newest first and opens one', async () => {
    const jobs = [
      { jobId: 'j2', outcome: 'active', status: 'active', headline: 'ok', startedAt: '2026-11-26T12:00:00Z', workspace: 'Plant 7', licenseId: 'ACME-2', sha256: 'a'.repeat(64), username: 'tech', restriction: 'read-only → lifted' },
      { jobId: 'j1', outcome: 'rejected', status: 'rejected', headline: 'no', startedAt: '2026-11-25T12:00:00Z', workspace: 'Plant 7', licenseId: 'ACME-1', sha256: 'b'.repeat(64), username: 'tech' },
    ];
    const api = fakeApi({ 'history.list': () => ok({ jobs, warnings: ['The last job log entry (line 3) is incomplete'] }), 'history.get': () => ok(result('active')) });
    render(HistoryView);
    const rows = await screen.findAllByRole('row');
    expect(rows[1]).toHaveTextContent('ACME-2');
    expect(rows[1]).toHaveTextContent('Read-only mode: read-only → lifted');
    expect(rows[2]).toHaveTextContent('Rejected');
    expect(rows[2]).not.toHaveTextContent('Read-only mode');
    expect(rows[2]).not.toHaveTextContent(/\brejected\b/);
    expect(screen.getByText(/line 3\) is incomplete/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open the receipt of j2' }));
    expect(api['history.get']).toHaveBeenCalledWith({ jobId: 'j2' });
    expect(await screen.findByTestId('history-detail')).toHaveTextContent('chat.acme.lan confirms license ACME-2027-001: it is in force now.');
  });

  it('shows outcomes in words, times in local time with the offset, and filters by workspace and outcome', async () => {
    const jobs = [
      { jobId: 'j3', outcome: 'already-active', status: 'active', headline: '', startedAt: '2026-11-26T12:00:00Z', workspace: 'Plant 7', licenseId: 'A', sha256: 'a'.repeat(64), username: 'tech', hasBackup: false, restoreOf: null },
      { jobId: 'j2', outcome: 'rejected', status: 'rejected', headline: '', startedAt: '2026-11-25T12:00:00Z', workspace: 'Plant 9', licenseId: 'B', sha256: 'b'.repeat(64), username: 'tech', hasBackup: true, restoreOf: null },
    ];
    fakeApi({ 'history.list': () => ok({ jobs, warnings: [] }) });
    render(HistoryView);
    const rows = await screen.findAllByRole('row');
    expect(rows[1]).toHaveTextContent('Active');
    expect(rows[1]).toHaveTextContent(/2026-11-26 \d\d:00 [+-]\d\d:\d\d/);
    await userEvent.selectOptions(screen.getByTestId('filter-workspace'), 'Plant 9');
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('B');
    await userEvent.selectOptions(screen.getByTestId('filter-workspace'), '');
    await userEvent.selectOptions(screen.getByTestId('filter-outcome'), 'active');
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('A');
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('draws a thousand jobs a hundred at a time, newest first, and shows more on request', async () => {
    const jobs = Array.from({ length: 1000 }, (_, i) => ({
      jobId: `j${i}`,
      outcome: i % 2 ? 'rejected' : 'active',
      status: i % 2 ? 'rejected' : 'active',
      headline: '',
      startedAt: new Date(Date.UTC(2026, 10, 27) - i * 60_000).toISOString(),
      workspace: 'Plant 7',
      licenseId: `L-${i}`,
      sha256: 'a'.repeat(64),
      username: 'tech',
      hasBackup: false,
      restoreOf: null,
    }));
    fakeApi({ 'history.list': () => ok({ jobs, warnings: [] }) });
    render(HistoryView);
    await screen.findByText('L-0');
    expect(screen.getAllByRole('row')).toHaveLength(101);
    expect(screen.getByTestId('history-more')).toHaveTextContent('Showing the newest 100 of 1000.');
    await userEvent.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(screen.getAllByRole('row')).toHaveLength(201);
    expect(screen.getAllByRole('row')[200]).toHaveTextContent('L-199');
    await userEvent.selectOptions(screen.getByTestId('filter-outcome'), 'rejected'); // a new filter starts at the first page
    expect(screen.getAllByRole('row')).toHaveLength(101);
    expect(screen.getByTestId('history-more')).toHaveTextContent('of 500');
  });

  it('says when there is nothing yet', async () => {
    fakeApi();
    render(HistoryView);
    expect(await screen.findByText('No installations yet.')).toBeInTheDocument();
  });
});
