import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ApplyPanel from './ApplyPanel.svelte';
import ApplyResult from './ApplyResult.svelte';
import LicensePanel from './LicensePanel.svelte';
import { app, install, license, workspaces } from '../lib/app-state.svelte';
import { connection, fakeApi, inspection, ok, result, workspace } from '../test-fixtures';

const failingUrl = inspection({
  checks: [
    { name: 'signature', status: 'pass', message: 'Genuine.' },
    { name: 'url', status: 'fail', message: 'This license is for other.lan.' },
  ],
});

beforeEach(() => {
  app.reset();
  workspaces.workspaces = [workspace()];
  workspaces.selectedId = 'w1';
  workspaces.connection = connection();
});
afterEach(() => cleanup());

describe('ApplyPanel', () => {
  it('names the target workspace, confirms with the workspace and license id, then installs', async () => {
    const api = fakeApi({ 'license.install': () => ok(result('active')), 'workspace.list': () => ok({ workspaces: [workspace()], warnings: [] }) });
    license.inspection = inspection();
    render(LicensePanel);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Apply to Plant 7' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Install license ACME-2027-001 on Plant 7 (chat.acme.lan)?');
    await u.click(screen.getByRole('button', { name: 'Yes, install now' }));
    expect(api['license.install']).toHaveBeenCalledWith({ workspaceId: 'w1', sha256: 'cd'.repeat(32), force: false });
    expect(await screen.findByTestId('result')).toHaveAttribute('data-outcome', 'active');
  });

  it('is disabled while a check fails; "apply anyway" needs the box ticked and a second confirmation', async () => {
    const api = fakeApi({ 'license.install': () => ok(result('rejected', { forced: true })) });
    license.inspection = failingUrl;
    render(ApplyPanel);
    const u = userEvent.setup();
    const apply = screen.getByRole('button', { name: 'Apply to Plant 7' });
    expect(apply).toBeDisabled();
    await u.click(screen.getByText('Apply anyway…'));
    expect(apply).toBeDisabled();
    await u.click(screen.getByLabelText(/send it despite the failed checks/));
    expect(apply).toBeEnabled();
    await u.click(apply);
    expect(screen.getByRole('dialog')).toHaveTextContent('1 check failed: the server will most likely reject it.');
    await u.click(screen.getByRole('button', { name: 'Yes, install now' }));
    expect(api['license.install']).toHaveBeenCalledWith(expect.objectContaining({ force: true }));
  });

  it('says in the confirmation which active license a rejection would take with it', async () => {
    fakeApi();
    const warning = 'Replaces ACME-2026-001 (120 seats, until 2026-12-31), which is active now. If the server rejects the new license, nothing stays active: ACME-2026-001 stops at once.';
    license.inspection = inspection({ replaces: { current: 'ACME-2026-001 (120 seats, until 2026-12-31)', lostWhen: 'now', warning, afterRejection: '' } });
    render(ApplyPanel);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply to Plant 7' }));
    expect(screen.getByTestId('confirm-replaces')).toHaveTextContent(warning);
  });

  it('says in the confirmation what the license does to a read-only workspace, and in the result that it lifted it', async () => {
    const lifted = result('active', {
      restriction: {
        before: { phase: 'read-only', remainingDays: 0, source: 'settings.public', at: '' },
        after: { phase: 'none', remainingDays: -1, source: 'settings.public', at: '' },
        change: "read-only → lifted: users can send messages again (the server's own setting says so).",
        shift: 'read-only → lifted',
      },
    });
    fakeApi({ 'license.install': () => ok(lifted), 'workspace.list': () => ok({ workspaces: [workspace()], warnings: [] }) });
    const effect = 'This workspace is read-only now (users cannot send, edit or upload); this license lifts it as soon as the server accepts it.';
    license.inspection = inspection({ restriction: { reading: { phase: 'read-only', remainingDays: 0, source: 'settings.public', at: '' }, effect } });
    render(LicensePanel);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Apply to Plant 7' }));
    expect(screen.getByTestId('confirm-restriction')).toHaveTextContent(effect);
    await u.click(screen.getByRole('button', { name: 'Yes, install now' }));
    const change = await screen.findByTestId('restriction-change');
    expect(change).toHaveTextContent("Lifted read-only → lifted: users can send messages again (the server's own setting says so).");
    expect(change.querySelector('.badge')).toHaveClass('ok');
  });

  it('Not sent, with the same license loaded: "Check again" reads it again and Apply comes back', async () => {
    const api = fakeApi({ 'license.inspect': () => ok(inspection()) });
    license.inspection = inspection();
    (license as unknown as { lastSource: unknown }).lastSource = { kind: 'text', text: 'RCV3_x' };
    install.result = result('blocked', { license: { ...result('blocked').license, sha256: inspection().summary.sha256 } });
    render(LicensePanel);
    // The job panel is its own chunk, loaded as the panel mounts.
    await userEvent.click(await screen.findByTestId('check-again'));
    expect(api['license.inspect']).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Apply to Plant 7' })).toBeInTheDocument();
  });

  it('"Install another license" clears the panel and puts the focus on choosing the file', async () => {
    fakeApi();
    license.inspection = inspection();
    install.result = result('active');
    render(LicensePanel);
    await userEvent.click(await screen.findByRole('button', { name: 'Install another license' }));
    expect(screen.getAllByRole('button', { name: 'Choose file…' })[0]).toHaveFocus();
  });

  it('a restore that took clears the refused license from the panel; the job it undid says so and offers no second restore', async () => {
    fakeApi({ 'license.restore': () => ok(result('active', { restoreOf: '20261126-120000-abcd' })), 'workspace.list': () => ok({ workspaces: [workspace()], warnings: [] }) });
    license.inspection = inspection();
    const rejected = result('rejected', { backup: { status: 'kept', sha256: 'b'.repeat(64), licenseId: 'OLD-1', format: 'v3', activeBefore: null } });
    install.result = rejected;
    render(LicensePanel);
    await userEvent.click(await screen.findByTestId('restore-button'));
    expect(await screen.findByRole('heading', { name: 'Restored' })).toBeInTheDocument();
    expect(license.inspection).toBeNull();
    expect(screen.queryByTestId('license-summary')).toBeNull();
    cleanup();
    render(ApplyResult, { result: { ...rejected, restoredBy: '20261126-130000-ffff' }, restoreAlways: true });
    expect(screen.getByTestId('restored-by')).toHaveTextContent('Undone: job 20261126-130000-ffff put back the license this job replaced.');
    expect(screen.queryByTestId('restore-button')).toBeNull();
  });

  it('a result with nothing changed in the read-only mode has no such row', () => {
    render(ApplyResult, { result: result('active') });
    expect(screen.queryByTestId('restriction-change')).toBeNull();
  });

  it('says nothing about a replacement when no license is active', async () => {
    fakeApi();
    license.inspection = inspection();
    render(ApplyPanel);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply to Plant 7' }));
    expect(screen.queryByTestId('confirm-replaces')).toBeNull();
  });

  it('an already-rejected result is shown as not sent, with what to do', () => {
    fakeApi();
    render(ApplyResult, {
      result: result('already-rejected', {
        headline: 'chat.acme.lan already stores this exact license and did not activate it.',
        error: { code: 'LICENSE_ALREADY_REJECTED', message: 'x', fix: 'Fix what made it fail, then restart Rocket.Chat.' },
      }),
    });
    expect(screen.getByRole('heading', { name: 'Not sent' })).toBeInTheDocument();
    expect(screen.getByText('chat.acme.lan already stores this exact license and did not activate it.')).toBeInTheDocument();
    expect(screen.getByText(/then restart Rocket\.Chat/)).toBeInTheDocument();
  });

  it('the confirmation is a modal that shows what changes; Escape cancels and gives focus back to Apply', async () => {
    fakeApi();
    license.inspection = inspection({ summary: { limits: [{ kind: 'activeUsers', label: 'Active users (seats)', max: 50, behavior: 'invalidate_license', modules: [] }] } });
    license.inspection.active = { known: true, valid: true, id: 'ACME-2026-001', modules: ['auditing'], tags: [], seats: 500, seatsInUse: 12, validUntil: '2026-12-31T00:00:00.000Z', trial: false, source: 'licenses.info' };
    render(ApplyPanel);
    const u = userEvent.setup();
    const applyButton = screen.getByRole('button', { name: 'Apply to Plant 7' });
    await u.click(applyButton);
    const change = screen.getByTestId('confirm-change');
    expect(change).toHaveTextContent('Now ACME-2026-001, 500 seats, until 2026-12-31');
    expect(change).toHaveTextContent('After ACME-2027-001, 50 seats');
    expect(change).toHaveTextContent('Seats 500 → 50');
    expect(change).toHaveTextContent('Modules added Omnichannel (Enterprise)');
    const dialog = screen.getByTestId('confirm') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    await vi.waitFor(() => expect(screen.queryByTestId('confirm')).toBeNull());
    expect(document.activeElement).toBe(applyButton);
  });

  it('an outcome that is not known says so, and "Verify again" reads the server again', async () => {
    const verified = result('active');
    const api = fakeApi({ 'history.verify': () => ok(verified), 'history.list': () => ok({ jobs: [], warnings: [] }) });
    install.result = result('unconfirmed', { headline: 'Sent, but the outcome is unknown: the workspace stopped answering (The workspace could not be reached.).', after: null });
    render(ApplyResult, { result: install.result });
    expect(screen.getByTestId('after-state')).toHaveTextContent('unknown: nothing could be read');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Verify again' }));
    expect(api['history.verify']).toHaveBeenCalledWith({ jobId: '20261126-120000-abcd' });
    await vi.waitFor(() => expect(install.result?.outcome).toBe('active'));
  });

  it('cannot apply while the workspace is not answering, and says why', () => {
    fakeApi();
    license.inspection = inspection();
    workspaces.connectError = { code: 'NETWORK_UNREACHABLE', message: 'The workspace could not be reached.' };
    render(ApplyPanel);
    expect(screen.getByRole('button', { name: 'Apply to Plant 7' })).toBeDisabled();
    expect(screen.getByText(/The workspace is not answering/)).toBeInTheDocument();
  });

  it('cannot apply before signing in', () => {
    fakeApi();
    workspaces.workspaces = [workspace({ signedInAs: null })];
    license.inspection = inspection();
    render(ApplyPanel);
    expect(screen.getByRole('button', { name: 'Apply to Plant 7' })).toBeDisabled();
    expect(screen.getByText('Sign in to the workspace first.')).toBeInTheDocument();
  });

  it('shows live progress from the install.progress events', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const api = fakeApi({ 'license.install': () => new Promise((r) => (finish = r)), 'workspace.list': () => ok({ workspaces: [workspace()], warnings: [] }) });
    license.inspection = inspection();
    await app.start();
    render(LicensePanel);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Apply to Plant 7' }));
    await u.click(screen.getByRole('button', { name: 'Yes, install now' }));
    api.emit('install.progress', { jobId: 'j', step: { step: 'connect', status: 'done', message: 'Rocket.Chat 8.8.0' } });
    api.emit('install.progress', { jobId: 'j', step: { step: 'apply', status: 'running', message: 'Sending the license (licenses.add)' } });
    expect(await screen.findByText('Sending the license (licenses.add)')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toHaveAttribute('aria-busy', 'true');
    finish(ok(result('active')));
    expect(await screen.findByTestId('result')).toBeInTheDocument();
  });
});

