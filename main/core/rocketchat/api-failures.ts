// Every way a Rocket.Chat answer can fail, mapped to one error code, once (spec §1–§3 and its
// test vectors; unknown routes per era, §5.11).
import { AppFailure } from '../errors';
import type { HttpResponse } from './http';

import { obj, str } from './json';
import { said, say } from '../i18n/say';

/** The wait a 429 asks for, from its message or its X-RateLimit-Reset header. */
export function waitSeconds(res: HttpResponse): number | null {
  const fromText = /wait (\d+) seconds/.exec(String(obj(res.json).error ?? ''));
  if (fromText) return Number(fromText[1]);
  const reset = Number(res.headers['x-ratelimit-reset']);
  if (reset > 0) return Math.max(1, Math.ceil((reset - (res.serverDate?.getTime() ?? Date.now())) / 1000));
  return null;
}

function titleOf(html: string): string | null {
  return /<title>([^<]{1,120})<\/title>/i.exec(html)?.[1]?.trim() ?? /<h1>([^<]{1,120})<\/h1>/i.exec(html)?.[1]?.trim() ?? null;
}

/** An answer that is not JSON from Rocket.Chat: a proxy's error page, a login portal, another app. */
export function notRocketChat(res: HttpResponse): AppFailure {
  const type = res.headers['content-type'] ?? 'no content type';
  const found = /html/i.test(type) ? titleOf(res.text) : null;
  const title = found ? say('api.title', { title: found }) : say('empty');
  const server = res.headers.server ? say('api.from', { server: res.headers.server }) : say('empty');
  if (res.status >= 500 && res.status < 600) {
    return new AppFailure(
      'NOT_ROCKETCHAT',
      said(say('api.proxyPage', { status: res.status, title, server })),
      { status: res.status },
    );
  }
  if (res.json === undefined && res.text && /json/i.test(type)) {
    return new AppFailure('SERVER_ERROR', said(say('api.notJson', { status: res.status })), { status: res.status });
  }
  return new AppFailure('NOT_ROCKETCHAT', said(say('api.notRocketChat', { status: res.status, title, type, server })), {
    status: res.status,
  });
}

/** The server's own error words, for the detail line. */
function serverWords(res: HttpResponse): string {
  const j = obj(res.json);
  return String(j.error ?? j.message ?? res.text.slice(0, 200));
}

/** Is this the answer to a route the server does not have? Unknown routes are never JSON (spec
 * §5.11): ≤6.x has no API catch-all, so a GET falls through to the web app's HTML page (200) and
 * another method gets Meteor webapp's empty 405; the 7.0+ router answers a plain-text 404. */
export function isMissingEndpoint(res: HttpResponse): boolean {
  if (res.status === 404 || res.status === 405) return true;
  return res.status === 200 && res.json === undefined && /html/i.test(res.headers['content-type'] ?? '');
}

/** Maps a non-2xx answer (or a 2xx that is not JSON) to one error code. */
export function apiFailure(res: HttpResponse, route: string): AppFailure {
  if (isMissingEndpoint(res)) return new AppFailure('SERVER_ERROR', said(say('api.noEndpoint', { route })), { status: res.status });
  if (res.json === undefined) return notRocketChat(res);
  const j = obj(res.json);
  switch (res.status) {
    case 401: {
      if (route === 'login') {
        const error = j.error;
        const details = obj(j.details);
        if (error === 'totp-required') {
          return new AppFailure('AUTH_2FA_REQUIRED', said(say(details.method === 'email' ? 'api.codeEmailed' : 'api.codeApp')), {
            method: str(details.method) ?? 'totp',
          });
        }
        if (error === 'totp-invalid') return new AppFailure('AUTH_2FA_INVALID', undefined, { method: str(details.method) ?? 'totp' });
        if (typeof error === 'string' && error.startsWith('error-login-blocked')) {
          return new AppFailure('AUTH_BLOCKED', said(say(error === 'error-login-blocked-for-ip' ? 'api.blockedIp' : 'api.blocked')));
        }
        return new AppFailure('AUTH_INVALID', String(j.message ?? 'Unauthorized'));
      }
      return new AppFailure('AUTH_REQUIRED', String(j.message ?? j.error ?? 'You must be logged in to do this.'));
    }
    case 403:
      return new AppFailure('FORBIDDEN', said(say('api.serverSays', { words: serverWords(res) })));
    case 429: {
      const wait = waitSeconds(res);
      return new AppFailure('RATE_LIMITED', wait ? said(say('api.tryAgainIn', { n: wait })) : serverWords(res), { waitSeconds: wait });
    }
  }
  return new AppFailure('SERVER_ERROR', said(say('api.answered', { status: res.status, words: serverWords(res) })), { status: res.status });
}

/** Turns licenses.add's 400 words into a license code (spec §6). */
export function licenseRejection(res: HttpResponse): AppFailure {
  const words = serverWords(res);
  if (/^Empty license$/.test(words)) return new AppFailure('LICENSE_EMPTY', said(say('api.serverSays', { words: 'Empty license' })));
  if (/^Invalid license$|rsa routines|padding|mod len|block type/i.test(words)) {
    return new AppFailure('LICENSE_SIGNATURE', said(say('api.signature', { words })));
  }
  return new AppFailure('SERVER_ERROR', said(say('api.refused', { words })), { status: res.status });
}
