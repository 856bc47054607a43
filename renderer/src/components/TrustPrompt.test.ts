import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import TrustPrompt from './TrustPrompt.svelte';

afterEach(() => cleanup());
const fp = 'a1b2'.repeat(16);
const cert = { fingerprint256: fp, subject: 'CN=chat.acme.lan', issuer: 'CN=chat.acme.lan', validFrom: '2026-01-01T00:00:00Z', validTo: '2027-01-01T00:00:00Z', selfSigned: true };

describe('TrustPrompt', () => {
  it('shows the fingerprint grouped for reading aloud, and trusts it on request', async () => {
    const onTrust = vi.fn();
    render(TrustPrompt, { error: { code: 'TLS_UNTRUSTED', message: 'untrusted', detail: 'chat.acme.lan: the certificate is self-signed.', data: cert }, onTrust, onImportCa: vi.fn(), onCancel: vi.fn() });
    expect(screen.getByTestId('fingerprint')).toHaveTextContent('A1B2 A1B2 A1B2');
    expect(screen.getByText(/\(self-signed\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Trust this certificate' }));
    expect(onTrust).toHaveBeenCalledWith(fp);
  });

  it('refuses a changed certificate loudly until the administrator confirmed it', async () => {
    const onTrust = vi.fn();
    render(TrustPrompt, {
      error: { code: 'CERT_CHANGED', message: 'changed', detail: 'Trusted certificate SHA-256 x; the server now presents y.', data: { ...cert, expected: 'ff'.repeat(32), actual: fp } },
      onTrust,
      onImportCa: vi.fn(),
      onCancel: vi.fn(),
    });
    expect(screen.getByRole('heading')).toHaveTextContent('The certificate has changed');
    expect(screen.getByText(/Do not continue/)).toBeInTheDocument();
    const trust = screen.getByRole('button', { name: 'Trust the new certificate' });
    expect(trust).toBeDisabled();
    await userEvent.click(screen.getByLabelText(/administrator confirmed/));
    await userEvent.click(trust);
    expect(onTrust).toHaveBeenCalledWith(fp);
  });

  it('imports a CA file as the alternative', async () => {
    const onImportCa = vi.fn();
    render(TrustPrompt, { error: { code: 'TLS_UNTRUSTED', message: 'untrusted', data: cert }, onTrust: vi.fn(), onImportCa, onCancel: vi.fn() });
    const file = new File(['-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n'], 'corp-ca.pem');
    await userEvent.upload(screen.getByLabelText('CA certificate file'), file);
    await vi.waitFor(() => expect(onImportCa).toHaveBeenCalledWith(expect.stringContaining('BEGIN CERTIFICATE'), 'corp-ca.pem'));
  });
});
