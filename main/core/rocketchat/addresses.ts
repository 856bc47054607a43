// Workspace and proxy addresses as a technician types them, and what they say about the link:
// sub-paths kept, loopback told apart from the network.
import { AppFailure } from '../errors';

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
