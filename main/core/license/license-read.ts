// Turns whatever the technician has — a file from a mail or a USB stick, a paste from a PDF or a
// chat window — into the one canonical license string the server expects: no whitespace at all
// (spec §4.1: the server does not trim on add, and whitespace inside a V3 JWT breaks it).
import { createHash } from 'node:crypto';
import { AppFailure } from '../errors';
import type { LicenseFormat, LicenseReading } from './types';
import { MAX_LICENSE_BYTES } from './size-limit';
import { english, said, say, type Msg } from '../i18n/say';

export { MAX_LICENSE_BYTES };

const V3_PREFIX = 'RCV3_';
const V3_RE = /^RCV3_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
// Everything a copy from mail, PDF or chat can slip in: all Unicode spaces and line breaks (\s covers
// NBSP, U+FEFF, U+2028/9), plus zero-width characters, which \s does not.
const INVISIBLE_RE = /[\s\u200B-\u200D\u2060\u180E]/g;
/** A V2 license is one RSA-4096 block: 512 bytes, 684 base64 characters with padding. */
const V2_BLOCK_BYTES = 512;

export interface CanonicalLicense extends LicenseReading {
  text: string;
}

function decodeText(bytes: Uint8Array, cleaned: string[]): string {
  // (Indexing past the end gives undefined: no length checks needed.)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    cleaned.push('UTF-8 byte-order mark');
    return utf8(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    cleaned.push('UTF-16 (little-endian) encoding');
    return utf16(bytes.subarray(2), 'utf-16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    cleaned.push('UTF-16 (big-endian) encoding');
    return utf16(bytes.subarray(2), 'utf-16be');
  }
  if (bytes.includes(0)) throw new AppFailure('LICENSE_BINARY', said(say('read.nul')));
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppFailure('LICENSE_BINARY', said(say('read.utf8')));
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) throw new AppFailure('LICENSE_BINARY', said(say('read.utf16Cut')));
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppFailure('LICENSE_BINARY', said(say('read.utf16')));
  }
  if (text.includes('\u0000')) throw new AppFailure('LICENSE_BINARY', said(say('read.utf16Nul')));
  return text;
}

function stripWrapping(text: string, cleaned: string[]): string {
  let t = text.trim();
  // People save the API body they were given: {"license":"…"}.
  if (t.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch {
      throw new AppFailure('LICENSE_MALFORMED', said(say('read.badJson')));
    }
    // Text that starts with "{" and parses is an object: it has fields, or not.
    const license = (parsed as { license?: unknown }).license;
    if (typeof license !== 'string') {
      throw new AppFailure('LICENSE_MALFORMED', said(say('read.jsonNoLicense')));
    }
    cleaned.push('JSON wrapper {"license": …}');
    t = license.trim();
  }
  const quoted = /^(["'`\u201C\u2018])([\s\S]*)(["'`\u201D\u2019])$/.exec(t);
  if (quoted) {
    cleaned.push('surrounding quotes');
    t = quoted[2].trim();
  }
  return t;
}

function isWholeV2Block(block: string): boolean {
  return BASE64_RE.test(block) && Buffer.from(block, 'base64').length === V2_BLOCK_BYTES;
}

/** The licenses a text holds when it holds several: V3 tokens, or V2 blocks in paragraphs of their own. */
function licenseParts(text: string): string[] {
  const v3 = text.split(V3_PREFIX).slice(1);
  if (v3.length >= 2) return v3.map((p) => V3_PREFIX + p.replace(INVISIBLE_RE, ''));
  // One V3 token, or a V2 block wrapped over lines, is one paragraph that no V2 block can be.
  const blocks = text
    .split(/\r?\n[ \t\u00A0]*\r?\n/)
    .map((b) => b.replace(INVISIBLE_RE, ''))
    .filter(Boolean);
  return blocks.every(isWholeV2Block) ? blocks : [];
}

/** Two different licenses in one file must not be glued together silently. */
function singleLicense(text: string): string {
  const parts = licenseParts(text);
  if (parts.length < 2) return text;
  const distinct = new Set(parts);
  if (distinct.size > 1) throw new AppFailure('LICENSE_MULTIPLE', said(say('read.multiple', { n: distinct.size })));
  return parts[0];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** "10.0 MiB", "65 KiB": a size as a technician reads it, in the units the limit is set in. */
export function sizeMsg(bytes: number): Msg {
  return bytes >= 1024 * 1024 ? say('size.mib', { n: Math.round(bytes / 104857.6) / 10 }) : say('size.kib', { n: Math.ceil(bytes / 1024) });
}
export function sizeInWords(bytes: number): string {
  return english(sizeMsg(bytes));
}

/** Reads license bytes or pasted text into the canonical string, or fails with a specific code.
 * `fileSize`: the whole file's size when only its first bytes were read (the real size is said). */
export function readLicense(input: Uint8Array | string, fileSize?: number): CanonicalLicense {
  const cleaned: string[] = [];
  const byteLength = Buffer.byteLength(input);
  if (byteLength > MAX_LICENSE_BYTES || (fileSize ?? 0) > MAX_LICENSE_BYTES) {
    // The size is known when the whole file was measured or read: bytes are read up to one past
    // the limit, so exactly that many says only "larger".
    const whole = typeof input === 'string' || byteLength > MAX_LICENSE_BYTES + 1 ? byteLength : 0;
    const size = Math.max(fileSize ?? 0, whole);
    throw new AppFailure('LICENSE_TOO_LARGE', said(size ? say('read.size', { size: sizeMsg(size) }) : say('read.larger', { size: sizeMsg(MAX_LICENSE_BYTES) })));
  }
  let text = typeof input === 'string' ? input : decodeText(input, cleaned);
  // A paste that starts with a byte-order mark (trim() below drops it). A file's own is handled
  // in decodeText, and TextDecoder drops a second one after it.
  if (typeof input === 'string' && input.startsWith('\uFEFF')) cleaned.push('byte-order mark');
  // eslint-disable-next-line no-control-regex -- detecting control characters is the point
  if (/[\u0000-\u0008\u000E-\u001F\u007F]/.test(text)) {
    throw new AppFailure('LICENSE_BINARY', said(say('read.control')));
  }
  text = stripWrapping(text, cleaned);
  if (/\r\n/.test(text)) cleaned.push('Windows line endings');
  text = singleLicense(text);
  const compact = text.replace(INVISIBLE_RE, '');
  if (/[\u200B-\u200D\u2060\u180E\uFEFF]/.test(text)) cleaned.push('zero-width characters');
  if (/\u00A0|\u202F/.test(text)) cleaned.push('non-breaking spaces');
  if (/[\r\n]/.test(text)) cleaned.push('line breaks');
  if (/[ \t]/.test(text)) cleaned.push('spaces or tabs');
  if (compact === '') throw new AppFailure('LICENSE_EMPTY');

  let format: LicenseFormat;
  if (compact.startsWith(V3_PREFIX)) {
    if (!V3_RE.test(compact)) {
      throw new AppFailure('LICENSE_SIGNATURE', said(say('read.v3Incomplete')));
    }
    format = 'v3';
  } else if (BASE64_RE.test(compact)) {
    format = 'v2';
  } else {
    const bad = [...compact].find((c) => !/[A-Za-z0-9+/=]/.test(c));
    throw new AppFailure(
      'LICENSE_MALFORMED',
      said(bad === undefined ? say('read.order') : say('read.badChar', { char: JSON.stringify(bad) })),
    );
  }
  return { text: compact, format, sha256: sha256Hex(compact), length: compact.length, cleaned: [...new Set(cleaned)] };
}
