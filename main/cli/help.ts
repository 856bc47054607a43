// Help made from the command registry, wrapped to the terminal (80 columns, or wider where the
// terminal is), and "did you mean" for a mistyped command or option.
import type { CommandDefinition, OptionSpec } from './command';
import { CONNECTION_OPTIONS, GLOBAL_OPTIONS, JSON_OPTION } from './command';
import { EXIT_MEANING } from './exit-codes';
import { ENGLISH_HELP, HELP_FRAME, type HelpSay } from './help-words';

export const MIN_WIDTH = 80;

/** The width to wrap at: 80, or the terminal's (COLUMNS, then the TTY's) where wider. */
export function widthOf(env: NodeJS.ProcessEnv, columns?: number): number {
  const asked = Number(env.COLUMNS) || columns || MIN_WIDTH;
  return Math.max(MIN_WIDTH, Math.floor(asked));
}

/**
 * `text` as lines of at most `width` characters; each line after the first starts with `indent`
 * spaces (the first is assumed to sit after a label of that width). Words longer than a line are
 * never split: a URL or a fingerprint stays whole on a line of its own.
 */
export function wrap(text: string, width = MIN_WIDTH, indent = 0, words: string[] = text.split(/ +/)): string {
  const room = Math.max(20, width - indent);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** A two-column list ("  --server URL  the workspace…"), the second column wrapped under itself. */
function table(rows: Array<[string, string]>, width: number, gap = 2): string[] {
  const left = Math.min(Math.max(...rows.map(([l]) => l.length)), 24);
  return rows.map(([l, r]) => {
    const label = `  ${l}`;
    if (l.length > left) return `${label}\n${' '.repeat(left + 2 + gap)}${wrap(r, width, left + 2 + gap)}`;
    return `${label.padEnd(left + 2 + gap)}${wrap(r, width, left + 2 + gap)}`;
  });
}

const optionLabel = (o: OptionSpec) => `--${o.name}${o.value ? ` ${o.value}` : ''}`;

/** `rc-license help CMD` and `rc-license CMD --help`, in a language (`say`). */
export function commandHelp(c: CommandDefinition, width = MIN_WIDTH, say: HelpSay = ENGLISH_HELP): string {
  const frame = (k: keyof typeof HELP_FRAME) => say(k, HELP_FRAME[k]);
  // Each label's column as wide as the label in this language.
  const usageLabel = `${frame('frame.usage')} `;
  const exampleLabel = `${frame('frame.example')} `;
  const exitLabel = `${frame('frame.exitCodes')} `;
  // An option and its value ("[--code CODE]") stay on one line.
  const usageLine = (u: string) => wrap(u, width, usageLabel.length + 2, u.match(/\[[^\]]*\]|\S+/g) ?? []);
  const usage = c.usage.map((u, i) => `${i === 0 ? usageLabel : ' '.repeat(usageLabel.length)}${usageLine(u)}`);
  const examples = c.examples.map((e, i) => `${i === 0 ? exampleLabel : ' '.repeat(exampleLabel.length)}${e}`);
  return [
    ...usage,
    '',
    wrap(say(`cmd.${c.name}.description`, c.description), width),
    ...(c.options.length ? ['', frame('frame.options'), ...table(c.options.map((o) => [optionLabel(o), say(`opt.${o.name}`, o.help)]), width)] : []),
    '',
    ...c.exits.map(
      ([code, words], i) => `${i === 0 ? exitLabel : ' '.repeat(exitLabel.length)}${code}  ${wrap(say(`cmd.${c.name}.exit.${code}`, words), width, exitLabel.length + 3)}`,
    ),
    '',
    ...examples,
  ].join('\n');
}

/** `rc-license --help`: every command, the options most of them share, and every exit code. */
export function globalHelp(commands: readonly CommandDefinition[], width = MIN_WIDTH, say: HelpSay = ENGLISH_HELP): string {
  const frame = (k: keyof typeof HELP_FRAME) => say(k, HELP_FRAME[k]);
  const common = [...CONNECTION_OPTIONS, JSON_OPTION, ...GLOBAL_OPTIONS];
  return [
    `${frame('frame.usage')} rc-license <command> [arguments] [options]`,
    '',
    wrap(frame('frame.tagline'), width),
    '',
    frame('frame.commands'),
    ...table(commands.map((c) => [c.name, say(`cmd.${c.name}.summary`, c.summary)]), width),
    '',
    frame('frame.common'),
    ...table(common.map((o) => [`${o.short ? `-${o.short}, ` : ''}${optionLabel(o)}`, say(`opt.${o.name}`, o.help)]), width),
    '',
    wrap(frame('frame.unattended'), width),
    '',
    frame('frame.exitCodes'),
    ...table(Object.entries(EXIT_MEANING).map(([code, words]) => [code, say(`exit.${code}`, words)]), width),
    '',
    wrap(frame('frame.more'), width),
  ].join('\n');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The nearest name within two edits (or a prefix of one), else null. */
export function nearest(typed: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of names) {
    const d = name.startsWith(typed) && typed.length >= 2 ? 1 : distance(typed, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}
