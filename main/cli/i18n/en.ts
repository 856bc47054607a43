// rc-license's own words in English (the core's sentences are in main/core/i18n): the source the
// other languages are checked against.
import type { Fmt } from '../../core/i18n/format';

const en = {
  'inspect.license': () => 'License',
  'inspect.customer': () => 'Customer',
  'inspect.sha256': () => 'SHA-256',
  'inspect.signature': () => 'Signature',
  'inspect.valid': () => 'Valid',
  'inspect.for': () => 'For',
  'inspect.limits': () => 'Limits',
  'inspect.modules': () => 'Modules',
  'inspect.trial': () => ' (trial)',
  'inspect.genuine': () => 'Rocket.Chat (genuine)',
  'inspect.additionalKey': (p: { fingerprint: string }) => `additional key ${p.fingerprint}… (not Rocket.Chat's)`,
  'inspect.fromIssue': () => 'from issue',
  'inspect.noEnd': () => 'no end date',
  'inspect.period': (p: { from: string; until: string }, f: Fmt) => `${f.day(p.from)} → ${f.day(p.until)}`,
  'inspect.rule': (p: { value: string; type: string }) => `${p.value} (${p.type})`,
  'inspect.limit': (p: { label: string; max: string }) => `${p.label} ${p.max}`,
  'inspect.unlimited': () => 'unlimited',
  'inspect.none': () => 'none',
  'inspect.list': (p: { items: readonly string[] }, f: Fmt) => f.list(p.items, 'unit'),

  'status.workspace': () => 'Workspace',
  'status.current': () => '  (current: --server may be left out)',
  'status.rocketchat': () => 'Rocket.Chat',
  'status.siteUrl': () => 'Site URL',
  'status.fromAddress': (p: { url: string }) => `From the address: ${p.url}`,
  'status.guessed': () => ' (from the address; sign in as admin to read the setting)',
  'status.sha256': () => 'SHA-256',
  'status.forRequests': () => '  (for air-gapped license requests)',
  'status.signedIn': () => 'Signed in',
  'status.admin': () => ' (admin)',
  'status.token': () => ', token',
  'status.fromEnv': (p: { user: string }) => `as ${p.user} (from RC_USER_ID)`,
  'status.no': () => 'no',
  'status.license': () => 'License',
  'status.readOnly': () => 'Read-only',
  'status.clock': () => 'Clock',
  'status.sentence': (p: { label: string; text: string }) => `${p.label}: ${p.text}`,

  'error.label': () => 'Error:',
  'error.trustWith': () => "Once the fingerprint matches the server's, trust it with:",
  'error.restoreAnyway': () => 'To restore anyway:',
  'error.confirmNew': () => "If the server's administrator confirms the new certificate, trust it with:",
  'cert.subject': () => 'Subject',
  'cert.issuer': () => 'Issuer',
  'cert.valid': () => 'Valid',
  'cert.selfSigned': () => ' (self-signed)',
  'cert.trusted': () => 'trusted',
  'cert.now': () => 'now',
  'usage.unknownLanguage': (p: { lang: string; languages: readonly string[] }, f: Fmt) => `Unknown language "${p.lang}". rc-license speaks ${f.list(p.languages, 'or')}.`,
};

export default en;
export type CliSource = typeof en;
