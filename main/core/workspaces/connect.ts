// One round of fresh facts about a saved workspace: what it runs (/api/info), its Site URL, and —
// when signed in — the license it runs with its usage, and whether its stored license can be kept.
import { AppFailure, toAppError } from '../errors';
import { noWorkspace, workspaceFacts } from '../license/license-checks';
import type { BackupNote } from '../license/replacement';
import type { LimitKind, WorkspaceFacts } from '../license/types';
import { RocketChatClient, withSite, type LicenseStateWithUsage } from '../rocketchat/rocketchat-client';
import { licenseDetailOf } from './license-detail';
import { readRestriction } from './restriction';
import { statusWords } from './status-words';
import type { ActiveLicenseState } from '../rocketchat/types';
import type { Connections } from './connections';
import { viewOf } from './connections';
import type { SignIn } from './sign-in';
import type { RestrictionReading, WorkspaceConnection } from './types';
import type { WorkspaceStore } from './workspace-store';

export interface WorkspaceReading {
  connection: WorkspaceConnection;
  usage: Partial<Record<LimitKind, number>> | null;
  /** Asked for with `backupNote`: whether an install would be able to keep the stored license. */
  backup?: BackupNote;
}

/**
 * How long a reading stands in for a fresh one when a license is checked against it. The window
 * reads the workspace when it is selected, signed in to or changed; a license dropped moments later
 * is checked against that reading instead of the same five requests again (perf issue: drop to
 * summary in one round trip). Nothing is sent on it: the installation reads the workspace again
 * before it decides to send, and a job, a sign-in or a changed setting starts afresh.
 */
export const READING_FRESH_MS = 30_000;

/** Whom a reading was made as: what it could see depends on it. */
function readerOf(deps: { signIn: SignIn }, w: ReturnType<WorkspaceStore['get']>): string | null {
  return deps.signIn.isSignedIn(w) ? (w.signedInAs?.userId ?? 'token') : null;
}

export async function readWorkspace(
  deps: { store: WorkspaceStore; connections: Connections; signIn: SignIn },
  id: string,
  options: { backupNote?: boolean } = {},
): Promise<WorkspaceReading> {
  const w = deps.store.get(id);
  let info = await deps.connections.info(w);
  const signedIn = deps.signIn.isSignedIn(w);
  const client = signedIn ? await deps.signIn.client(w) : new RocketChatClient(deps.connections.transportFor(w));
  // Public: read before signing in too.
  const restriction = await readRestriction(client, info);
  let read: LicenseStateWithUsage | null = null;
  let stored: string | null = null;
  let site: string | null = null;
  let backup: BackupNote | undefined;
  if (signedIn) {
    await deps.signIn.guard(w, async () => {
      if (deps.signIn.mayReadSettings(w)) {
        // Before 8.6 /api/info does not say; the Site_Url setting itself is authoritative.
        site = await client.siteUrl().catch(() => null);
        info = withSite(info, site);
      }
      read = await client.licenseState(info.capabilities).catch((e) => (e instanceof AppFailure && e.code === 'FORBIDDEN' ? null : Promise.reject(e)));
      if (deps.signIn.mayReadSettings(w) || options.backupNote) {
        const kept = await client.storedLicense();
        stored = kept.readable ? kept.value : null;
        // Whether the install will be able to keep the stored license, said in the confirmation.
        backup = kept.readable ? { possible: kept.value.trim() !== '' } : { possible: false, reason: kept.reason };
      }
    });
  }
  const seen = deps.connections.seen(id, info);
  const state = read as LicenseStateWithUsage | null;
  const why = signedIn ? 'this account may not read the license (sign in as an administrator)' : 'sign in to see the license, its limits and their use';
  const serverMs = info.serverTime ? Date.parse(info.serverTime) : null;
  const licenseDetail = licenseDetailOf({ read: state, stored, siteUrl: site, serverTime: info.serverTime, why, offlineApplies: info.capabilities.validate });
  const clock = { serverTime: info.serverTime, localTime: info.localTime, skewMs: serverMs === null ? null : serverMs - Date.parse(info.localTime) };
  const reading: WorkspaceReading = {
    connection: {
      workspace: viewOf(seen),
      info,
      license: state?.state ?? null,
      restriction,
      licenseDetail,
      siteUrlSetting: site,
      clock,
      said: statusWords({ detail: licenseDetail, restriction, clock, siteUrlSetting: site }),
    },
    usage: state?.usage ?? null,
    ...(backup ? { backup } : {}),
  };
  deps.connections.remember(id, readerOf(deps, w), reading);
  return reading;
}

/** What a license is checked against for this workspace; when it cannot be read, the facts say why. */
export async function factsForChecks(
  deps: { store: WorkspaceStore; connections: Connections; signIn: SignIn },
  id: string,
): Promise<{ facts: WorkspaceFacts; active: ActiveLicenseState | null; backup?: BackupNote; restriction?: RestrictionReading }> {
  try {
    const w = deps.store.get(id);
    const recent = deps.connections.recall(id, readerOf(deps, w), READING_FRESH_MS);
    // Signed in, the check also needs to know whether the stored license can be kept.
    const usable = recent && (recent.backup || !deps.signIn.isSignedIn(w)) ? recent : null;
    const read = usable ?? (await readWorkspace(deps, id, { backupNote: true }));
    return { facts: workspaceFacts(read.connection.info, read.usage), active: read.connection.license, backup: read.backup, restriction: read.connection.restriction };
  } catch (e) {
    const error = toAppError(e);
    return { facts: { ...noWorkspace(), unreadable: [error.message, error.detail].filter(Boolean).join(' ') }, active: null };
  }
}
