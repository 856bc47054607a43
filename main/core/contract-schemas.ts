// Runtime validation of every call's input. Typed against the contract, so a call added there
// without a schema here is a compile error.
import { z } from 'zod';
import type { CallInput, CallName } from './contract';
import { LANGUAGES } from './i18n/format';

const none = z.union([z.undefined(), z.null()]).transform(() => undefined);
const id = z.string().min(1).max(200);
const sha256 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 in hex');
const text = (max: number) => z.string().max(max);
// Generous bounds at the boundary; the license reader gives the specific "too large" answer.
const licenseSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), name: text(1000), base64: text(200_000).regex(/^[A-Za-z0-9+/]*={0,2}$/), size: z.number().int().nonnegative().optional() }).strict(),
  z.object({ kind: z.literal('text'), text: text(200_000) }).strict(),
]);
const trust = {
  pinnedSha256: sha256.nullable().optional(),
  caPem: text(100_000).nullable().optional(),
  caFileName: text(1000).nullable().optional(),
};

export const inputSchemas: { [K in CallName]: z.ZodType<CallInput<K>, unknown> } = {
  'app.info': none,
  'keychain.status': none,
  'workspace.list': none,
  'workspace.add': z.object({ url: text(2000).min(1), name: text(200).optional(), proxyUrl: text(2000).optional(), ...trust }).strict(),
  'workspace.connect': z.object({ workspaceId: id }).strict(),
  'workspace.update': z.object({ workspaceId: id, name: text(200).optional(), proxyUrl: text(2000).nullable().optional(), ...trust }).strict(),
  'workspace.remove': z.object({ workspaceId: id }).strict(),
  'auth.login': z
    .object({ workspaceId: id, user: text(500).min(1), password: text(10_000).min(1), code: text(20).optional(), sessionOnly: z.boolean().optional() })
    .strict(),
  'auth.token': z.object({ workspaceId: id, userId: text(500).min(1), token: text(10_000).min(1), sessionOnly: z.boolean().optional() }).strict(),
  'auth.logout': z.object({ workspaceId: id }).strict(),
  'license.inspect': z.object({ source: licenseSource, workspaceId: id.optional() }).strict(),
  'license.install': z.object({ workspaceId: id, sha256, force: z.boolean().optional(), waitSeconds: z.number().int().min(1).max(300).optional() }).strict(),
  'history.list': none,
  'history.get': z.object({ jobId: id }).strict(),
  'history.verify': z.object({ jobId: id }).strict(),
  'license.restore': z.object({ jobId: id, force: z.boolean().optional(), waitSeconds: z.number().int().min(1).max(300).optional(), evenIfActive: z.boolean().optional() }).strict(),
  'receipt.save': z.object({ jobId: id, format: z.enum(['html', 'json', 'pdf']), lang: z.enum([...LANGUAGES, 'en-XA']).optional() }).strict(),
  'file.open': none,
  'clipboard.write': z.object({ text: text(10_000) }).strict(),
};

/** Zod's issues as one sentence naming the field, for INVALID_INPUT's detail. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
