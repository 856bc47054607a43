// One round of fresh facts about a saved workspace: what it runs (/api/info), its Site URL, and —
// when signed in — the license it runs with its usage, and whether its stored license can be kept.
import { AppFailure, toAppError } from '../errors';
import { noWorkspace, workspaceFacts } from '../license/license-checks';
import type { BackupNote } from '../license/replacement';
import type { LimitKind, WorkspaceFacts } from '../license/types';
import type { LicenseStateWithUsage } from '../rocketchat/rocketchat-client';
import type { ActiveLicenseState } from '../rocketchat/types';
import type { Connections } from './connections';
import { viewOf } from './connections';
import type { SignIn } from './sign-in';
import type { WorkspaceConnection } from './types';
import type { WorkspaceStore } from './workspace-store';

export interface WorkspaceReading {
  connection: WorkspaceConnection;
  usage: Partial<Record<LimitKind, number>> | null;
  /** Asked for with `backupNote`: whether an install would be able to keep the stored license. */
  backup?: BackupNote;
}

export async function readWorkspace(
  deps: { store: WorkspaceStore; connections: Connections; signIn: SignIn },
  id: string,
  options: { backupNote?: boolean } = {},
): Promise<WorkspaceReading> {
  const w = deps.store.get(id);
  const info = await deps.connections.info(w);
  let state: LicenseStateWithUsage | null = null;
  let backup: BackupNote | undefined;
  if (deps.signIn.isSignedIn(w)) {
    const client = await deps.signIn.client(w);
    await deps.signIn.guard(w, async () => {
      // Before 8.6 /api/info does not say; the Site_Url setting itself is authoritative.
      if (deps.signIn.mayReadSettings(w)) Object.assign(info, await client.withSiteUrl(info));
      state = await client.licenseState(info.capabilities).catch((e) => (e instanceof AppFailure && e.code === 'FORBIDDEN' ? null : Promise.reject(e)));
      if (options.backupNote) {
        // Whether the install will be able to keep the stored license, said in the confirmation.
        const stored = await client.storedLicense();
        backup = stored.readable ? { possible: stored.value.trim() !== '' } : { possible: false, reason: stored.reason };
      }
    });
  }
  const seen = deps.connections.seen(id, info);
  const read = state as LicenseStateWithUsage | null;
  return { connection: { workspace: viewOf(seen), info, license: read?.state ?? null }, usage: read?.usage ?? null, backup };
}

/** What a license is checked against for this workspace; when it cannot be read, the facts say why. */
export async function factsForChecks(
  deps: { store: WorkspaceStore; connections: Connections; signIn: SignIn },
  id: string,
): Promise<{ facts: WorkspaceFacts; active: ActiveLicenseState | null; backup?: BackupNote }> {
  try {
    const read = await readWorkspace(deps, id, { backupNote: true });
    return { facts: workspaceFacts(read.connection.info, read.usage), active: read.connection.license, backup: read.backup };
  } catch (e) {
    const error = toAppError(e);
    return { facts: { ...noWorkspace(), unreadable: [error.message, error.detail].filter(Boolean).join(' ') }, active: null };
  }
}
