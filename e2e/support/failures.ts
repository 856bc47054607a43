// Helpers for the core's tests (only test files import this; nothing ships it).
import { AppFailure } from '../../main/core/errors';

/** The AppFailure `fn` throws. Anything else thrown, or nothing thrown, fails the test. */
export function failureOf(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected an AppFailure, and nothing was thrown');
}

/** The AppFailure `promise` rejects with. Any other rejection, or a value, fails the test. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected an AppFailure, and the promise resolved');
}
