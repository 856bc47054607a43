// The desktop shell's file work, in plain Node so that it is tested without Electron: reading a
// chosen license file, the window's remembered place, printing a receipt from a temporary file,
// and which development switches a packaged build ignores.
import { closeSync, constants, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppFailure } from './core/errors';
import { writeFileAtomic } from './core/state/files';

/**
 * At most `limit + 1` bytes of a regular file, read from one descriptor: a multi-GB image or a
 * FIFO never stalls main (one byte past the limit is enough for the reader to say "too large").
 */
export function readLicenseFile(path: string, limit: number): { bytes: Buffer; size: number } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(path, constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'this account may not read it' : code === 'EISDIR' ? 'it is a folder' : (code ?? (e as Error).message);
    throw new AppFailure('FILE_UNREADABLE', `${path}: ${why}.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new AppFailure(
        'FILE_UNREADABLE',
        `${path} is not a regular file (a folder, device or pipe), so it cannot be a license.`,
      );
    const buffer = Buffer.alloc(Math.min(stat.size, limit + 1));
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read), size: stat.size };
  } finally {
    closeSync(fd);
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MIN = { width: 1024, height: 700 };

/** Saved bounds; without x/y when the saved place is on no connected display (the OS places it). */
export type SavedBounds = { width: number; height: number; x?: number; y?: number };

/** The saved window bounds, if they are sane and at least partly on a connected display. */
export function readWindowState(path: string, displays: Bounds[]): SavedBounds | undefined {
  let b: Partial<Bounds>;
  try {
    b = JSON.parse(readFileSync(path, 'utf8')) as Partial<Bounds>;
  } catch {
    return undefined;
  }
  const numbers = [b.x, b.y, b.width, b.height].every((n) => typeof n === 'number' && Number.isFinite(n));
  if (!numbers || b.width! < MIN.width || b.height! < MIN.height) return undefined;
  const bounds = b as Bounds;
  // Enough of the title bar on some display to grab it; else the OS places the window.
  const visible = displays.some(
    (d) =>
      bounds.x + bounds.width - 100 > d.x &&
      bounds.x + 100 < d.x + d.width &&
      bounds.y >= d.y - 10 &&
      bounds.y + 40 < d.y + d.height,
  );
  return visible ? bounds : { width: bounds.width, height: bounds.height };
}

/** Saves the window bounds; never throws (a full or read-only disk must not become a crash dialog on quit). */
export function saveWindowState(path: string, bounds: Bounds): boolean {
  try {
    writeFileAtomic(path, JSON.stringify(bounds));
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `print` on the receipt written to a private temporary file (a data: URL is refused past
 * 2 MiB), and removes the file afterwards, whatever happens.
 */
export async function printFromTempFile<T>(html: string, print: (fileUrl: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-license-receipt-'));
  try {
    const file = join(dir, 'receipt.html');
    writeFileSync(file, html, { mode: 0o600 });
    return await print(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Test-only switches: another signing key (RC_LICENSE_PUBLIC_KEY) and another data folder
 * (RC_LICENSE_HOME) are honoured in development and tests, never in a packaged build, where they
 * would let anyone who can set an environment variable add a trusted key or move the data.
 */
export function developmentSwitches(
  isPackaged: boolean,
  env: NodeJS.ProcessEnv,
): { dataDir: string | null; publicKeyPath: string | null } {
  if (isPackaged) return { dataDir: null, publicKeyPath: null };
  return { dataDir: env.RC_LICENSE_HOME || null, publicKeyPath: env.RC_LICENSE_PUBLIC_KEY || null };
}

/** Where the open dialog starts: the folder of the last license opened, else Documents. */
export function openDialogStart(lastFile: string | null, documents: string): string {
  return lastFile ? dirname(lastFile) : documents;
}
