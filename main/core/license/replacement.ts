// What happens to the license that is active now when another is sent. 6.5+ clears the license
// data before validating the new one (ee/packages/license/src/license.ts, setLicenseV3 →
// clearLicenseData), so a rejected license leaves nothing active at once; ≤6.4 keeps the old one
// in memory, but the setting now holds the rejected text, so it is gone at the next restart
// (spec §5.11). Said the same way in the confirmation, the CLI prompt, the result and the receipt.
import type { Replacement } from './types';
import type { ActiveLicenseState } from '../rocketchat/types';

function versionOf(serverVersion: string | null | undefined): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(serverVersion ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function clearsAtOnce(serverVersion: string | null | undefined): boolean {
  const v = versionOf(serverVersion);
  if (!v) return true; // not known: say the worse
  const [major, minor] = v;
  return major > 6 || (major === 6 && minor >= 5);
}

/** 7.0+: losing the license recomputes the air-gapped countdown (AirGappedRestriction.ts, spec §5.13). */
function countsDown(serverVersion: string | null | undefined): boolean {
  const v = versionOf(serverVersion);
  return !v || v[0] >= 7;
}

const READ_ONLY_AGAIN =
  ' On Rocket.Chat 7.0 and later the workspace then also counts down to read-only again, and is read-only at once if it has not reported to Rocket.Chat Cloud in the last 10 days (users cannot send, edit or upload).';

/** "ACME-2026-001 (120 seats, until 2026-12-31)" — or "the active license" when it has no id. */
export function describeActive(active: ActiveLicenseState): string {
  const facts = [active.seats !== null ? `${active.seats} seats` : null, active.validUntil ? `until ${active.validUntil.slice(0, 10)}` : null].filter(Boolean);
  return `${active.id ?? 'the active license'}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

/** Whether the stored license will be kept before sending, and if not, why. */
export interface BackupNote {
  possible: boolean;
  reason?: string;
}

/** null when no license is active (or it is the one being sent): nothing can be lost. */
export function replacementOf(active: ActiveLicenseState | null, serverVersion: string | null | undefined, newLicenseId?: string | null, backup?: BackupNote): Replacement | null {
  if (!active?.valid) return null;
  if (newLicenseId && active.id === newLicenseId) return null;
  const current = describeActive(active);
  const lostWhen = clearsAtOnce(serverVersion) ? 'now' : 'restart';
  const name = active.id ?? 'the current license';
  const kept = !backup ? '' : backup.possible ? ` ${name} is backed up first and can be restored in one step.` : ` No backup: ${backup.reason ?? 'the server stores no license text to keep'}.`;
  return {
    current,
    lostWhen,
    warning:
      (lostWhen === 'now'
        ? `Replaces ${current}, which is active now. If the server rejects the new license, nothing stays active: ${name} stops at once.`
        : `Replaces ${current}, which is active now. If the server rejects the new license, ${name} stays active only until Rocket.Chat next restarts; after that, none is.`) +
      (countsDown(serverVersion) ? READ_ONLY_AGAIN : '') +
      kept,
    afterRejection:
      lostWhen === 'now'
        ? `${current}, which was active before, is no longer active: nothing is active now.`
        : `${current} is still active, but only until Rocket.Chat restarts: the server now stores the rejected license in its place.`,
  };
}
