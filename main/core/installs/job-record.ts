// A job's record as the flow builds it: what is known at the start, each step as it ends (with its
// duration, and the HTTP status and the server's words when a request failed), and its outcome.
import { toAppError } from '../errors';
import { Interrupted } from './confirm';
import type { LoadedLicense } from '../license/license-store';
import type { InstallOutcome, InstallProgress, InstallResult, InstallStep, InstallStepName } from './types';
import { english, type Msg } from '../i18n/say';

export function newJobRecord(
  jobId: string,
  workspace: { baseUrl: string; id?: string | null; name?: string | null },
  license: LoadedLicense,
  options: { restoreOf?: string; force?: boolean },
): InstallResult {
  const s = license.summary;
  return {
    jobId,
    outcome: 'failed',
    headline: '',
    reasons: [],
    startedAt: new Date().toISOString(),
    finishedAt: '',
    workspace: { id: workspace.id ?? null, name: workspace.name ?? null, baseUrl: workspace.baseUrl, version: null, workspaceUrl: null, workspaceUrlSource: null },
    user: null,
    license: {
      sha256: s.sha256,
      hashTail: s.hashTail,
      id: s.id,
      format: s.format,
      customer: s.customer?.company ?? s.customer?.name ?? null,
      validUntil: s.validUntil,
      seats: s.limits.find((l) => l.kind === 'activeUsers')?.max ?? null,
      boundTo: s.serverUrls.map((u) => u.value),
    },
    checks: [],
    serverValidation: null,
    steps: [],
    before: null,
    after: null,
    replaced: null,
    backup: null,
    restoreOf: options.restoreOf ?? null,
    forced: Boolean(options.force),
    sent: 'no',
    verdict: null,
    error: null,
  };
}

/** Words a step or an outcome says: a message (main/core/i18n), or text made elsewhere (an error's). */
export type Said = string | Msg;
const words = (s: Said): { message: string; msg?: Msg } => (typeof s === 'string' ? { message: s } : { message: english(s), msg: s });

export type StepWork<T> = () => Promise<{ value: T; status?: InstallStep['status']; message: Said }>;

/** Runs each step with a "running" progress event, then records how it ended (a throw is "failed"). */
export function stepRecorder(result: InstallResult, onProgress?: (progress: InstallProgress) => void, signal?: AbortSignal) {
  const emit = (step: InstallStep) => onProgress?.({ jobId: result.jobId, step });
  async function step<T>(name: InstallStepName, running: Said, work: StepWork<T>): Promise<T> {
    // An interruption takes effect between steps (and inside the wait): never half a step.
    if (signal?.aborted) throw new Interrupted();
    emit({ step: name, status: 'running', ...words(running) });
    const started = performance.now();
    try {
      const { value, status, message } = await work();
      const record: InstallStep = { step: name, status: status ?? 'done', ...words(message), durationMs: Math.round(performance.now() - started) };
      result.steps.push(record);
      emit(record);
      return value;
    } catch (e) {
      if (e instanceof Interrupted) throw e;
      const error = toAppError(e);
      const record: InstallStep = {
        step: name,
        status: 'failed',
        message: [error.message, error.detail].filter(Boolean).join(' '),
        durationMs: Math.round(performance.now() - started),
        ...(typeof error.data?.status === 'number' ? { httpStatus: error.data.status } : {}),
        ...(error.detail ? { serverError: error.detail } : {}),
      };
      result.steps.push(record);
      emit(record);
      throw e;
    }
  }
  const finish = (outcome: InstallOutcome, headline: Said, reasons: Said[] = []) => {
    result.outcome = outcome;
    const h = words(headline);
    result.headline = h.message;
    if (h.msg) result.headlineMsg = h.msg;
    else delete result.headlineMsg;
    result.reasons = reasons.map((r) => words(r).message);
    if (reasons.some((r) => typeof r !== 'string')) result.reasonsMsg = reasons.map((r) => (typeof r === 'string' ? null : r));
    else delete result.reasonsMsg;
  };
  return { step, finish };
}
