import { AppFailure } from '../../core/errors';
import { CONNECTION_OPTIONS, JSON_OPTION, type CommandDefinition } from '../command';
import { EXIT } from '../exit-codes';
import { Usage, prompt, readLine } from '../terminal';
import { workspaceFor } from '../workspace-option';

export const login: CommandDefinition = {
  name: 'login',
  summary: 'Sign in once; the session is kept in the system keychain',
  usage: ['rc-license login [--server URL] --user NAME [--password-stdin] [--code CODE]', 'rc-license login [--server URL] --user-id ID --token-stdin'],
  description:
    'Signs in once; the session (or personal access token) is kept in the system keychain. Asks for the password and the two-factor code at a terminal.',
  options: [
    { name: 'user', type: 'string', value: 'NAME', help: 'user name or e-mail' },
    { name: 'password-stdin', type: 'boolean', help: 'read the password from standard input (scripts)' },
    { name: 'code', type: 'string', value: 'CODE', help: 'the two-factor code, when the account has one' },
    { name: 'user-id', type: 'string', value: 'ID', help: 'with --token-stdin: a personal access token instead of a password' },
    { name: 'token-stdin', type: 'boolean', help: 'read the personal access token from standard input' },
    JSON_OPTION,
    ...CONNECTION_OPTIONS,
  ],
  exits: [
    [0, 'signed in'],
    [3, 'wrong password, code or blocked account'],
    [5, 'network or rate limit'],
    [7, 'no keychain'],
    [8, 'a prompt declined'],
  ],
  examples: ['rc-license login --user admin', 'rc-license login --server https://chat.plant7.lan --user admin'],
  async run(ctx) {
    const { io, values: v } = ctx;
    const inst = await ctx.open();
    const ws = await workspaceFor(ctx, inst);
    if (typeof v['user-id'] === 'string') {
      const token = v['token-stdin'] ? await readLine(io.stdin) : await prompt(io, 'Personal access token: ', true);
      const user = await inst.useToken(ws.id, { userId: v['user-id'], token });
      if (ctx.json) ctx.out({ ok: true, user });
      else io.stdout.write(`Signed in to ${ws.baseUrl} as ${user.username}${user.isAdmin ? '' : ' (not an administrator)'} with a personal access token, kept in the keychain.\n`);
      return EXIT.ok;
    }
    if (typeof v.user !== 'string') throw new Usage('login needs --user NAME (or --user-id ID --token-stdin for a personal access token).');
    const password = v['password-stdin'] ? await readLine(io.stdin) : await prompt(io, `Password for ${v.user}: `, true);
    let code = typeof v.code === 'string' ? v.code : undefined;
    let codesAsked = 0;
    const interactive = Boolean(io.stdin.isTTY) && !v['password-stdin'];
    for (;;) {
      try {
        const user = await inst.login(ws.id, { user: v.user, password, code });
        if (ctx.json) ctx.out({ ok: true, user });
        else io.stdout.write(`Signed in to ${ws.baseUrl} as ${user.username}${user.isAdmin ? '' : ' (not an administrator: licenses need an admin)'}; the session is kept in the keychain.\n`);
        return EXIT.ok;
      } catch (e) {
        const err = e instanceof AppFailure ? e : null;
        const method = err?.data?.method === 'email' ? 'email' : 'totp';
        const ask = () => prompt(io, method === 'email' ? 'Code from the e-mail: ' : 'Code from the authenticator app: ');
        if (err?.code === 'AUTH_2FA_REQUIRED' && !code && interactive) {
          codesAsked++;
          code = await ask();
          continue;
        }
        // A mistyped code is asked again, up to three codes in all, instead of starting over.
        if (err?.code === 'AUTH_2FA_INVALID' && interactive && codesAsked < 3) {
          io.stderr.write(`${ctx.paint.yellow('That code was not accepted.')} Enter the current one${method === 'totp' ? ' (they change every 30 seconds)' : ''}.\n`);
          codesAsked++;
          code = await ask();
          continue;
        }
        if (err?.code === 'AUTH_2FA_REQUIRED') throw new AppFailure('AUTH_2FA_REQUIRED', `${err.detail ?? ''} Run again with --code CODE.`.trim(), err.data);
        throw e;
      }
    }
  },
};
