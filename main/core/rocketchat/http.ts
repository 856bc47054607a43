// One HTTP(S) path for the app, the CLI and the tests, made for on-site networks: per-workspace
// trust (bundled + system CAs, an imported CA file, or a pinned certificate), timeouts on every
// request, same-origin redirects only, and every failure turned into a code a technician can act on.
import tls, { type TLSSocket } from 'node:tls';
import type { Dispatcher, buildConnector } from 'undici';
import { AppFailure } from '../errors';
import { normalizeBaseUrl, normalizeProxyUrl } from './addresses';
import { CertChanged, fingerprintOf, mapNetworkError, systemCertificates } from './tls';

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

export interface RequestOptions {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
  /** Stops waiting for the answer (an interrupted installation). */
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 3;
/** No answer this app reads is near this size (a license is ≤ 64 KiB): more is not Rocket.Chat
 * talking, and is not read into memory. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

class TooLarge extends Error {}

type Undici = typeof import('undici');
let undici: Promise<Undici> | undefined;
/** undici is half a megabyte of code: it is loaded at the first request, so a command that never
 * talks to a server (`rc-license history`, `receipt`, `inspect FILE`) never parses it. */
// undici is CommonJS: a bundle's import() of it gives module.exports as `default` only.
const loadUndici = (): Promise<Undici> => (undici ??= import('undici').then((m) => ((m as unknown as { default?: Undici }).default ?? m) as Undici));

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
  /** Made at the first request (see loadUndici); the settings are checked in the constructor. */
  private dispatcher: Dispatcher | null = null;
  private readonly makeDispatcher: (u: Undici) => Dispatcher;
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
      if (pin)
        throw new AppFailure(
          'INVALID_INPUT',
          'A pinned certificate cannot be checked through a proxy: import the CA file instead.',
        );
      this.makeDispatcher = (u) => new u.ProxyAgent({ uri: proxyUrl, requestTls: { ca }, connectTimeout });
      return;
    }
    // With a pin, the chain is not what is trusted: the exact certificate is (checked right after
    // the handshake, before any byte of the request is sent). Without one, normal verification.
    // Resumed TLS sessions do not always carry the peer certificate, so a pinned connection always
    // makes a full handshake (maxCachedSessions: 0) and its certificate can be compared every time.
    this.makeDispatcher = (u) => {
      const base = u.buildConnector({
        ca,
        rejectUnauthorized: pin === null,
        timeout: connectTimeout,
        ...(pin !== null ? { maxCachedSessions: 0 } : {}),
      });
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
      return new u.Agent({
        connect: connector,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        keepAliveTimeout: 4000,
      });
    };
  }

  private dispatcherFor(u: Undici): Dispatcher {
    return (this.dispatcher ??= this.makeDispatcher(u));
  }

  url(path: string, query?: Record<string, string>): URL {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url;
  }

  async request(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    let url = this.url(path, options.query);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'rc-license-installer',
      ...options.headers,
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      // The 8.8+ router reads a JSON body only with this header (spec §1.1, A10).
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const started = performance.now();
    const u = await loadUndici();
    const dispatcher = this.dispatcherFor(u);
    for (let hop = 0; ; hop++) {
      let res: Dispatcher.ResponseData;
      try {
        res = await u.request(url, {
          method,
          headers,
          body,
          dispatcher,
          signal: options.signal
            ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs), options.signal])
            : AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs),
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
        if (hop >= MAX_REDIRECTS)
          throw new AppFailure('REDIRECT_BLOCKED', `${url.origin} redirected too many times.`, { target: target.href });
        url = target;
        continue;
      }
      let text: string;
      try {
        text = await readCapped(res, MAX_RESPONSE_BYTES);
      } catch (e) {
        if (e instanceof TooLarge) {
          throw new AppFailure(
            'SERVER_ERROR',
            `${url.host} answered ${url.pathname} with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; no Rocket.Chat answer is that large, so it was not read (a proxy or another service may be answering).`,
            { status: res.statusCode },
          );
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
    await this.dispatcher?.close();
  }
}
