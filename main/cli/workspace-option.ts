// Which workspace a command is about: --server URL (saved on first use, with its trust settings),
// else the one chosen with `rc-license use`, else the only one signed in to. A certificate this
// machine does not trust is shown as ssh shows a new host key, and trusted only if the technician
// says so.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppFailure } from '../core/errors';
import type { Installer } from '../core/installer';
import type { WorkspaceView } from '../core/workspaces/types';
import { parseFingerprint } from '../core/workspaces/fingerprint';
import type { CommandContext, Values } from './command';
import { certificateLines } from './print';
import { Declined, Usage, confirm } from './terminal';

export const CURRENT_FILE = 'cli-current.json';

export function currentFilePath(installer: Installer): string {
  return join(dirname(installer.workspaces.path), CURRENT_FILE);
}

/** The workspace `rc-license use` chose (if it is still saved), else the only one signed in to. */
export function currentWorkspace(installer: Installer) {
  try {
    const id = (JSON.parse(readFileSync(currentFilePath(installer), 'utf8')) as { workspaceId?: string }).workspaceId;
    const chosen = installer.workspaces.list().find((w) => w.id === id);
    if (chosen) return chosen;
  } catch {
    /* none chosen */
  }
  const signedIn = installer.workspaces.list().filter((w) => w.signedInAs);
  return signedIn.length === 1 ? signedIn[0] : null;
}

export function trustOptions(v: Values): { pinnedSha256?: string; caPem?: string; caFileName?: string; proxyUrl?: string } {
  const out: { pinnedSha256?: string; caPem?: string; caFileName?: string; proxyUrl?: string } = {};
  if (typeof v.pin === 'string') {
    const pin = parseFingerprint(v.pin);
    if (!pin) throw new Usage('--pin takes the certificate’s SHA-256 fingerprint: 64 hex digits, in any case, with spaces, colons or nothing between them.');
    out.pinnedSha256 = pin;
  }
  if (typeof v.ca === 'string') {
    try {
      out.caPem = readFileSync(v.ca, 'utf8');
      out.caFileName = v.ca.split(/[\\/]/).pop();
    } catch (e) {
      throw new AppFailure('FILE_UNREADABLE', `--ca ${v.ca}: ${(e as Error).message}`);
    }
  }
  if (typeof v.proxy === 'string') out.proxyUrl = v.proxy;
  return out;
}

/** The saved workspace the command is about (see the top of this file). */
export async function workspaceFor(ctx: CommandContext, installer: Installer, server = ctx.values.server as string | undefined): Promise<WorkspaceView> {
  const { viewOf } = await import('../core/workspaces/connections');
  if (!server) {
    // Like `kubectl config use-context`: the workspace chosen with `rc-license use`, or the only
    // one signed in to.
    const current = currentWorkspace(installer);
    if (current) return viewOf(current);
    throw new Usage('--server URL is required (or choose one once with: rc-license use URL).');
  }
  const { normalizeBaseUrl } = await import('../core/rocketchat/addresses');
  const baseUrl = normalizeBaseUrl(server);
  const trust = trustOptions(ctx.values);
  const existing = installer.workspaces.findByUrl(baseUrl);
  if (!existing) {
    try {
      return (await installer.addWorkspace({ url: baseUrl, ...trust })).workspace;
    } catch (e) {
      const fp = e instanceof AppFailure && e.code === 'TLS_UNTRUSTED' ? parseFingerprint(String(e.data?.fingerprint256 ?? '')) : null;
      const { io } = ctx;
      if (!fp || !io.stdin.isTTY || ctx.json || trust.pinnedSha256 || ctx.values.yes) throw e;
      const sp = ctx.speak;
      io.stderr.write(`${sp.t('trust.notTrusted', { url: baseUrl })}\n${certificateLines((e as AppFailure).data, sp)}\n`);
      io.stderr.write(`${sp.t('trust.compare')}\n`);
      if (!(await confirm(io, sp.t('trust.ask', { url: baseUrl })))) throw new Declined(sp.t('trust.declined'));
      return (await installer.addWorkspace({ url: baseUrl, ...trust, pinnedSha256: fp })).workspace;
    }
  }
  if (trust.pinnedSha256 || trust.caPem || trust.proxyUrl) {
    return installer.updateWorkspace(existing.id, {
      ...(trust.pinnedSha256 ? { pinnedSha256: trust.pinnedSha256 } : {}),
      ...(trust.caPem ? { caPem: trust.caPem, caFileName: trust.caFileName ?? null } : {}),
      ...(trust.proxyUrl ? { proxyUrl: trust.proxyUrl } : {}),
    });
  }
  return viewOf(existing);
}
