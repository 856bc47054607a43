// rc-license's help, keyed: the English comes from the command registry (each command's summary,
// description and exit codes, each option's help) and the frame around them; another language's
// help catalog (main/cli/i18n/help-<lang>.ts) gives the same keys in its words. Loaded only for a
// language other than English, so `rc-license --help` in English loads nothing more.
import type { CommandDefinition } from './command';
import { CONNECTION_OPTIONS, GLOBAL_OPTIONS, JSON_OPTION } from './command';
import { EXIT_MEANING } from './exit-codes';

export const HELP_FRAME = {
  'frame.usage': 'Usage:',
  'frame.example': 'Example:',
  'frame.options': 'Options:',
  'frame.exitCodes': 'Exit codes:',
  'frame.commands': 'Commands:',
  'frame.common': 'Common options:',
  'frame.tagline':
    'Installs a Rocket.Chat Enterprise license into a workspace that cannot reach the internet, checks it before sending, and reads back from the server whether it took effect.',
  'frame.unattended': 'Unattended runs: set RC_USER_ID and RC_AUTH_TOKEN (a personal access token) instead of signing in.',
  'frame.more': 'rc-license help COMMAND (or COMMAND --help): its options, exit codes and an example.',
} as const;

/** Every key the help uses, with its English. */
export function helpSource(commands: readonly CommandDefinition[]): Record<string, string> {
  const out: Record<string, string> = { ...HELP_FRAME };
  for (const c of commands) {
    out[`cmd.${c.name}.summary`] = c.summary;
    out[`cmd.${c.name}.description`] = c.description;
    for (const [code, words] of c.exits) out[`cmd.${c.name}.exit.${code}`] = words;
  }
  for (const o of [...GLOBAL_OPTIONS, JSON_OPTION, ...CONNECTION_OPTIONS, ...commands.flatMap((c) => c.options)]) out[`opt.${o.name}`] = o.help;
  for (const [code, words] of Object.entries(EXIT_MEANING)) out[`exit.${code}`] = words;
  return out;
}

/** Says a help key: the language's words, else the English given. */
export type HelpSay = (key: string, english: string) => string;
export const ENGLISH_HELP: HelpSay = (_key, english) => english;

export const HELP_LOADERS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  'pt-BR': () => import('./i18n/help-pt-BR'),
  de: () => import('./i18n/help-de'),
  es: () => import('./i18n/help-es'),
  fr: () => import('./i18n/help-fr'),
  ar: () => import('./i18n/help-ar'),
};
