// The app's whole behaviour as one plain object of async functions, one per contract call. The
// Electron IPC layer, the CLI and the browser test bridge all call `dispatch` on the same object.
import { CALL_NAMES, type CallInput, type CallName, type CallOutput, type Events, type EventName, type LicenseSource } from './contract';
import { AppFailure, toAppError, type Result } from './errors';
import { getAppInfo, type AppInfo } from './app-info';
import { Installer, type InstallerOptions } from './installer';
import { inputSchemas, describeIssues } from './contract-schemas';
import { RunningJobs } from './installs/running-jobs';

export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handlers = { [K in CallName]: (input: CallInput<K>, ctx: CallContext) => Promise<CallOutput<K>> };

export interface Services extends InstallerOptions {
  shell: AppInfo['shell'];
  /** The desktop shell's native open-file dialog. */
  openFile?: () => Promise<LicenseSource | null>;
  /** The shell's clipboard (Electron's clipboard module, whose writeText returns a Promise since
   * Electron 44); the page itself gets no clipboard permission. */
  writeClipboard?: (text: string) => Promise<void>;
  /** Installations in flight, so that the shell can interrupt them when it closes. */
  jobs?: RunningJobs;
  /** The system's preferred languages (the window speaks the first one it can). */
  preferredLanguages?: () => string[];
}

export function licenseBytes(source: LicenseSource): Uint8Array | string {
  return source.kind === 'text' ? source.text : Buffer.from(source.base64, 'base64');
}

export function createHandlers(services: Services, installer = new Installer({ program: services.shell === 'electron' ? 'the desktop app' : 'the app', ...services })): Handlers {
  const jobs = services.jobs ?? new RunningJobs();
  return {
    'app.info': async () => getAppInfo(services.shell, process.versions, services.preferredLanguages?.() ?? []),
    'keychain.status': async () => services.keychain.status(),
    'workspace.list': async () => installer.listWorkspaces(),
    'workspace.add': async (input) => installer.addWorkspace({ ...input, pinnedSha256: input.pinnedSha256 ?? undefined, caPem: input.caPem ?? undefined, caFileName: input.caFileName ?? undefined }),
    'workspace.connect': async ({ workspaceId }) => installer.connect(workspaceId),
    'workspace.update': async ({ workspaceId, ...patch }) => installer.updateWorkspace(workspaceId, patch),
    'workspace.remove': async ({ workspaceId }) => {
      await installer.removeWorkspace(workspaceId);
      return { removed: true as const };
    },
    'auth.login': async ({ workspaceId, ...input }) => installer.login(workspaceId, input),
    'auth.token': async ({ workspaceId, ...input }) => installer.useToken(workspaceId, input),
    'auth.logout': async ({ workspaceId }) => installer.logout(workspaceId),
    'license.inspect': async ({ source, workspaceId }) =>
      installer.inspect(licenseBytes(source), source.kind === 'file' ? source.name : null, workspaceId, source.kind === 'file' ? source.size : undefined),
    'license.install': async ({ workspaceId, sha256, force, waitSeconds }, ctx) =>
      jobs.run((signal) => installer.install(workspaceId, sha256.toLowerCase(), { force, waitSeconds, signal, onProgress: (p) => ctx.emit('install.progress', p) })),
    'history.list': async () => installer.history(),
    'history.get': async ({ jobId }) => installer.job(jobId),
    'history.verify': async ({ jobId }) => installer.verify(jobId),
    'license.restore': async ({ jobId, force, waitSeconds, evenIfActive }, ctx) =>
      jobs.run((signal) => installer.restore(jobId, { force, waitSeconds, evenIfActive, signal, onProgress: (p) => ctx.emit('install.progress', p) })),
    'receipt.save': async ({ jobId, format, lang }) => installer.saveReceipt(jobId, format, lang),
    'file.open': async () => (services.openFile ? { available: true, source: await services.openFile() } : { available: false, source: null }),
    'clipboard.write': async ({ text }) => {
      if (!services.writeClipboard) return { copied: false };
      // Said only once the write is done; a failed write is "not copied", never an unhandled rejection.
      return services
        .writeClipboard(text)
        .then(() => ({ copied: true }))
        .catch(() => ({ copied: false }));
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
