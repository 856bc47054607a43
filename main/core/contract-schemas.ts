// Runtime validation of every call's input. Typed against the contract, so a call added there
// without a schema here is a compile error.
import { z } from 'zod';
import type { CallInput, CallName } from './contract';

const none = z.union([z.undefined(), z.null()]).transform(() => undefined);
const id = z.string().min(1).max(200);
// Generous bounds at the boundary; the license reader gives the specific "too large" answer.
const licenseSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), name: z.string().max(1000), base64: z.string().max(200_000).regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().max(200_000) }).strict(),
]);

export const inputSchemas: { [K in CallName]: z.ZodType<CallInput<K>, unknown> } = {
  'app.info': none,
  'keychain.status': none,
  'license.inspect': z.object({ source: licenseSource, workspaceId: id.optional() }).strict(),
};

/** Zod's issues as one sentence naming the field, for INVALID_INPUT's detail. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
