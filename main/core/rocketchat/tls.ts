// Trust on site networks: the bundled and system CAs, an imported CA, or one pinned certificate;
// reading a certificate for the trust prompt; and every connection failure as a code a technician
// can act on.
import { createHash, X509Certificate } from 'node:crypto';
import tls, { type PeerCertificate } from 'node:tls';
import { AppFailure } from '../errors';
import type { CertificateInfo } from '../workspaces/types';
import { said, say } from '../i18n/say';

export type CertificateDetails = CertificateInfo;

export function systemCertificates(): string[] {
  // Node ≥ 22.15 / 23.8 (and so Electron's Node) can read the OS trust store.
  const get = (tls as unknown as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (!get) return [];
  try {
    return get('system');
  } catch {
    return [];
  }
}

export function fingerprintOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

function describeCertificate(cert: PeerCertificate | X509Certificate): CertificateDetails {
  const x509 = cert instanceof X509Certificate ? cert : new X509Certificate(cert.raw);
  return {
    fingerprint256: fingerprintOf(x509.raw),
    subject: x509.subject.replace(/\n/g, ', '),
    issuer: x509.issuer.replace(/\n/g, ', '),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    subjectAltName: x509.subjectAltName ?? null,
    selfSigned: x509.subject === x509.issuer,
  };
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** The TLS failures said in words (each `tls.<code>` in main/core/i18n); others keep Node's message. */
const TLS_REASONS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export class CertChanged extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super('certificate changed');
  }
}

/** Connects once to read the server's certificate for the trust prompt; sends no request. */
export function probeCertificate(baseUrl: string, timeoutMs = 5000): Promise<CertificateDetails> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    // Verification is deliberately not applied here: this only *reads* the certificate so the
    // technician can compare its fingerprint; nothing is sent and the socket is closed at once.
    const socket = tls.connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      servername: isIp(url.hostname) ? undefined : url.hostname,
      // eslint-disable-next-line no-restricted-syntax -- probe only: reads the certificate, sends nothing
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerX509Certificate();
      socket.destroy();
      if (!cert) reject(new AppFailure('TLS_UNTRUSTED', 'The server presented no certificate.'));
      else resolve(describeCertificate(cert));
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new AppFailure('TIMEOUT', `No TLS answer from ${url.host} within ${Math.round(timeoutMs / 1000)} s.`));
    });
    socket.once('error', (e) => reject(mapNetworkError(e, url)));
  });
}

function isIp(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const code = (cur as { code?: string }).code;
    if (code && code !== 'UND_ERR_SOCKET' && code !== 'ECONNABORTED') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return (e as { code?: string })?.code;
}

/** Whether a failed request can have reached the server: a failure while connecting (refused, no
 * name, no route, TLS, a changed certificate) provably sent nothing; after that, it may have. */
const CONNECT = { phase: 'connect' } as const;
const REQUEST = { phase: 'request' } as const;

export function mapNetworkError(e: unknown, url: URL): AppFailure {
  if (e instanceof AppFailure) return e;
  const cause = (e as { cause?: unknown })?.cause;
  if (e instanceof CertChanged || cause instanceof CertChanged) {
    const c = (e instanceof CertChanged ? e : cause) as CertChanged;
    return new AppFailure('CERT_CHANGED', said(say('net.certChanged', { expected: c.expected, actual: c.actual })), { expected: c.expected, actual: c.actual, phase: 'connect' });
  }
  const code = errorCode(e) ?? '';
  const where = url.host;
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test(String((e as Error)?.message))) {
    const reason = TLS_REASONS.has(code) ? { code: `tls.${code}` } : (e as Error).message;
    return new AppFailure('TLS_UNTRUSTED', said(say('net.tls', { host: where, reason })), { tlsCode: code || null, phase: 'connect' });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new AppFailure('NETWORK_UNREACHABLE', said(say('net.refused', { host: where })), CONNECT);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppFailure('NETWORK_UNREACHABLE', said(say('net.dns', { name: url.hostname })), CONNECT);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppFailure('NETWORK_UNREACHABLE', said(say('net.noRoute', { host: where })), CONNECT);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new AppFailure('TIMEOUT', said(say('net.connectTimeout', { host: where })), CONNECT);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'TimeoutError':
    case 'ABORT_ERR':
      return new AppFailure('TIMEOUT', said(say('net.noAnswer', { host: where })), REQUEST);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_CLOSED':
      return new AppFailure('NETWORK_UNREACHABLE', said(say('net.dropped', { host: where })), REQUEST);
  }
  if ((e as Error)?.name === 'TimeoutError' || (e as Error)?.name === 'AbortError') {
    return new AppFailure('TIMEOUT', said(say('net.noAnswer', { host: where })), REQUEST);
  }
  if (/other side closed|socket hang up|closed/i.test(String((e as Error)?.message))) {
    return new AppFailure('NETWORK_UNREACHABLE', said(say('net.dropped', { host: where })), REQUEST);
  }
  return new AppFailure('NETWORK_UNREACHABLE', `${where}: ${(e as Error)?.message ?? String(e)}`, REQUEST);
}