describe('ApplyResult', () => {
  it.each([
    ['active', 'Active', 'ok'],
    ['rejected', 'Rejected', 'bad'],
    ['unconfirmed', 'Not confirmed', 'warn'],
    ['blocked', 'Not sent', 'warn'],
    ['not-active', 'Not confirmed', 'warn'],
    ['interrupted', 'Interrupted', 'warn'],
    ['already-rejected', 'Not sent', 'warn'],
  ] as const)('%s reads "%s" in large type', (outcome, title, tone) => {
    fakeApi();
    render(ApplyResult, { result: result(outcome) });
    const heading = screen.getByRole('heading', { name: title });
    expect(heading).toHaveFocus();
    expect(screen.getByTestId('result')).toHaveClass(tone);
  });

  it.each([
    ['yes', 'Rejected', 'bad'],
    ['unknown', 'Not confirmed', 'warn'],
    ['no', 'Not sent', 'warn'],
  ] as const)('a job that stopped on an error after the send was %s reads "%s"', (sent, title, tone) => {
    fakeApi();
    render(ApplyResult, { result: result('failed', { sent }) });
    expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.getByTestId('result')).toHaveClass(tone);
  });

  it('a restore that took reads "Restored"', () => {
    fakeApi();
    render(ApplyResult, { result: result('active', { restoreOf: '20261126-110000-aaaa' }) });
    expect(screen.getByRole('heading', { name: 'Restored' })).toBeInTheDocument();
  });

  it('gives the reasons and the before/after state, and saves receipts', async () => {
    const api = fakeApi({ 'receipt.save': () => ok({ path: '/tmp/r.pdf' }) });
    render(ApplyResult, { result: result('rejected') });
    expect(screen.getByText(/does not match this workspace's Site URL/)).toBeInTheDocument();
    expect(screen.getByText('no active license')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save receipt (PDF)' }));
    expect(api['receipt.save']).toHaveBeenCalledWith({ jobId: '20261126-120000-abcd', format: 'pdf' });
  });

  it('offers to restore a license that was working, not one the server had already rejected', () => {
    fakeApi();
    const kept = { status: 'kept' as const, sha256: 'c'.repeat(64), licenseId: 'OLD-1', format: 'v3' as const };
    render(ApplyResult, { result: result('rejected', { backup: { ...kept, activeBefore: { ...connection().license!, valid: true } } }) });
    expect(screen.getByTestId('restore-button')).toBeInTheDocument();
    cleanup();
    render(ApplyResult, { result: result('rejected', { backup: { ...kept, activeBefore: { ...connection().license!, valid: false } } }) });
    expect(screen.queryByTestId('restore-button')).toBeNull();
  });
});
