// What changes against the license active now: seats, modules, expiry — in the window's language.
import type { ActiveLicenseState, LicenseSummary } from '../../../main/core/contract';
import { i18n, t } from './i18n.svelte';
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
  const count = (n: number | null) => (n === null ? t('summary.unlimited') : String(n));
  if (nextSeats !== now.seats) {
    const more = nextSeats === null || (now.seats !== null && nextSeats > now.seats);
    changes.push({ what: t('changes.seats'), detail: t('changes.from', { from: count(now.seats), to: count(nextSeats) }), tone: more ? 'ok' : 'warn' });
  }
  const added = next.modules.filter((m) => !now.modules.includes(m));
  const removed = now.modules.filter((m) => !next.modules.includes(m));
  if (added.length) changes.push({ what: t('changes.modulesAdded'), detail: i18n.fmt.list(added.map(moduleName), 'unit'), tone: 'ok' });
  if (removed.length) changes.push({ what: t('changes.modulesRemoved'), detail: i18n.fmt.list(removed.map(moduleName), 'unit'), tone: 'warn' });
  if (next.validUntil !== null && now.validUntil !== null && next.validUntil.slice(0, 10) !== now.validUntil.slice(0, 10)) {
    const longer = Date.parse(next.validUntil) > Date.parse(now.validUntil);
    const span = { from: i18n.fmt.day(now.validUntil), to: i18n.fmt.day(next.validUntil) };
    changes.push({ what: t('changes.expiry'), detail: t(longer ? 'changes.longer' : 'changes.shorter', span), tone: longer ? 'ok' : 'warn' });
  } else if (next.validUntil === null && now.validUntil !== null) {
    changes.push({ what: t('changes.expiry'), detail: t('changes.longer', { from: i18n.fmt.day(now.validUntil), to: t('summary.noEnd') }), tone: 'ok' });
  }
  if (!changes.length) changes.push({ what: t('changes.none'), detail: t('changes.noneDetail'), tone: 'neutral' });
  return changes;
}
