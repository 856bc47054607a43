import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

// Every path docs/ARCHITECTURE.md names in backticks: a moved or renamed file fails here, so the
// map never sends a newcomer to a file that is not there.
describe('docs/ARCHITECTURE.md', () => {
  const text = readFileSync('docs/ARCHITECTURE.md', 'utf8');
  const paths: string[] = [];
  // A bare file name in the "Where each noun lives" table belongs to that row's folder.
  for (const line of text.split('\n')) {
    const folder = /^\| [^|]+ \| `(main\/[\w/-]+\/)` \|/.exec(line)?.[1];
    for (const [, p] of line.matchAll(/`([\w./-]+\.(?:ts|svelte|md|mjs)|[\w.-]+\/[\w./-]*)`/g)) {
      if (p.includes('/')) paths.push(p);
      else if (folder) paths.push(folder + p);
    }
  }

  it('names files that exist', () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });

  it('names every folder of the core', () => {
    for (const folder of ['workspaces', 'license', 'installs', 'rocketchat', 'state']) expect(text).toContain(`main/core/${folder}/`);
  });
});
