// What a Rocket.Chat server is and says, era by era (spec §2, §3.6). Plain types only.

export interface ServerCapabilities {
  /** GET licenses.info (6.5+). */
  licensesInfo: boolean;
  /** licenses.info has hasValidLicense (8.3+). */
  hasValidLicense: boolean;
  /** POST licenses.validate (8.7+). */
  validate: boolean;
  /** licenses.get (< 7.0). */
  legacy: boolean;
  /** licenses.isEnterprise (5.0 – 6.x; absent in 4.8, removed in 7.0: spec §5.11). */
  isEnterprise: boolean;
  /** Reads V3 (`RCV3_…`) licenses (6.5+). */
  v3Licenses: boolean;
  /** Invalidates a V2 license whose maxActiveUsers is exceeded (3.10–3.18), and cannot report usage. */
  seatsCheckedOnApply: boolean;
  /** licenses.maxActiveUsers (4.0+). */
  maxActiveUsers: boolean;
  /** /api/info reports the workspace URL licenses are checked against (8.6+). */
  workspaceUrl: boolean;
  /** GET stdout.queue, the server's log over REST (3.0 – 7.x; removed in 8.0: rocketchat/server-log.ts). */
  serverLog: boolean;
  /** The license engine that decides (6.5+ new, with pino log lines and a status setting that can
   * be trusted; before that the old V2 engine, spec §1.4, §5.10). */
  newEngine: boolean;
  /** The old engine writes "#### License validated" after "### New Enterprise License" (3.13 – 6.4). */
  logsValidated: boolean;
}

export interface WorkspaceInfo {
  baseUrl: string;
  version: string;
  major: number;
  minor: number;
  /** Normalized Site URL licenses are checked against (spec §5.4). */
  workspaceUrl: string;
  workspaceUrlSource: 'server' | 'guess';
  /** SHA-256 of workspaceUrl: the value Rocket.Chat asks for when requesting an air-gapped license. */
  workspaceUrlHash: string;
  serverTime: string | null;
  localTime: string;
  /** http:// to something other than this machine. */
  unencrypted: boolean;
  capabilities: ServerCapabilities;
}

/** What the server says about its active license. */
export interface ActiveLicenseState {
  /** Whether the server could be asked at all (permissions, endpoints). */
  known: boolean;
  valid: boolean | null;
  id: string | null;
  modules: string[];
  tags: string[];
  seats: number | null;
  seatsInUse: number | null;
  validUntil: string | null;
  trial: boolean;
  /** Where the answer came from. */
  source: 'licenses.info' | 'licenses.get' | 'licenses.isEnterprise' | 'none';
}
