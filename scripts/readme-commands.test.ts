import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { COMMANDS } from '../main/cli/registry';
import { BEGIN, END, readmeCommandBlock, withBlock } from './readme-commands';

describe("the README's command list", () => {
  const readme = readFileSync('README.md', 'utf8');

  it('is the one the registry makes (node --import tsx scripts/readme-commands.ts --write)', () => {
    expect(withBlock(readme)).toBe(readme);
  });

  it('names every command once, with its first example', () => {
    const block = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END));
    for (const c of COMMANDS) expect(block.split(`npx ${c.examples[0]} `).length - 1, c.name).toBe(1);
    expect(readmeCommandBlock().split('\n')).toHaveLength(COMMANDS.length + 2);
  });
});
