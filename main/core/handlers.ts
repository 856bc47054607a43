// The app's whole behaviour as one plain object of async functions, one per contract call. The
// Electron IPC layer, the CLI and the browser test bridge all call `dispatch` on the same object.
import { inputSchemas, describeIssues } from './contract-schemas';
import { CALL_NAMES, type CallInput, type CallName, type CallOutput, type Events, type EventName } from './contract';
import { AppFailure, toAppError, type Result } from './errors';
import { getAppInfo, type AppInfo } from './app-info';
import type { SecretStore } from './secret-store';
import { decodeLicense } from './license/license';
import { verificationKeys, type VerificationKey } from './license/license-decode';
import { checkLicense, noWorkspace } from './license/license-checks';
import { LicenseStore } from './license/license-store';
import type { LicenseSource } from './contract';

export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handlers = { [K in CallName]: (input: CallInput<K>, ctx: CallContext) => Promise<CallOutput<K>> };

export interface Services {
  shell: AppInfo['shell'];
  secrets: SecretStore;
  /** Keys licenses verify with; default: Rocket.Chat's, plus RC_LICENSE_PUBLIC_KEY if set. */
  licenseKeys?: VerificationKey[];
}

function sourceBytes(source: LicenseSource): Uint8Array | string {
  return source.kind === 'text' ? source.text : Buffer.from(source.base64, 'base64');
}

export function createHandlers(services: Services): Handlers {
  const keys = services.licenseKeys ?? verificationKeys();
  const licenses = new LicenseStore();
  return {
    'app.info': async () => getAppInfo(services.shell),
    'keychain.status': async () => services.secrets.status(),
    'license.inspect': async ({ source }) => {
      const { canonical, summary, payload } = await decodeLicense(sourceBytes(source), keys);
      licenses.put({ canonical, summary, payload, source: source.kind === 'file' ? source.name : null });
      const { text: _text, ...reading } = canonical;
      return { reading, summary, checks: checkLicense(summary, noWorkspace()) };
    },
  };
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name);
}

/** Validates the call name and input, runs the handler, and returns the outcome as a value. */
export async function dispatch(handlers: Handlers, name: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: new AppFailure('INVALID_INPUT', `Unknown call ${JSON.stringify(String(name))}.`).toError() };
  }
  const parsed = inputSchemas[name].safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: new AppFailure('INVALID_INPUT', `${name}: ${describeIssues(parsed.error)}`).toError() };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}
