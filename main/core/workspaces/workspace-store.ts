// Saved workspaces: address, name, trust settings, proxy, and what was last seen. No secrets.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
// zod/mini: the same checks and English messages as zod, at 19 KB instead of 460 KB in every
// command that reads the saved workspaces (perf issue: `rc-license history` parsed all of zod).
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { AppFailure } from '../errors';
import { writeFileAtomic } from '../state/files';

z.config(en());

export const WORKSPACES_SCHEMA_VERSION = 1;

const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  trust: z.object({
    caPem: z.nullable(z.string()),
    caFileName: z.nullable(z.string()),
    pinnedSha256: z.nullable(z.string()),
  }),
  proxyUrl: z.nullable(z.string()),
  lastSeen: z.nullable(
    z.object({
      version: z.string(),
      workspaceUrl: z.string(),
      workspaceUrlSource: z.enum(['server', 'guess']),
      at: z.string(),
    }),
  ),
  signedInAs: z.nullable(
    z.object({
      userId: z.string(),
      username: z.string(),
      kind: z.enum(['login', 'pat']),
      isAdmin: z.boolean(),
      storage: z.enum(['keychain', 'session']),
    }),
  ),
  createdAt: z.string(),
});

const fileSchema = z.object({ schemaVersion: z.literal(WORKSPACES_SCHEMA_VERSION), workspaces: z.array(workspaceSchema) });

export type Workspace = z.infer<typeof workspaceSchema>;
// The saved shape and the window's view must not drift apart.
export type { LastSeen, SignedInAs } from './types';

export class WorkspaceStore {
  readonly path: string;
  /** Problems met while loading (a corrupt file moved aside), for the technician to see. */
  readonly warnings: string[] = [];
  private workspaces: Workspace[] = [];

  constructor(dataDir: string) {
    this.path = join(dataDir, 'workspaces.json');
    this.load();
  }

  private load(): void {
    if (!existsSync(this.path)) return;
    let problem: string;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) {
        this.workspaces = parsed.data.workspaces;
        return;
      }
      // The first problem and where it is, e.g. "workspaces.0.id: Invalid input: expected string, received number".
      const [issue] = parsed.error.issues;
      problem = `it does not have the expected content (${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message})`;
    } catch (e) {
      problem = `it could not be read (${(e as Error).message})`;
    }
    // Never silently drop what the technician saved: keep the file aside and say so.
    const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(this.path, aside);
      this.warnings.push(`The saved workspaces file was set aside because ${problem}. It is kept as ${aside}; add the workspaces again.`);
    } catch (e) {
      this.warnings.push(`The saved workspaces file could not be read because ${problem}, nor moved aside (${(e as Error).message}).`);
    }
  }

  /** Writes `next` and only then makes it the list: a failed write changes neither file nor memory. */
  private save(next: Workspace[]): void {
    writeFileAtomic(this.path, JSON.stringify({ schemaVersion: WORKSPACES_SCHEMA_VERSION, workspaces: next }, null, 2) + '\n');
    this.workspaces = next;
  }

  list(): Workspace[] {
    return this.workspaces.map((w) => structuredClone(w));
  }

  get(id: string): Workspace {
    const w = this.workspaces.find((x) => x.id === id);
    if (!w) throw new AppFailure('WORKSPACE_UNKNOWN', `No saved workspace has the id ${id}.`);
    return structuredClone(w);
  }

  findByUrl(baseUrl: string): Workspace | undefined {
    const w = this.workspaces.find((x) => x.baseUrl === baseUrl);
    return w ? structuredClone(w) : undefined;
  }

  add(input: Pick<Workspace, 'name' | 'baseUrl'> & Partial<Pick<Workspace, 'trust' | 'proxyUrl' | 'lastSeen'>>): Workspace {
    if (this.findByUrl(input.baseUrl)) throw new AppFailure('INVALID_INPUT', `${input.baseUrl} is already saved.`);
    const w: Workspace = {
      id: randomBytes(6).toString('hex'),
      name: input.name,
      baseUrl: input.baseUrl,
      trust: input.trust ?? { caPem: null, caFileName: null, pinnedSha256: null },
      proxyUrl: input.proxyUrl ?? null,
      lastSeen: input.lastSeen ?? null,
      signedInAs: null,
      createdAt: new Date().toISOString(),
    };
    this.save([...this.workspaces, w]);
    return structuredClone(w);
  }

  update(id: string, patch: Partial<Omit<Workspace, 'id' | 'baseUrl' | 'createdAt'>>): Workspace {
    const i = this.workspaces.findIndex((x) => x.id === id);
    if (i < 0) throw new AppFailure('WORKSPACE_UNKNOWN', `No saved workspace has the id ${id}.`);
    const next = [...this.workspaces];
    next[i] = { ...next[i], ...patch };
    this.save(next);
    return structuredClone(next[i]);
  }

  remove(id: string): void {
    const next = this.workspaces.filter((x) => x.id !== id);
    if (next.length === this.workspaces.length) throw new AppFailure('WORKSPACE_UNKNOWN', `No saved workspace has the id ${id}.`);
    this.save(next);
  }
}
