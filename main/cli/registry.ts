// Every `rc-license` command, in the order --help lists them. Adding a command is one module in
// commands/ and one line here; help, "did you mean", the README's list and the bench read this.
import type { CommandDefinition } from './command';
import { apply } from './commands/apply';
import { history } from './commands/history';
import { inspect } from './commands/inspect';
import { login } from './commands/login';
import { logout } from './commands/logout';
import { receipt } from './commands/receipt';
import { restore } from './commands/restore';
import { status } from './commands/status';
import { use } from './commands/use';
import { verify } from './commands/verify';

// In the order of a visit: read the license, choose and sign in to the workspace, look, apply.
export const COMMANDS: readonly CommandDefinition[] = [inspect, use, login, status, apply, verify, restore, history, receipt, logout];

export function commandNamed(name: string): CommandDefinition | undefined {
  return COMMANDS.find((c) => c.name === name);
}
