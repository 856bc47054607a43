// One HTTP(S) path for the app, the CLI and the tests, made for on-site networks: per-workspace
// trust (bundled + system CAs, an imported CA file, or a pinned certificate), timeouts on every
// request, same-origin redirects only, and every failure turned into a code a technician can act on.
import { createHash, X509Certificate } from 'node:crypto';
import tls, { type PeerCertificate, type TLSSocket } from 'node:tls';
import { Agent, ProxyAgent, buildConnector, request, type Dispatcher } from 'undici';
import { AppFailure } from '../errors';
import type { CertificateInfo } from '../types';

export interface TrustSettings {
  /** An imported CA certificate (PEM), trusted in addition to the bundled and system CAs. */
  caPem?: string | null;
  /** SHA-256 (hex) of the one server certificate to accept: trust on first use. */
  pinnedSha256?: string | null;
}

export interface TransportOptions {
  baseUrl: string;
  trust?: TrustSettings;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** An explicit HTTP proxy for this workspace (default: none, never the environment's). */
  proxyUrl?: string | null;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined when the body was not JSON. */
  json: unknown;
  text: string;
  /** The server's clock from its Date header, when present. */
  serverDate: Date | null;
  receivedAt: Date;
  durationMs: number;
}

export type CertificateDetails = CertificateInfo;

/** Accepts what a technician types: adds https:// when there is no scheme, keeps sub-paths. */
export function normalizeBaseUrl(input: string): string {
  let text = input.trim();
  if (!text) throw new AppFailure('INVALID_INPUT', 'Enter the workspace address, for example https://chat.example.lan');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppFailure('INVALID_INPUT', `"${input.trim()}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppFailure('INVALID_INPUT', `Only http:// and https:// addresses are supported, not ${url.protocol}//.`);
  if (url.username || url.password) throw new AppFailure('INVALID_INPUT', 'Do not put a user name or password in the address.');
  if (url.search || url.hash) throw new AppFailure('INVALID_INPUT', 'The address must not contain ? or #: use the workspace address only.');
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api(\/v1)?$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** A proxy address as typed → `http(s)://host[:port]`, null when empty; INVALID_INPUT otherwise. */
export function normalizeProxyUrl(input: string | null | undefined): string | null {
  const text = (input ?? '').trim();
  if (!text) return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new AppFailure('INVALID_INPUT', `The proxy address ${JSON.stringify(text.slice(0, 200))} is not an http:// or https:// address (for example http://proxy.plant7.lan:3128).`);
  }
  if (url.username || url.password) {
    // It would be saved in the workspaces file, which holds no secrets.
    throw new AppFailure('INVALID_INPUT', 'A proxy address with a user name or password is not supported: the app keeps no proxy password.');
  }
  return url.origin;
}

export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

/** http:// to anything but this machine sends the password and token in clear. */
export function isUnencrypted(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && !isLoopback(url.hostname);
}

function systemCertificates(): string[] {
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

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate was issued by a private certificate authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate was issued by an authority this laptop does not know',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate was issued by an authority this laptop does not know',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet (check the clocks)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate was issued for another name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak HTTPS on this port (try http://)',
};

class CertChanged extends Error {
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

export function mapNetworkError(e: unknown, url: URL): AppFailure {
  if (e instanceof AppFailure) return e;
  const cause = (e as { cause?: unknown })?.cause;
  if (e instanceof CertChanged || cause instanceof CertChanged) {
    const c = (e instanceof CertChanged ? e : cause) as CertChanged;
    return new AppFailure(
      'CERT_CHANGED',
      `Trusted certificate SHA-256 ${c.expected}; the server now presents ${c.actual}.`,
      { expected: c.expected, actual: c.actual },
    );
  }
  const code = errorCode(e) ?? '';
  const where = url.host;
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test(String((e as Error)?.message))) {
    return new AppFailure('TLS_UNTRUSTED', `${where}: ${TLS_REASONS[code] ?? (e as Error).message}.`, { tlsCode: code || null });
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new AppFailure('NETWORK_UNREACHABLE', `${where} refused the connection: nothing is listening on that port.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppFailure('NETWORK_UNREACHABLE', `The name ${url.hostname} could not be resolved (DNS).`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppFailure('NETWORK_UNREACHABLE', `There is no route from this laptop to ${where}.`);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new AppFailure('TIMEOUT', `Connecting to ${where} timed out.`);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'TimeoutError':
    case 'ABORT_ERR':
      return new AppFailure('TIMEOUT', `${where} did not answer in time.`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_CLOSED':
      return new AppFailure('NETWORK_UNREACHABLE', `${where} dropped the connection before answering (a proxy or firewall may be cutting it).`);
  }
  if ((e as Error)?.name === 'TimeoutError' || (e as Error)?.name === 'AbortError') {
    return new AppFailure('TIMEOUT', `${where} did not answer in time.`);
  }
  if (/other side closed|socket hang up|closed/i.test(String((e as Error)?.message))) {
    return new AppFailure('NETWORK_UNREACHABLE', `${where} dropped the connection before answering (a proxy or firewall may be cutting it).`);
  }
  return new AppFailure('NETWORK_UNREACHABLE', `${where}: ${(e as Error)?.message ?? String(e)}`);
}

export interface RequestOptions {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
}

const MAX_REDIRECTS = 3;
/** No answer this app reads is near this size (a license is ≤ 64 KiB): more is not Rocket.Chat
 * talking, and is not read into memory. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

class TooLarge extends Error {}

/** The body as text, reading at most `cap` bytes (a Content-Length above it is refused unread). */
async function readCapped(res: Dispatcher.ResponseData, cap: number): Promise<string> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) {
    res.body.destroy();
    throw new TooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += (chunk as Buffer).length;
    if (total > cap) {
      res.body.destroy();
      throw new TooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class Transport {
  readonly baseUrl: string;
  readonly origin: string;
  private readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;

  constructor(options: TransportOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.origin = new URL(this.baseUrl).origin;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    const trust = options.trust ?? {};
    const ca = [...tls.rootCertificates, ...systemCertificates(), ...(trust.caPem ? [trust.caPem] : [])];
    const pin = trust.pinnedSha256?.toLowerCase() ?? null;
    const connectTimeout = options.connectTimeoutMs ?? Math.min(this.timeoutMs, 10_000);
    const proxyUrl = normalizeProxyUrl(options.proxyUrl);
    if (proxyUrl) {
      if (pin) throw new AppFailure('INVALID_INPUT', 'A pinned certificate cannot be checked through a proxy: import the CA file instead.');
      this.dispatcher = new ProxyAgent({ uri: proxyUrl, requestTls: { ca }, connectTimeout });
      return;
    }
    // With a pin, the chain is not what is trusted: the exact certificate is (checked right after
    // the handshake, before any byte of the request is sent). Without one, normal verification.
    // Resumed TLS sessions do not always carry the peer certificate, so a pinned connection always
    // makes a full handshake (maxCachedSessions: 0) and its certificate can be compared every time.
    const base = buildConnector({ ca, rejectUnauthorized: pin === null, timeout: connectTimeout, ...(pin !== null ? { maxCachedSessions: 0 } : {}) });
    const connector: buildConnector.connector = (opts, callback) =>
      base(opts, (err, socket) => {
        if (err || !socket) return callback(err ?? new Error('no socket'), null);
        if (pin !== null && 'getPeerX509Certificate' in socket) {
          const cert = (socket as TLSSocket).getPeerX509Certificate();
          const actual = cert ? fingerprintOf(cert.raw) : 'none';
          if (actual !== pin) {
            socket.destroy();
            return callback(new CertChanged(pin, actual), null);
          }
        }
        callback(null, socket);
      });
    this.dispatcher = new Agent({ connect: connector, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs, keepAliveTimeout: 4000 });
  }

  url(path: string, query?: Record<string, string>): URL {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url;
  }

  async request(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    let url = this.url(path, options.query);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'rc-license-installer', ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      // The 8.8+ router reads a JSON body only with this header (spec §1.1, A10).
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const started = performance.now();
    for (let hop = 0; ; hop++) {
      let res: Dispatcher.ResponseData;
      try {
        res = await request(url, {
          method,
          headers,
          body,
          dispatcher: this.dispatcher,
          signal: AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs),
        });
      } catch (e) {
        throw mapNetworkError(e, url);
      }
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
      if (res.statusCode >= 300 && res.statusCode < 400 && flat.location) {
        await res.body.dump();
        const target = new URL(flat.location, url);
        // Auth headers never follow a redirect to another origin (DESIGN "Security").
        if (target.origin !== url.origin) {
          throw new AppFailure('REDIRECT_BLOCKED', `${url.origin} redirected to ${target.origin}.`, { target: target.href });
        }
        if (hop >= MAX_REDIRECTS) throw new AppFailure('REDIRECT_BLOCKED', `${url.origin} redirected too many times.`, { target: target.href });
        url = target;
        continue;
      }
      let text: string;
      try {
        text = await readCapped(res, MAX_RESPONSE_BYTES);
      } catch (e) {
        if (e instanceof TooLarge) {
          throw new AppFailure('SERVER_ERROR', `${url.host} answered ${url.pathname} with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; no Rocket.Chat answer is that large, so it was not read (a proxy or another service may be answering).`, { status: res.statusCode });
        }
        throw mapNetworkError(e, url);
      }
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const receivedAt = new Date();
      const serverDate = flat.date ? new Date(flat.date) : null;
      return {
        status: res.statusCode,
        headers: flat,
        json,
        text,
        serverDate: serverDate && !Number.isNaN(serverDate.getTime()) ? serverDate : null,
        receivedAt,
        durationMs: performance.now() - started,
      };
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
