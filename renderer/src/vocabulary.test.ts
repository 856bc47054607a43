// The window says each ending in the same word as rc-license and the receipt (main/cli/vocabulary.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import ApplyResult from './components/ApplyResult.svelte';
import HistoryView from './components/HistoryView.svelte';
import CheckList from './components/CheckList.svelte';
import { everyEnding } from '../../e2e/support/job-fixture';
import { CHECK_NAME, STATUS_WORD, statusOf } from '../../main/core/vocabulary';
import { fakeApi, ok } from './test-fixtures';
import { app } from './lib/app-state.svelte';

afterEach(() => cleanup());

describe('the window uses the vocabulary', () => {
  it.each(everyEnding())('%s: the result heading', (_name, job) => {
    fakeApi();
    render(ApplyResult, { result: job });
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(STATUS_WORD[statusOf(job)]);
  });

  it('History badges and the check names', async () => {
    app.reset();
    const jobs = everyEnding().map(([, j]) => ({ jobId: j.jobId, outcome: j.outcome, status: statusOf(j), headline: '', startedAt: j.startedAt, workspace: 'Plant 7', licenseId: j.license.id, sha256: j.license.sha256, username: 'tech', hasBackup: false, restoreOf: j.restoreOf ?? null, restriction: null }));
    fakeApi({ 'history.list': () => ok({ jobs, warnings: [] }) });
    render(HistoryView);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((r) => r.querySelector('.badge')?.textContent)).toEqual(jobs.map((j) => STATUS_WORD[j.status]));
    // The column has the name rc-license history prints above it, and --json's key: status.
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Status');
    expect(screen.getByTestId('filter-outcome').closest('label')?.textContent).toMatch(/^Status/);
    cleanup();
    render(CheckList, { checks: (['signature', 'url', 'period', 'limits'] as const).map((name) => ({ name, status: 'pass' as const, message: 'm' })) });
    expect(screen.getAllByText(/\S/, { selector: '.title' }).map((t) => t.firstChild?.textContent?.trim())).toEqual(['signature', 'url', 'period', 'limits'].map((n) => CHECK_NAME[n as keyof typeof CHECK_NAME]));
  });
});
