import { platform, arch, release } from 'node:os';
import pkg from '../../package.json' with { type: 'json' };
import type { AppInfo } from './types';

export type { AppInfo };

export function getAppInfo(shell: AppInfo['shell'], versions: NodeJS.ProcessVersions = process.versions, preferredLanguages: string[] = []): AppInfo {
  const v = versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    name: pkg.productName,
    version: pkg.version,
    electron: v.electron ?? null,
    chromium: v.chrome ?? null,
    node: v.node,
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    shell,
    preferredLanguages,
  };
}
