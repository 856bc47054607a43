// What changes against the license active now: seats, modules, expiry.
import type { ActiveLicenseState, LicenseSummary } from '../../../main/core/contract';
import { moduleName } from './modules';

export interface LicenseChange {
  what: string;
  detail: string;
  tone: 'ok' | 'warn' | 'neutral';
}

export function licenseChanges(next: LicenseSummary, now: ActiveLicenseState | null): LicenseChange[] {
  if (!now || !now.known || !now.valid) return [];
  const changes: LicenseChange[] = [];
  const seats = next.limits.find((l) => l.kind === 'activeUsers');
  const nextSeats = seats ? seats.max : null;
  if (nextSeats !== now.seats) {
    const more = nextSeats === null || (now.seats !== null && nextSeats > now.seats);
    changes.push({ what: 'Seats', detail: `${now.seats ?? 'unlimited'} → ${nextSeats ?? 'unlimited'}`, tone: more ? 'ok' : 'warn' });
  }
  const added = next.modules.filter((m) => !now.modules.includes(m));
  const removed = now.modules.filter((m) => !next.modules.includes(m));
  if (added.length) changes.push({ what: 'Modules added', detail: added.map(moduleName).join(', '), tone: 'ok' });
  if (removed.length) changes.push({ what: 'Modules removed', detail: removed.map(moduleName).join(', '), tone: 'warn' });
  if (next.validUntil !== null && now.validUntil !== null && next.validUntil.slice(0, 10) !== now.validUntil.slice(0, 10)) {
    const longer = Date.parse(next.validUntil) > Date.parse(now.validUntil);
    changes.push({ what: 'Expiry', detail: `${now.validUntil.slice(0, 10)} → ${next.validUntil.slice(0, 10)} (${longer ? 'longer' : 'shorter'})`, tone: longer ? 'ok' : 'warn' });
  } else if (next.validUntil === null && now.validUntil !== null) {
    changes.push({ what: 'Expiry', detail: `${now.validUntil.slice(0, 10)} → no end date (longer)`, tone: 'ok' });
  }
  if (!changes.length) changes.push({ what: 'No change', detail: 'Seats, modules and expiry are the same as the license active now.', tone: 'neutral' });
  return changes;
}
