// The app's whole behaviour as one plain object of async functions, one per contract call. The
// Electron IPC layer, the CLI and the browser test bridge all call `dispatch` on the same object.
import { inputSchemas, describeIssues } from './contract-schemas';
import { CALL_NAMES, type CallInput, type CallName, type CallOutput, type Events, type EventName } from './contract';
import { AppFailure, toAppError, type Result } from './errors';
import { getAppInfo, type AppInfo } from './app-info';
import type { SecretStore } from './secret-store';

export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handlers = { [K in CallName]: (input: CallInput<K>, ctx: CallContext) => Promise<CallOutput<K>> };

export interface Services {
  shell: AppInfo['shell'];
  secrets: SecretStore;
}

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': async () => getAppInfo(services.shell),
    'keychain.status': async () => services.secrets.status(),
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
