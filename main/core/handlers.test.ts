import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, dispatch } from './handlers';
import { MemorySecretStore } from './workspaces/secret-store';
import { CALL_NAMES } from './contract';
import { inputSchemas } from './contract-schemas';
import pkg from '../../package.json' with { type: 'json' };

const dataDir = mkdtempSync(join(tmpdir(), 'handlers-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const handlers = createHandlers({ shell: 'cli', keychain: new MemorySecretStore(), dataDir });
const ctx = { emit: () => undefined };

describe('dispatch', () => {
  it('has a handler and an input schema for every call in the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.keys(inputSchemas).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('returns app.info as a value', async () => {
    const r = await dispatch(handlers, 'app.info', undefined, ctx);
    expect(r).toMatchObject({ ok: true, value: { version: pkg.version, node: process.versions.node, electron: null, shell: 'cli' } });
  });

  it('refuses an unknown call name', async () => {
    const r = await dispatch(handlers, 'fs.readFile', undefined, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', detail: expect.stringContaining('fs.readFile') } });
  });

  it('refuses input a call does not take', async () => {
    const r = await dispatch(handlers, 'keychain.status', { path: '/etc/passwd' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turns a thrown error into an INTERNAL value without a stack', async () => {
    const broken = { ...handlers, 'app.info': async () => { throw new Error('boom'); } };
    const r = await dispatch(broken, 'app.info', null, ctx);
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), detail: 'boom', fix: expect.any(String) } });
  });
});
