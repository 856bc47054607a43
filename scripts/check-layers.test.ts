import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findLayerViolations } from './check-layers';

const temps: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => temps.splice(0).forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('layering check', () => {
  it('finds no violation in this repository', () => {
    expect(findLayerViolations(process.cwd())).toEqual([]);
  });

  it('catches core importing electron, statically or dynamically', () => {
    const root = tree({
      'main/core/a.ts': "import { app } from 'electron';\n",
      'main/core/b.ts': "const e = require('electron');\n",
      'main/core/c.ts': "export const x = await import('electron/main');\n",
      'main/core/ok.ts': "import { readFile } from 'node:fs';\nimport { x } from './a';\n",
    });
    const v = findLayerViolations(root);
    expect(v.map((x) => x.file).sort()).toEqual(['main/core/a.ts', 'main/core/b.ts', 'main/core/c.ts']);
    expect(v[0].rule).toMatch(/must not import electron/);
  });

  it('catches core importing its own modules lazily; a package may be', () => {
    const root = tree({
      'main/core/a.ts': "export const r = () => import('./b');\n",
      'main/core/b.ts': "export const u = () => import('undici');\nexport const c = require('./a');\n",
      'main/core/b.test.ts': "await import('./a');\n",
    });
    expect(findLayerViolations(root).map((v) => `${v.file}:${v.specifier}`)).toEqual(['main/core/a.ts:./b']);
  });

  it('catches core reaching up into the Electron shell', () => {
    const root = tree({ 'main/core/a.ts': "import { registerIpc } from '../ipc';\n", 'main/ipc.ts': '' });
    expect(findLayerViolations(root)).toMatchObject([{ file: 'main/core/a.ts', specifier: '../ipc' }]);
  });

  it('catches shipping code in main/ importing the simulator or a test kit; tests may', () => {
    const root = tree({
      'main/core/installs/a.ts': "import { useFlowKit } from '../../../e2e/support/flow-kit';\n",
      'main/cli/b.ts': "const s = await import('../../e2e/simulator/simulator');\n",
      'main/core/installs/a.test.ts': "import { useFlowKit } from '../../../e2e/support/flow-kit';\n",
      'e2e/support/flow-kit.ts': '',
      'e2e/simulator/simulator.ts': '',
    });
    const v = findLayerViolations(root);
    expect(v.map((x) => x.file).sort()).toEqual(['main/cli/b.ts', 'main/core/installs/a.ts']);
    expect(v[0].rule).toMatch(/must not import e2e/);
  });

  it('catches the renderer importing Node, main code, or contract values', () => {
    const root = tree({
      'renderer/src/a.ts': "import { readFileSync } from 'fs';\n",
      'renderer/src/b.svelte': "<script lang=\"ts\">\n  import { join } from 'node:path';\n</script>\n",
      'renderer/src/c.ts': "import { fail } from '../../main/core/errors';\n",
      'renderer/src/d.ts': "import { CALL_NAMES } from '../../main/core/contract';\n",
      'renderer/src/ok.ts': "import type { Calls } from '../../main/core/contract';\nimport { mount } from 'svelte';\n",
      'renderer/src/words.ts': "import { STATUS_WORD } from '../../main/core/vocabulary';\n",
    });
    const v = findLayerViolations(root);
    expect(v.map((x) => `${x.file}:${x.line}`).sort()).toEqual(['renderer/src/a.ts:1', 'renderer/src/b.svelte:2', 'renderer/src/c.ts:1', 'renderer/src/d.ts:1']);
    expect(v.find((x) => x.file.endsWith('d.ts'))?.rule).toMatch(/only types/);
  });

  it('lets the window bundle the vocabulary only while it imports nothing but types', () => {
    const ok = tree({ 'main/core/vocabulary.ts': "import type { Evidence } from './installs/types';\nexport const W = 1;\n", 'renderer/src/a.ts': "import { W } from '../../main/core/vocabulary';\n" });
    expect(findLayerViolations(ok)).toEqual([]);
    const heavy = tree({ 'main/core/vocabulary.ts': "import { fail } from './errors';\nexport const W = 1;\n", 'main/core/errors.ts': '' });
    expect(findLayerViolations(heavy)).toMatchObject([{ file: 'main/core/vocabulary.ts', rule: expect.stringMatching(/only types/) }]);
  });
});
