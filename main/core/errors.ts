// One place owns every error code the app can show and the words a technician reads for it.
// Errors cross IPC as values (Electron drops custom fields on thrown errors), so every layer
// returns `Result<T>` at its edge and throws `AppFailure` only inside core.
import type { Msg } from './i18n/messages';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NETWORK_UNREACHABLE',
  'TIMEOUT',
  'TLS_UNTRUSTED',
  'CERT_CHANGED',
  'REDIRECT_BLOCKED',
  'NOT_ROCKETCHAT',
  'SERVER_TOO_OLD',
  'SERVER_ERROR',
  'AUTH_INVALID',
  'AUTH_REQUIRED',
  'AUTH_2FA_REQUIRED',
  'AUTH_2FA_INVALID',
  'AUTH_BLOCKED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'LICENSE_EMPTY',
  'LICENSE_TOO_LARGE',
  'LICENSE_BINARY',
  'LICENSE_MULTIPLE',
  'LICENSE_MALFORMED',
  'LICENSE_SIGNATURE',
  'LICENSE_URL_MISMATCH',
  'LICENSE_PERIOD',
  'LICENSE_LIMITS',
  'LICENSE_REJECTED',
  'LICENSE_ALREADY_REJECTED',
  'LICENSE_NEEDS_NEWER_SERVER',
  'BACKUP_FAILED',
  'BACKUP_MISSING',
  'BACKUP_DAMAGED',
  'NEWER_LICENSE_ACTIVE',
  'KEYCHAIN_UNAVAILABLE',
  'STORAGE_FAILED',
  'WORKSPACE_UNKNOWN',
  'JOB_UNKNOWN',
  'BUSY',
  'FILE_UNREADABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Specifics for this occurrence (server text, fingerprint, URLs). Never a secret. */
  detail?: string;
  /** What the technician can do about it. */
  fix?: string;
  /** Structured facts the UI may use (e.g. certificate fingerprints, wait seconds). */
  data?: Record<string, string | number | boolean | null>;
  /** `detail` as a code with parameters (main/core/i18n), where the core wrote it. */
  detailMsg?: Msg;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** What a technician should read for each code, and what to do about it (every code has both). */
