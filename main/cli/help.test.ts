import { describe, expect, it } from 'vitest';
import { COMMANDS } from './registry';
import { commandHelp, globalHelp, nearest, widthOf, wrap } from './help';
import { parseConfig } from './command';
import { HELP_LOADERS } from './help-words';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('help made from the registry', () => {
  it.each(COMMANDS.map((c) => c.name))('help %s fits 80 columns and names every option and exit code of the command', (name) => {
    const c = COMMANDS.find((x) => x.name === name)!;
    const text = commandHelp(c);
    expect(widest(text)).toBeLessThanOrEqual(80);
    for (const o of c.options) expect(text).toContain(`--${o.name}`);
    for (const [code, words] of c.exits) expect(text).toMatch(new RegExp(`^(Exit codes: | {12})${code}  ${words.split(' ')[0].replace(/[()]/g, '\\$&')}`, 'm'));
    expect(text).toContain(`Example: ${c.examples[0]}`);
  });

  it('--help lists every command once, with its summary, within 80 columns', () => {
    const text = globalHelp(COMMANDS);
    expect(widest(text)).toBeLessThanOrEqual(80);
    for (const c of COMMANDS) expect(text.match(new RegExp(`^  ${c.name} +${c.summary.replace(/[()?]/g, '\\$&')}$`, 'm')), c.name).not.toBeNull();
  });

  it('in every language, every command\'s help and --help fit 80 columns, in that language\'s words', async () => {
    for (const [lang, load] of Object.entries(HELP_LOADERS)) {
      const words = (await load()).default;
      const say = (key: string, english: string) => words[key] ?? english;
      const all = globalHelp(COMMANDS, 80, say);
      expect(widest(all), lang).toBeLessThanOrEqual(80);
      expect(all).toContain(words['frame.commands']);
      for (const c of COMMANDS) {
        const text = commandHelp(c, 80, say);
        expect(widest(text), `${lang} ${c.name}`).toBeLessThanOrEqual(80);
        expect(text).toContain(words[`cmd.${c.name}.exit.${c.exits[0][0]}`].split(' ')[0]);
      }
    }
  });

  it('a wider terminal is used (COLUMNS, then the TTY), never a narrower one', () => {
    expect(widthOf({ COLUMNS: '120' }, 100)).toBe(120);
    expect(widthOf({}, 132)).toBe(132);
    expect(widthOf({ COLUMNS: '40' })).toBe(80);
    expect(widthOf({})).toBe(80);
    const wide = commandHelp(COMMANDS.find((c) => c.name === 'verify')!, 200);
    expect(wide.split('\n').length).toBeLessThan(commandHelp(COMMANDS.find((c) => c.name === 'verify')!).split('\n').length);
  });

  it('wraps prose at word boundaries and never splits a long word (a URL, a fingerprint)', () => {
    const fp = 'F35A38A2'.repeat(8);
    const text = wrap(`compare ${fp} with the one the administrator reads`, 40, 2);
    expect(text.split('\n')).toContain(`  ${fp}`);
    expect(text.split('\n').every((l) => l.length <= 40 || l.trim() === fp)).toBe(true);
  });

  it('every option has one meaning across commands, and a mistyped one is suggested', () => {
    const options = parseConfig(COMMANDS);
    expect(options.yes).toEqual({ type: 'boolean', short: 'y' });
    expect(nearest('forse', Object.keys(options))).toBe('force');
    expect(nearest('aply', COMMANDS.map((c) => c.name))).toBe('apply');
    expect(nearest('zzzzzz', COMMANDS.map((c) => c.name))).toBeNull();
    expect(() => parseConfig([{ ...COMMANDS[0], options: [{ name: 'json', type: 'string', help: '' }] }, ...COMMANDS])).toThrow(/declared twice/);
  });
});
