// How a failure becomes the value a technician reads: the code, the words, the detail of this
// occurrence and the fix — and nothing else (no stack, no empty fields crossing IPC).
import { describe, expect, it } from 'vitest';
import { AppFailure, ERROR_CODES, ERROR_TEXT, describeError, fail, isAppFailure, ok, settle, toAppError } from './errors';

describe('AppFailure', () => {
  it('carries the code, the words for it and the fix; fields it was not given are absent, not undefined', () => {
    const e = new AppFailure('BUSY').toError();
    expect(e).toStrictEqual({ code: 'BUSY', message: ERROR_TEXT.BUSY.message, fix: ERROR_TEXT.BUSY.fix });
    expect(Object.keys(e)).toEqual(['code', 'message', 'fix']);
  });

  it('keeps the detail and data of this occurrence, and a message given instead of the usual words', () => {
    const e = new AppFailure('RATE_LIMITED', 'Wait 42 s.', { waitSeconds: 42 }, 'Too many tries.');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('AppFailure');
    expect(e.toError()).toStrictEqual({ code: 'RATE_LIMITED', message: 'Too many tries.', detail: 'Wait 42 s.', fix: ERROR_TEXT.RATE_LIMITED.fix, data: { waitSeconds: 42 } });
  });

  it('an empty detail is still this occurrence\'s detail', () => {
    expect(new AppFailure('SERVER_ERROR', '').toError()).toHaveProperty('detail', '');
  });

  it('fail() throws it, and isAppFailure() tells it from any other throw', () => {
    let thrown: unknown;
    try {
      fail('WORKSPACE_UNKNOWN', 'ws-1', { id: 'ws-1' });
    } catch (e) {
      thrown = e;
    }
    expect(isAppFailure(thrown)).toBe(true);
    expect((thrown as AppFailure).toError()).toMatchObject({ code: 'WORKSPACE_UNKNOWN', detail: 'ws-1', data: { id: 'ws-1' } });
    expect(isAppFailure(new Error('WORKSPACE_UNKNOWN'))).toBe(false);
    expect(isAppFailure({ code: 'BUSY', message: 'x' })).toBe(false);
  });

  it('every code has words to read and a fix, each a sentence', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_TEXT[code].message, code).toMatch(/^[A-Z].*\.$/s);
      expect(ERROR_TEXT[code].fix, code).toMatch(/^[A-Z].*\.$/s);
    }
  });
});

describe('toAppError', () => {
  it('an AppFailure keeps its code', () => {
    expect(toAppError(new AppFailure('TIMEOUT', '10 s'))).toMatchObject({ code: 'TIMEOUT', detail: '10 s' });
  });

  it('anything else is INTERNAL with its message as the detail and never its stack', () => {
    const error = new TypeError('x is not a function');
    const e = toAppError(error);
    expect(e).toStrictEqual({ code: 'INTERNAL', message: ERROR_TEXT.INTERNAL.message, detail: 'x is not a function', fix: ERROR_TEXT.INTERNAL.fix });
    expect(JSON.stringify(e)).not.toContain('at ');
  });

  it('a thrown string or value is described as text', () => {
    expect(toAppError('disk gone')).toMatchObject({ code: 'INTERNAL', detail: 'disk gone' });
    expect(toAppError(42)).toMatchObject({ code: 'INTERNAL', detail: '42' });
    expect(toAppError(undefined)).toMatchObject({ code: 'INTERNAL', detail: 'undefined' });
  });
});

describe('settle and ok', () => {
  it('a value, sync or async, is { ok: true, value }', async () => {
    expect(ok(3)).toStrictEqual({ ok: true, value: 3 });
    expect(await settle(() => 'a')).toStrictEqual({ ok: true, value: 'a' });
    expect(await settle(async () => 'b')).toStrictEqual({ ok: true, value: 'b' });
  });

  it('a throw, sync or async, is { ok: false, error } and never escapes', async () => {
    expect(await settle(() => fail('JOB_UNKNOWN', 'j-1'))).toStrictEqual({ ok: false, error: new AppFailure('JOB_UNKNOWN', 'j-1').toError() });
    expect(await settle(async () => Promise.reject(new Error('boom')))).toMatchObject({ ok: false, error: { code: 'INTERNAL', detail: 'boom' } });
  });
});

describe('describeError', () => {
  it('joins the message, the detail and the fix with dashes, leaving out what is missing or empty', () => {
    expect(describeError({ code: 'TIMEOUT', message: 'M.', detail: 'D.', fix: 'F.' })).toBe('M. — D. — F.');
    expect(describeError({ code: 'TIMEOUT', message: 'M.', fix: 'F.' })).toBe('M. — F.');
    expect(describeError({ code: 'TIMEOUT', message: 'M.', detail: '', fix: 'F.' })).toBe('M. — F.');
    expect(describeError({ code: 'TIMEOUT', message: 'M.' })).toBe('M.');
  });
});