export const ERROR_TEXT: Record<ErrorCode, { message: string; fix: string }> = {
  INVALID_INPUT: { message: 'The request was not understood.', fix: 'Check the values entered and try again.' },
  NETWORK_UNREACHABLE: {
    message: 'The workspace could not be reached.',
    fix: 'Check the address, that the laptop is on the workspace network, and that Rocket.Chat is running.',
  },
  TIMEOUT: {
    message: 'The workspace did not answer in time.',
    fix: 'The server may be busy or the network slow: try again, or raise the timeout.',
  },
  TLS_UNTRUSTED: {
    message: "The workspace's certificate is not trusted by this laptop.",
    fix: 'Compare the fingerprint with the one on the server and trust it, or import the CA file that signed it.',
  },
  CERT_CHANGED: {
    message: "The workspace's certificate has changed since you trusted it.",
    fix: 'Do not continue unless the server administrator confirms the new certificate; then trust the new fingerprint.',
  },
  REDIRECT_BLOCKED: {
    message: 'The workspace redirected to another address; the app does not follow it with your credentials.',
    fix: 'Use the address it redirects to as the workspace URL if that is the real server.',
  },
  NOT_ROCKETCHAT: {
    message: 'The address answered, but not as a Rocket.Chat server.',
    fix: 'Check the URL (including any sub-path such as /chat) and any reverse proxy in front of Rocket.Chat.',
  },
  SERVER_TOO_OLD: {
    message: 'This Rocket.Chat version does not support installing licenses through the API.',
    fix: 'Licenses can be installed from Rocket.Chat 3.10 on: upgrade the workspace first.',
  },
  SERVER_ERROR: {
    message: 'The workspace answered with an error.',
    fix: 'Try again; if it persists, check the Rocket.Chat server log.',
  },
  AUTH_INVALID: { message: 'The user name or password is wrong.', fix: 'Check them and sign in again.' },
  AUTH_REQUIRED: {
    message: 'You are not signed in to this workspace, or your session has ended.',
    fix: 'Sign in again.',
  },
  AUTH_2FA_REQUIRED: {
    message: 'This account needs a two-factor code.',
    fix: 'Enter the code from your authenticator app (or the e-mailed code).',
  },
  AUTH_2FA_INVALID: {
    message: 'The two-factor code was not accepted.',
    fix: 'Enter a fresh code; check that the laptop and phone clocks are right.',
  },
  AUTH_BLOCKED: {
    message: 'Sign-in is blocked after too many failed attempts.',
    fix: 'Wait for the block to expire or ask an administrator to unblock the account.',
  },
  FORBIDDEN: {
    message: 'This account is not allowed to install licenses.',
    fix: 'Sign in with an administrator account (only admins hold the edit-privileged-setting permission by default).',
  },
  RATE_LIMITED: {
    message: 'The workspace is limiting requests from this laptop.',
    fix: 'Wait the time shown, then try again.',
  },
  LICENSE_EMPTY: { message: 'The license is empty.', fix: 'Choose the license file you received, or paste its text.' },
  LICENSE_TOO_LARGE: {
    message: 'This file is too large to be a Rocket.Chat license (more than 64 KiB).',
    fix: 'Check that you chose the license file and not another document.',
  },
  LICENSE_BINARY: {
    message: 'This file is not text, so it cannot be a Rocket.Chat license.',
    fix: 'Check that you chose the license file (a text file) and not an archive or document.',
  },
  LICENSE_MULTIPLE: {
    message: 'This file holds more than one different license.',
    fix: 'Save each license in its own file and install the one meant for this workspace.',
  },
  LICENSE_MALFORMED: {
    message: 'This is not a Rocket.Chat license.',
    fix: 'A license is a long block of letters and digits (newer ones begin with RCV3_). Ask the sender for the license file.',
  },
  LICENSE_SIGNATURE: {
    message: 'This license is damaged or was not signed by Rocket.Chat.',
    fix: 'It may have been cut short or altered when copied: ask for the original file again.',
  },
  LICENSE_URL_MISMATCH: {
    message: "This license is for another workspace address.",
    fix: "Ask for a license for this workspace's Site URL, or correct the Site URL setting.",
  },
  LICENSE_PERIOD: {
    message: "This license is not valid at the server's current date.",
    fix: "Check the server's clock; if it is right, ask for a license valid now.",
  },
  LICENSE_LIMITS: {
    message: 'This workspace uses more than the license allows.',
    fix: 'Deactivate users or ask for a license with more seats.',
  },
  LICENSE_REJECTED: {
    message: 'The workspace accepted the file but rejected the license.',
    fix: 'See the reasons shown; the Rocket.Chat server log has the details.',
  },
  LICENSE_ALREADY_REJECTED: {
    message: 'The workspace already holds this exact license and did not activate it. Sending it again changes nothing: Rocket.Chat checks a license only when the stored license changes or when Rocket.Chat restarts.',
    fix: 'Fix what made it fail (the Site URL, the server date, the number of users), then restart Rocket.Chat: it checks the stored license again at start-up. Or install a different license file.',
  },
  LICENSE_NEEDS_NEWER_SERVER: {
    message: 'This license format (V3, beginning RCV3_) needs Rocket.Chat 6.5 or later.',
    fix: 'Upgrade the workspace to Rocket.Chat 6.5 or later first; an older server cannot read this license at all.',
  },
  BACKUP_FAILED: {
    message: 'The license the workspace has now could not be saved on this laptop, so nothing was sent.',
    fix: 'Free some disk space or make the data folder writable, then try again.',
  },
  BACKUP_MISSING: {
    message: 'This installation kept no previous license to restore.',
    fix: 'No license was stored before it, or this account could not read it. Install the previous license from its file instead.',
  },
  BACKUP_DAMAGED: {
    message: 'The saved previous license cannot be used: nothing was sent.',
    fix: 'Install the previous license from its original file instead.',
  },
  NEWER_LICENSE_ACTIVE: {
    message: 'The license this job sent is active now, so nothing was restored.',
    fix: 'Restoring would replace the license that is working. If you still want the previous one back, restore again and confirm it (rc-license restore JOB --even-if-active).',
  },
  KEYCHAIN_UNAVAILABLE: {
    message: "The system keychain can't be used right now.",
    fix: 'Unlock or start the keychain (Secret Service / Keychain / Credential Manager), or keep the sign-in for this session only.',
  },
  STORAGE_FAILED: {
    message: "The app's data folder on this laptop could not be written. Nothing was changed: the files written before are as they were.",
    fix: 'Free some disk space, or make the data folder writable (or set RC_LICENSE_HOME to a writable folder), then try again.',
  },
  WORKSPACE_UNKNOWN: { message: 'That workspace is not saved in the app.', fix: 'Add the workspace first.' },
  JOB_UNKNOWN: { message: 'No installation with that id is recorded.', fix: 'Check the id in the history.' },
  BUSY: {
    message: 'An installation is already running for this workspace.',
    fix: 'Wait for it to finish.',
  },
  FILE_UNREADABLE: { message: 'The file could not be read.', fix: 'Check that it exists and that you may read it.' },
  INTERNAL: {
    message: 'Something went wrong inside the app.',
    fix: 'Try again; if it persists, report it with the job log.',
  },
};

/** Thrown inside core; turned into an `AppError` value at the edge. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly detailMsg?: Msg;
  readonly data?: AppError['data'];

  /** `detail` may be a message (its English text is kept as `detail`). */
  constructor(code: ErrorCode, detail?: string | { message: string; msg: Msg }, data?: AppError['data'], message?: string) {
    super(message ?? ERROR_TEXT[code].message);
    this.name = 'AppFailure';
    this.code = code;
    if (typeof detail === 'object') {
      this.detail = detail.message;
      this.detailMsg = detail.msg;
    } else this.detail = detail;
    this.data = data;
  }

  toError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.detail !== undefined) error.detail = this.detail;
    if (this.detailMsg !== undefined) error.detailMsg = this.detailMsg;
    error.fix = ERROR_TEXT[this.code].fix;
    if (this.data !== undefined) error.data = this.data;
    return error;
  }
}

export function fail(code: ErrorCode, detail?: string, data?: AppError['data']): never {
  throw new AppFailure(code, detail, data);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function isAppFailure(e: unknown): e is AppFailure {
  return e instanceof AppFailure;
}

/** Any thrown value → an `AppError`. Unknown errors keep only their message, never a stack. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return e.toError();
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: ERROR_TEXT.INTERNAL.message, detail, fix: ERROR_TEXT.INTERNAL.fix };
}

/** Runs `fn` and returns its outcome as a value. */
export async function settle<T>(fn: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

/** Whether an error says its code's own words (so another language can say them by the code). */
export function isOwnErrorText(error: { code: string; message: string }): boolean {
  return ERROR_TEXT[error.code as ErrorCode]?.message === error.message;
}

/** The message plus the fix, for a terminal or a receipt. */
export function describeError(error: AppError): string {
  return [error.message, error.detail, error.fix].filter(Boolean).join(' — ');
}
