// What a Rocket.Chat version can do (spec "Version eras", §2): the one place the client reads
// version boundaries from.
import type { ServerCapabilities } from './types';

export const MIN_VERSION = { major: 3, minor: 10 };

export function parseVersion(raw: string): { major: number; minor: number } | null {
  const m = /^(\d+)\.(\d+)/.exec(raw);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

export function capabilitiesOf(major: number, minor: number): ServerCapabilities {
  const at = (a: number, b: number) => major > a || (major === a && minor >= b);
  return {
    licensesInfo: at(6, 5),
    hasValidLicense: at(8, 3),
    validate: at(8, 7),
    legacy: !at(7, 0),
    isEnterprise: at(5, 0) && !at(7, 0),
    v3Licenses: at(6, 5),
    seatsCheckedOnApply: !at(4, 0),
    maxActiveUsers: at(4, 0),
    workspaceUrl: at(8, 6),
    serverLog: at(3, 0) && !at(8, 0),
    newEngine: at(6, 5),
    logsValidated: at(3, 13) && !at(6, 5),
  };
}
