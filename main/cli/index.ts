// `rc-license`: the installer's core from a terminal — the same code as the app, for SSH sessions,
// install scripts and machines where a window is not an option. This file reads the arguments,
// finds the command in the registry, runs it, and turns whatever went wrong into words and an
// exit code. What each command does is in commands/.
import { parseArgs } from 'node:util';
import { toAppError, type AppError } from '../core/errors';
import type { Speaker } from './speak';
import type { Installer } from '../core/installer';
import { parseFingerprint } from '../core/workspaces/fingerprint';
import { parseConfig, type CommandContext, type Values } from './command';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { commandHelp, globalHelp, nearest, widthOf } from './help';
import { ENGLISH_HELP, HELP_LOADERS, type HelpSay } from './help-words';
import { certificateLines, fingerprintRows, pinCommand, wrapped } from './print';
import { COMMANDS, commandNamed } from './registry';
import { Declined, Usage, paint, type Io } from './terminal';

export { EXIT, exitCodeFor };
export type { Io };

const OPTIONS = parseConfig(COMMANDS);

function unknownCommand(name: string): string {
  const meant = nearest(name, COMMANDS.map((c) => c.name));
  return `Unknown command "${name}".${meant ? ` Did you mean "${meant}"? (rc-license help ${meant})` : ''}`;
}

/**
 * An error on stderr as a technician reads it, wrapped to the terminal — with the fingerprints to
 * compare when it is about trust, and the command that fixes it where there is one.
 */
function printError(io: Io, error: AppError, width: number, sp: Speaker): void {
  const { message, fix } = sp.error(error);
  const label = sp.t('error.label');
  const detail = error.detail === undefined ? undefined : sp.text({ message: error.detail, msg: error.detailMsg });
  io.stderr.write(`${paint(io).red(label)} ${wrapped([message, detail, fix].filter(Boolean).join(' — '), width, label.length + 1)}\n`);
  // Never "compare the fingerprint" without printing it.
  const fp = parseFingerprint(String(error.data?.fingerprint256 ?? ''));
  const baseUrl = typeof error.data?.baseUrl === 'string' ? error.data.baseUrl : null;
  if (error.code === 'TLS_UNTRUSTED' && fp) {
    io.stderr.write(`${certificateLines(error.data, sp)}\n`);
    if (baseUrl) io.stderr.write(`${sp.t('error.trustWith')}\n${pinCommand(baseUrl, fp)}\n`);
  }
  if (error.code === 'NEWER_LICENSE_ACTIVE' && error.data?.jobId) io.stderr.write(`${sp.t('error.restoreAnyway')}\n  rc-license restore ${error.data.jobId} --even-if-active\n`);
  if (error.code === 'CERT_CHANGED' && error.data?.expected && error.data.actual) {
    const actual = String(error.data.actual);
    io.stderr.write(`${fingerprintRows(sp.t('cert.trusted'), String(error.data.expected))}\n${fingerprintRows(sp.t('cert.now'), actual)}\n`);
    if (baseUrl) io.stderr.write(`${sp.t('error.confirmNew')}\n${pinCommand(baseUrl, actual)}\n`);
  }
}

/** The help's words in the language asked for: English unless a language is set (then the chooser
 * and that language's help catalog load; nothing more for --help in English). */
