// What each `rc-license` command does, its options, its exit codes and an example — for
// `rc-license help CMD` and `rc-license CMD --help` — and "did you mean" for typos.

export interface CommandHelp {
  usage: string;
  summary: string;
  options: Array<[string, string]>;
  exits: string;
  example: string;
}

const CONNECTION: Array<[string, string]> = [
  ['--server URL', 'the workspace (https://host[:port][/path])'],
  ['--ca FILE', 'trust a private CA for this workspace'],
  ['--pin SHA256', 'trust this certificate fingerprint (any case; spaces or colons allowed)'],
  ['--timeout SECONDS', 'how long to wait for each answer'],
  ['--proxy URL', 'reach the workspace through this HTTP proxy'],
];

export const COMMANDS: Record<string, CommandHelp> = {
  inspect: {
    usage: 'rc-license inspect <FILE|-> [--server URL] [--json]',
    summary: 'Reads a license offline: is it genuine, what does it grant. With --server, also whether it fits that workspace.',
    options: [['--json', 'one JSON object on stdout'], ...CONNECTION],
    exits: '0 genuine (and fits), 4 not a license, damaged, or does not fit, 5/6 the workspace cannot be asked',
    example: 'rc-license inspect ACME-2027.lic --server https://chat.plant7.lan',
  },
  login: {
    usage: 'rc-license login --server URL --user NAME [--password-stdin] [--code CODE]\n       rc-license login --server URL --user-id ID --token-stdin',
    summary: 'Signs in once; the session (or personal access token) is kept in the system keychain. Asks for the password and the two-factor code at a terminal.',
    options: [
      ['--user NAME', 'user name or e-mail'],
      ['--password-stdin', 'read the password from standard input (scripts)'],
      ['--code CODE', 'the two-factor code, when the account has one'],
      ['--user-id ID --token-stdin', 'a personal access token instead of a password'],
      ...CONNECTION,
    ],
    exits: '0 signed in, 3 wrong password, code or blocked account, 5 network or rate limit, 7 no keychain, 8 a prompt declined',
    example: 'rc-license login --server https://chat.plant7.lan --user admin',
  },
  logout: {
    usage: 'rc-license logout --server URL',
    summary: 'Signs out: a session is revoked on the server and forgotten; a personal access token is only forgotten here.',
    options: CONNECTION,
    exits: '0 signed out',
    example: 'rc-license logout --server https://chat.plant7.lan',
  },
  status: {
    usage: 'rc-license status --server URL [--json]',
    summary: 'What the workspace is: version, Site URL (and its SHA-256 for license requests), who is signed in, the license active now.',
    options: [['--json', 'one JSON object on stdout'], ...CONNECTION],
    exits: '0 answered, 5 network or TLS, 6 not Rocket.Chat, 8 certificate not trusted at the prompt',
    example: 'rc-license status --server https://chat.plant7.lan',
  },
  apply: {
    usage: 'rc-license apply <FILE|-> --server URL [--yes] [--force] [--wait SECONDS] [--json]',
    summary:
      'Checks the license against the workspace, keeps the license the workspace has now, sends the new one and asks the server until it says active or rejected. Exits 0 only when the server confirms it.',
    options: [
      ['--yes', 'do not ask before sending (scripts)'],
      ['--force', 'send even though a check failed'],
      ['--wait SECONDS', 'how long to ask the server for the outcome (default 20)'],
      ['--json', 'one JSON object on stdout'],
      ...CONNECTION,
    ],
    exits: '0 active, 3 sign-in or permission, 4 not sent (a check failed) or rejected, 5 network or rate limit, 7 the data folder cannot be written (nothing sent), 8 declined, 9 sent but not confirmed',
    example: 'rc-license apply ACME-2027.lic --server https://chat.plant7.lan',
  },
  restore: {
    usage: 'rc-license restore <JOB-ID> [--yes] [--wait SECONDS] [--json]',
    summary: 'Puts back the license that a job replaced (kept before it sent), through the same verified flow.',
    options: [
      ['--yes', 'do not ask before sending'],
      ['--wait SECONDS', 'how long to ask the server for the outcome'],
      ['--json', 'one JSON object on stdout'],
    ],
    exits: '0 active again, 2 no such job, 4 nothing kept or the backup is damaged, 8 declined, 9 not confirmed',
    example: 'rc-license restore 20271103-141500-a1b2',
  },
  verify: {
    usage: 'rc-license verify [JOB-ID] [--json]',
    summary:
      'Reads the server’s state for a job again — the last job that sent a license by default — and records what it says now: active, rejected, or still not confirmed. For a job whose outcome was unknown (the connection dropped, the laptop slept).',
    options: [['--json', 'one JSON object on stdout']],
    exits: '0 active, 2 no such job or it sent nothing, 3 sign-in, 4 rejected or not in force, 5 network, 9 still not confirmed',
    example: 'rc-license verify 20271103-141500-a1b2',
  },
  use: {
    usage: 'rc-license use <URL|NAME>',
    summary: 'Makes a workspace the current one, so that --server can be left out (as kubectl config use-context). Without it, the only signed-in workspace is used.',
    options: CONNECTION.slice(1),
    exits: '0 chosen, 5/6 the workspace cannot be reached, 8 certificate not trusted at the prompt',
    example: 'rc-license use https://chat.plant7.lan',
  },
  history: {
    usage: 'rc-license history [--json]',
    summary: 'Every installation on this machine, newest first, in local time.',
    options: [['--json', 'one JSON object on stdout']],
    exits: '0',
    example: 'rc-license history',
  },
  receipt: {
    usage: 'rc-license receipt <JOB-ID> [--out FILE.html|FILE.json]',
    summary: 'Writes the receipt of a job to hand in. The format follows the name; PDF receipts come from the desktop app.',
    options: [['--out FILE', 'where to write it (.html or .json); default: the data folder']],
    exits: '0 written, 2 no such job or an unsupported file name',
    example: 'rc-license receipt 20271103-141500-a1b2 --out receipt.html',
  },
};

export function commandHelp(name: string): string {
  const c = COMMANDS[name];
  const width = Math.max(...c.options.map(([o]) => o.length));
  return [
    `Usage: ${c.usage}`,
    '',
    c.summary,
    ...(c.options.length ? ['', 'Options:', ...c.options.map(([o, d]) => `  ${o.padEnd(width)}  ${d}`)] : []),
    '',
    `Exit codes: ${c.exits}.`,
    '',
    `Example: ${c.example}`,
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

/** "2026-11-27 11:23 +01:00": the machine's local time, with its offset. */
export function localTime(iso: string, offsetMinutes = -new Date(iso).getTimezoneOffset()): string {
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local} ${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
