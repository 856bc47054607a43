// What one `rc-license` command is: everything its help says, and what it does. Each command is one
// module in commands/ exporting one of these; registry.ts lists them, and help, "did you mean",
// the README's command list and the bench are made from that list.
import type { ParseArgsConfig } from 'node:util';
import type { Records } from '../core/installs/records';
import type { Installer } from '../core/installer';
import type { ExitCode } from './exit-codes';
import type { Speaker } from './speak';
import type { Io, Paint } from './terminal';

export interface OptionSpec {
  /** Without the dashes: 'server'. */
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help: 'URL'. */
  value?: string;
  help: string;
}

export interface CommandDefinition {
  name: string;
  /** One line, for the command list. */
  summary: string;
  /** The usage lines, each beginning `rc-license NAME`. */
  usage: string[];
  /** What it does, in a few sentences (the help's paragraph). */
  description: string;
  options: OptionSpec[];
  /** The exit codes it can give, each with what it means for this command. */
  exits: Array<[ExitCode, string]>;
  examples: string[];
  /** Whether it can run with no workspace at all (nothing but the license engine is loaded). */
  offline?: boolean;
  run(context: CommandContext): Promise<ExitCode>;
}

export interface CommandContext {
  io: Io;
  paint: Paint;
  /** The parsed options (union of every command's). */
  values: Values;
  /** Positional arguments after the command's name. */
  args: string[];
  json: boolean;
  /** One JSON object on stdout. */
  out(o: object): void;
  /** The installer over the data folder and the keychain (loaded on first use, closed at the end). */
  open(): Promise<Installer>;
  /** Only the record on this machine (jobs, kept licenses, receipts): what `history` and
   * `receipt` need, without loading the HTTP client, the keychain or license verification. */
  records(): Promise<Records>;
  /** A personal access token given in RC_USER_ID / RC_AUTH_TOKEN, for unattended runs. */
  envUser: string | undefined;
  /** The columns to wrap at: 80, or the terminal's where wider. */
  width: number;
  /** The language everything but --json is printed in. */
  speak: Speaker;
}

export type Values = Record<string, string | boolean | undefined>;

/** The options shared by commands that reach a workspace. */
export const CONNECTION_OPTIONS: OptionSpec[] = [
  { name: 'server', type: 'string', value: 'URL', help: 'the workspace (https://host[:port][/path])' },
  { name: 'ca', type: 'string', value: 'FILE', help: 'trust a private CA for this workspace' },
  { name: 'pin', type: 'string', value: 'SHA256', help: 'trust this certificate fingerprint (any case; spaces or colons allowed)' },
  { name: 'timeout', type: 'string', value: 'SECONDS', help: 'how long to wait for each answer' },
  { name: 'proxy', type: 'string', value: 'URL', help: 'reach the workspace through this HTTP proxy' },
];

export const JSON_OPTION: OptionSpec = { name: 'json', type: 'boolean', help: 'one JSON object on stdout' };

/** Every command accepts these. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'help', type: 'boolean', short: 'h', help: "this help, or a command's" },
  { name: 'version', type: 'boolean', short: 'V', help: 'the version' },
  { name: 'lang', type: 'string', value: 'LANG', help: 'print in en, pt-BR, de, es, fr or ar (else RC_LICENSE_LANG, LANGUAGE, LC_ALL, LC_MESSAGES, LANG)' },
];

/** node:util's parseArgs options for every option any command has (one meaning per name). */
export function parseConfig(commands: readonly CommandDefinition[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of [...GLOBAL_OPTIONS, ...commands.flatMap((c) => c.options)]) {
    const seen = options[o.name];
    if (seen && (seen.type !== o.type || seen.short !== o.short)) throw new Error(`--${o.name} is declared twice with different types`);
    options[o.name] = { type: o.type, ...(o.short ? { short: o.short } : {}) };
  }
  return options;
}
