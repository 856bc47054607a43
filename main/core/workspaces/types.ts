// Saved workspaces, trust, the keychain and sign-in, as they cross the contract. Plain types only.
import type { ActiveLicenseState, WorkspaceInfo } from '../rocketchat/types';

export type SecretBackend = 'Secret Service' | 'macOS Keychain' | 'Windows Credential Manager' | 'session memory';

export interface KeychainStatus {
  available: boolean;
  backend: SecretBackend;
  /** Why the keychain cannot be used, in words a technician can act on. */
  reason?: string;
  checkedInMs: number;
}

export interface CertificateInfo {
  fingerprint256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  subjectAltName: string | null;
  selfSigned: boolean;
}

export interface SignedInUser {
  userId: string;
  username: string;
  name: string | null;
  roles: string[];
  isAdmin: boolean;
}

export interface LastSeen {
  version: string;
  workspaceUrl: string;
  workspaceUrlSource: 'server' | 'guess';
  at: string;
}

export interface SignedInAs {
  userId: string;
  username: string;
  kind: 'login' | 'pat';
  isAdmin: boolean;
  /** keychain, or this session only (memory). */
  storage: 'keychain' | 'session';
}

/** What the window may know about a workspace: no secrets, no CA text. */
export interface WorkspaceView {
  id: string;
  name: string;
  baseUrl: string;
  unencrypted: boolean;
  trust: { pinnedSha256: string | null; caFileName: string | null };
  proxyUrl: string | null;
  lastSeen: LastSeen | null;
  signedInAs: SignedInAs | null;
}

export interface WorkspaceConnection {
  workspace: WorkspaceView;
  info: WorkspaceInfo;
  license: ActiveLicenseState | null;
}
