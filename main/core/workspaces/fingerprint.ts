// Certificate SHA-256 fingerprints as people copy them: any case, with spaces, colons or nothing
// between hex pairs or groups. One canonical form for storage (64 lower-case hex digits) and one
// for reading aloud (groups of four, as the window shows them).

/** 64 lower-case hex digits, or null when the text is not a SHA-256 fingerprint in any of those forms. */
export function parseFingerprint(text: string): string | null {
  const hex = text.trim().replace(/^sha-?256[:=\s]*/i, '').replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** "F35A 38A2 …": 16 groups of four upper-case hex digits. */
export function groupFingerprint(hex: string): string {
  return hex.replace(/(.{4})/g, '$1 ').trim().toUpperCase();
}
