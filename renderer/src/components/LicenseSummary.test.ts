import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import LicenseSummary from './LicenseSummary.svelte';
import { inspection } from '../test-fixtures';

afterEach(() => cleanup());

describe('LicenseSummary', () => {
  it('shows customer, validity by the server clock, limits beside usage, and the changes against the active license', () => {
    render(LicenseSummary, { inspection: inspection(), sourceName: 'acme.lic' });
    expect(screen.getByRole('heading', { name: 'ACME Corp' })).toBeInTheDocument();
    expect(screen.getByTestId('validity')).toHaveTextContent("2026-11-01 → 2027-11-26 364 days left by the server's clock");
    expect(screen.getByRole('row', { name: /Active users \(seats\) 100 12/ })).toBeInTheDocument();
    const changes = screen.getByTestId('changes');
    expect(changes).toHaveTextContent('Seats 50 → 100');
    expect(changes).toHaveTextContent('Modules added Omnichannel (Enterprise)');
    expect(changes).toHaveTextContent('Modules removed Federation');
    // Modules by the names people know; the id stays as the tooltip.
    const item = screen.getByTitle('livechat-enterprise');
    expect(item).toHaveTextContent('Omnichannel (Enterprise)');
    expect(changes).toHaveTextContent('Expiry 2027-01-01 → 2027-11-26 (longer)');
  });

  it('says what the license does to a read-only workspace: lifts it, or would not when a check fails', () => {
    const reading = { phase: 'read-only' as const, remainingDays: 0, source: 'settings.public' as const, at: '' };
    const view = render(LicenseSummary, { inspection: inspection({ restriction: { reading, effect: 'This workspace is read-only now; this license lifts it.' } }), sourceName: null });
    expect(screen.getByTestId('restriction-effect')).toHaveTextContent('this license lifts it');
    expect(screen.getByTestId('restriction-effect')).toHaveClass('info');
    view.unmount();
    const failing = inspection({ restriction: { reading, effect: 'This workspace is read-only now, and this license would not lift it.' }, checks: [{ name: 'url', status: 'fail', message: 'Other URL.' }] });
    render(LicenseSummary, { inspection: failing, sourceName: null });
    expect(screen.getByTestId('restriction-effect')).toHaveClass('bad');
    cleanup();
    render(LicenseSummary, { inspection: inspection(), sourceName: null });
    expect(screen.queryByTestId('restriction-effect')).toBeNull();
  });

  it('marks a URL that does not match, and shows the failing check with its fix', () => {
    const failing = inspection({
      summary: { serverUrls: [{ value: 'other.lan', type: 'url' }] },
      checks: [
        { name: 'signature', status: 'pass', message: 'Genuine.' },
        { name: 'url', status: 'fail', message: "This license is for other.lan; this workspace's Site URL is chat.acme.lan. Ask for a license for chat.acme.lan, or change the Site URL setting.", items: [{ label: 'other.lan', status: 'fail', detail: 'does not match' }] },
      ],
    });
    render(LicenseSummary, { inspection: failing, sourceName: null });
    expect(within(screen.getByTestId('bound-urls')).getByText('does not match')).toBeInTheDocument();
    const url = screen.getByTestId('checks').querySelector('[data-check="url"]')!;
    expect(url).toHaveAttribute('data-status', 'fail');
    expect(url).toHaveTextContent('Ask for a license for chat.acme.lan');
  });

  it('badges a trial and warns about a non-Rocket.Chat key', () => {
    render(LicenseSummary, { inspection: inspection({ summary: { trial: true, verifiedWith: { key: 'custom', fingerprint: '12'.repeat(32) } } }), sourceName: null });
    expect(screen.getByTestId('trial-badge')).toHaveTextContent('Trial');
    expect(screen.getByTestId('custom-key-warning')).toHaveTextContent("not Rocket.Chat's");
  });

  it('shows an expired license by the server clock', () => {
    const i = inspection({ summary: { validUntil: '2026-10-01T00:00:00.000Z' } });
    render(LicenseSummary, { inspection: i, sourceName: null });
    expect(screen.getByTestId('validity')).toHaveTextContent('expired 56 days ago');
  });
});
