// Finds a runnable Electron binary without triggering Electron's own download (which cannot reach
// its host from our machines), or says why there is none; the specs then skip with that reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function executableName(): string {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

export function findElectron(): { path: string } | { reason: string } {
  const pkgDir = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : executableName();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = override ? join(override, relative) : join(pkgDir, 'dist', relative);
  if (!existsSync(path)) {
    return {
      reason: override
        ? `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist`
        : `no Electron binary on this machine (${path} is missing: Electron downloads it on first start where its host is reachable); set ELECTRON_OVERRIDE_DIST_PATH to run these specs`,
    };
  }
  return { path };
}
