// Runtime validation of every call's input. Typed against the contract, so a call added there
// without a schema here is a compile error.
import { z } from 'zod';
import type { CallInput, CallName } from './contract';

const none = z.union([z.undefined(), z.null()]).transform(() => undefined);

export const inputSchemas: { [K in CallName]: z.ZodType<CallInput<K>, unknown> } = {
  'app.info': none,
  'keychain.status': none,
};

/** Zod's issues as one sentence naming the field, for INVALID_INPUT's detail. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
