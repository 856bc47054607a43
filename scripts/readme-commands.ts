// The README's list of `rc-license` commands, made from the CLI's registry (main/cli/registry.ts):
// each command's first example and its summary. `node --import tsx scripts/readme-commands.ts
// --write` puts it between the README's markers; scripts/readme-commands.test.ts fails when they
// differ, so the README never lists a command the CLI does not have, or leaves one out.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COMMANDS } from '../main/cli/registry';

export const BEGIN = '<!-- rc-license commands: made by scripts/readme-commands.ts -->';
export const END = '<!-- /rc-license commands -->';

export function readmeCommandBlock(): string {
  const lines = COMMANDS.map((c) => [`npx ${c.examples[0]}`, c.summary] as const);
  const width = Math.max(...lines.map(([l]) => l.length));
  return ['```sh', ...lines.map(([l, s]) => `${l.padEnd(width)}  # ${s}`), '```'].join('\n');
}

export function withBlock(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} markers`);
  return `${readme.slice(0, start + BEGIN.length)}\n${readmeCommandBlock()}\n${readme.slice(end)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const path = resolve(import.meta.dirname ?? '.', '../README.md');
  const next = withBlock(readFileSync(path, 'utf8'));
  if (process.argv.includes('--write')) writeFileSync(path, next);
  else process.stdout.write(readmeCommandBlock() + '\n');
}