async function helpIn(v: Values, env: NodeJS.ProcessEnv): Promise<HelpSay> {
  const asked = typeof v.lang === 'string' ? v.lang : undefined;
  // English or the C locale everywhere (the usual server shell): nothing to load.
  const set = [asked, env.RC_LICENSE_LANG, env.LANGUAGE, env.LC_ALL, env.LC_MESSAGES, env.LANG].filter(Boolean) as string[];
  if (set.every((t) => /^(C|POSIX|en)([._@:-]|$)/i.test(t) && !/^en[_-]XA/i.test(t))) return ENGLISH_HELP;
  const { languageFromEnvironment } = await import('../core/i18n/choose');
  const { lang } = languageFromEnvironment(asked, env);
  if (lang === 'en-XA') {
    const { pseudoText } = await import('../core/i18n/pseudo');
    return (_key, english) => pseudoText(english);
  }
  const load = HELP_LOADERS[lang];
  if (!load) return ENGLISH_HELP;
  const words = (await load()).default;
  return (key, english) => words[key] ?? english;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let json = argv.includes('--json');
  const out = (obj: object) => io.stdout.write(JSON.stringify(obj) + '\n');
  const width = widthOf(io.env, io.stdout.columns);
  let installer: Installer | null = null;
  // Loaded once a command runs (help and --version print English without it: start-up budget).
  let sp: Speaker | null = null;
  const english = async () => (await import('./speak')).ENGLISH;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      // Node's own words ("Unknown option '--forse'…"), with the option meant when it is near one.
      const unknown = /Unknown option '(--?[\w-]+)'/.exec((e as Error).message)?.[1];
      const meant = unknown ? nearest(unknown.replace(/^-+/, ''), Object.keys(OPTIONS)) : null;
      throw new Usage(unknown ? `Unknown option ${unknown}.${meant ? ` Did you mean --${meant}?` : ''}` : (e as Error).message);
    }
    const v = parsed.values as Values;
    json = Boolean(v.json);
    const [name, ...args] = parsed.positionals;
    if (v.version) {
      io.stdout.write(`${(await import('../core/app-info')).getAppInfo('cli').version}\n`);
      return EXIT.ok;
    }
    if (name === 'help' || (v.help && name)) {
      const topic = name === 'help' ? args[0] : name;
      const command = topic ? commandNamed(topic) : undefined;
      const say = await helpIn(v, io.env);
      if (!topic) io.stdout.write(globalHelp(COMMANDS, width, say) + '\n');
      else if (command) io.stdout.write(commandHelp(command, width, say) + '\n');
      else throw new Usage(unknownCommand(topic));
      return EXIT.ok;
    }
    if (v.help || !name) {
      (v.help ? io.stdout : io.stderr).write(globalHelp(COMMANDS, width, await helpIn(v, io.env)) + '\n');
      return v.help ? EXIT.ok : EXIT.usage;
    }
    // The language: --lang, RC_LICENSE_LANG, then gettext's order. --json is the same in every language.
    const [{ speaker, ENGLISH }, { languageFromEnvironment, matchLanguage }, { LANGUAGES }] = await Promise.all([
      import('./speak'),
      import('../core/i18n/choose'),
      import('../core/i18n/format'),
    ]);
    if (typeof v.lang === 'string' && !matchLanguage(v.lang)) throw new Usage(ENGLISH.t('usage.unknownLanguage', { lang: v.lang, languages: [...LANGUAGES] }));
    const lang = languageFromEnvironment(typeof v.lang === 'string' ? v.lang : undefined, io.env).lang;
    sp = lang !== 'en' && !json ? await speaker(lang) : ENGLISH;
    const command = commandNamed(name);
    if (!command) throw new Usage(unknownCommand(name));
    const timeoutMs = v.timeout ? Number(v.timeout) * 1000 : undefined;
    if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new Usage('--timeout takes a number of seconds.');

    const envUser = io.env.RC_USER_ID;
    const envToken = io.env.RC_AUTH_TOKEN;
    if (Boolean(envUser) !== Boolean(envToken)) throw new Usage('Set both RC_USER_ID and RC_AUTH_TOKEN, or neither.');
    const context: CommandContext = {
      io,
      paint: paint(io),
      values: v,
      args,
      json,
      out,
      envUser,
      width,
      speak: sp,
      open: async () => {
        if (installer) return installer;
        const [{ Installer }, { KeytarSecretStore }, { defaultDataDir }, v8] = await Promise.all([
          import('../core/installer'),
          import('../core/workspaces/secret-store'),
          import('../core/state/files'),
          import('node:v8'),
        ]);
        // undici parses HTTP with llhttp compiled to WebAssembly, and V8's optimising compiler held
        // about 37 MB while tiering up llhttp's one huge function: most of a command's peak memory,
        // for the few small answers a command reads (perf issue: `apply` peaked at 101 MB, 64 MB
        // without). The baseline compiler parses them as well. V8 reads the flag when it compiles
        // WebAssembly, and none is compiled before undici loads at the first request. Only here:
        // the window's main process keeps V8's defaults, and commands that never reach a server
        // do not load node:v8.
        v8.setFlagsFromString('--liftoff-only');
        installer = new Installer({
          dataDir: defaultDataDir(io.env),
          keychain: new KeytarSecretStore(),
          timeoutMs,
          program: 'rc-license',
          fixedCredentials: envUser && envToken ? { userId: envUser, authToken: envToken } : undefined,
        });
        return installer;
      },
      records: async () => {
        const [{ Records }, { defaultDataDir }] = await Promise.all([import('../core/installs/records'), import('../core/state/files')]);
        return new Records(defaultDataDir(io.env));
      },
    };
    // Awaited here, not returned as a promise: the finally below closes the connections.
    return await command.run(context);
  } catch (e) {
    if (e instanceof Usage) {
      if (json) out({ ok: false, error: { code: 'USAGE', message: e.message } });
      else io.stderr.write(`${wrapped(e.message, width, 0)}\n\n${globalHelp(COMMANDS, width)}\n`);
      return EXIT.usage;
    }
    if (e instanceof Declined) {
      if (json) out({ ok: false, error: { code: 'DECLINED', message: e.message } });
      else io.stderr.write(`${wrapped(e.message, width, 0)}\n`);
      return EXIT.declined;
    }
    const error = toAppError(e);
    if (json) out({ ok: false, error: { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}), ...(error.data ? { data: error.data } : {}) } });
    else printError(io, error, width, sp ?? (await english()));
    return exitCodeFor(error.code) as ExitCode;
  } finally {
    await (installer as Installer | null)?.close();
  }
}

/** The process entry (bin.ts): real streams, EPIPE handled, the exit code set. */
export function runFromProcess(): void {
  // `rc-license inspect FILE | head -1`: a reader that goes away ends the command quietly, as
  // `git log | head` does, instead of a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
      throw e;
    });
  }
  // A running installation takes the first Ctrl-C itself (jobs.ts) and is recorded as
  // interrupted; otherwise — or at a second Ctrl-C — the process ends at once, as by default.
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) === 1 || ++signals > 1) process.exit(signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);
    });
  }
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signals: process }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`Unexpected error: ${(e as Error).message}\n`);
      process.exitCode = EXIT.unexpected;
    },
  );
}
