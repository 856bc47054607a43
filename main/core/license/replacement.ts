// What happens to the license that is active now when another is sent. 6.5+ clears the license
// data before validating the new one (ee/packages/license/src/license.ts, setLicenseV3 →
// clearLicenseData), so a rejected license leaves nothing active at once; ≤6.4 keeps the old one
// in memory, but the setting now holds the rejected text, so it is gone at the next restart
// (spec §5.11). Said the same way in the confirmation, the CLI prompt, the result and the receipt.
import type { Replacement } from './types';
import type { ActiveLicenseState } from '../rocketchat/types';
import { english, say, type Msg } from '../i18n/say';

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

/** "ACME-2026-001 (120 seats, until 2026-12-31)" — or "the active license" when it has no id. */
export function activeMsg(active: ActiveLicenseState): Msg {
  const facts = [
    ...(active.seats !== null ? [say('replace.seats', { n: active.seats })] : []),
    ...(active.validUntil ? [say('replace.until', { day: active.validUntil })] : []),
  ];
  const name = active.id ?? say('replace.theActive');
  return facts.length ? say('replace.withFacts', { name, facts }) : say('replace.name', { name });
}
export function describeActive(active: ActiveLicenseState): string {
  return english(activeMsg(active));
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
  const current = activeMsg(active);
  const lostWhen = clearsAtOnce(serverVersion) ? 'now' : 'restart';
  const name = active.id ?? say('replace.theCurrent');
  const kept = !backup
    ? say('empty')
    : backup.possible
      ? say('replace.kept', { name })
      : say('replace.noBackup', { reason: backup.reason ?? say('replace.nothingStored') });
  const warning = say(lostWhen === 'now' ? 'replace.warningNow' : 'replace.warningRestart', {
    current,
    name,
    readOnly: countsDown(serverVersion) ? say('replace.readOnlyAgain') : say('empty'),
    kept,
  });
  const afterRejection = say(lostWhen === 'now' ? 'replace.afterNow' : 'replace.afterRestart', { current });
  return {
    current: english(current),
    lostWhen,
    warning: english(warning),
    afterRejection: english(afterRejection),
    currentMsg: current,
    warningMsg: warning,
    afterRejectionMsg: afterRejection,
  };
}
