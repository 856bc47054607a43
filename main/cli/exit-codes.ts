// What `rc-license` exits with, and for which error codes: scripts branch on these numbers.
import type { ErrorCode } from '../core/errors';

export const EXIT = { ok: 0, unexpected: 1, usage: 2, auth: 3, license: 4, network: 5, server: 6, keychain: 7, declined: 8, unconfirmed: 9, interrupted: 130, terminated: 143 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Each exit code in a few words, for `rc-license --help`. */
export const EXIT_MEANING: Record<ExitCode, string> = {
  0: 'ok (the server confirms)',
  1: 'unexpected',
  2: 'usage',
  3: 'authentication or permission',
  4: 'license or file (not sent, or rejected)',
  5: 'network, TLS or rate limit (try again later)',
  6: 'server unsupported or not Rocket.Chat',
  7: "this laptop's keychain or data folder unusable",
  8: 'declined at a prompt',
  9: 'sent, but not confirmed active: the server has not said (verify again before restoring)',
  130: 'interrupted (Ctrl-C): recorded as interrupted; rc-license verify reads the outcome',
  143: 'terminated (SIGTERM): recorded as interrupted; rc-license verify reads the outcome',
};

export function exitCodeFor(code: ErrorCode | string): ExitCode {
  if (code.startsWith('LICENSE_') || code.startsWith('BACKUP_') || code === 'FILE_UNREADABLE' || code === 'NEWER_LICENSE_ACTIVE') return EXIT.license;
  if (code.startsWith('AUTH_') || code === 'FORBIDDEN') return EXIT.auth;
  // A 429 is the server asking to wait, not a sign-in problem: "try again later", like the network.
  if (['NETWORK_UNREACHABLE', 'TIMEOUT', 'TLS_UNTRUSTED', 'CERT_CHANGED', 'REDIRECT_BLOCKED', 'RATE_LIMITED'].includes(code)) return EXIT.network;
  if (['SERVER_TOO_OLD', 'NOT_ROCKETCHAT', 'SERVER_ERROR'].includes(code)) return EXIT.server;
  // This laptop, not the license or the server: the keychain, or a data folder that cannot be written.
  if (code === 'KEYCHAIN_UNAVAILABLE' || code === 'STORAGE_FAILED') return EXIT.keychain;
  if (['INVALID_INPUT', 'WORKSPACE_UNKNOWN', 'JOB_UNKNOWN'].includes(code)) return EXIT.usage;
  return EXIT.unexpected;
}
