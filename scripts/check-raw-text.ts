// No raw text in the window's templates: every word a technician reads in a .svelte file comes
// from a catalog (t('…')), so nothing stays English when the window speaks another language.
// Reads each template with Svelte's own parser and reports text nodes with letters in them and
// literal user-visible attributes (aria-label, title, placeholder, alt, aria-description,
// aria-roledescription, label). Punctuation, symbols and numbers may stay.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'svelte/compiler';

export interface RawText {
  file: string;
  line: number;
  text: string;
}

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'label']);
// Letters of any script: two in a row make a word a technician reads.
const WORDS = /\p{L}{2,}/u;
// The same in every language: names, not words.
const SAME_IN_EVERY_LANGUAGE = new Set(['RC', 'SHA-256']);
const isRaw = (text: string) => WORDS.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim()) && !/^https?:\/\/\S+$/.test(text.trim());

interface Node {
  type: string;
  start: number;
  data?: string;
  name?: string;
  value?: true | Node | Node[];
  [key: string]: unknown;
}

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

export function rawTextIn(source: string, file: string): RawText[] {
  const found: RawText[] = [];
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
  const visit = (node: unknown, parentName?: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, parentName));
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'Text' && parentName !== 'style' && parentName !== 'script' && isRaw(n.data ?? '')) {
      found.push({ file, line: lineOf(source, n.start), text: (n.data ?? '').trim() });
    }
    if (n.type === 'Attribute' && n.name && VISIBLE_ATTRIBUTES.has(n.name) && Array.isArray(n.value)) {
      for (const part of n.value) {
        if (part.type === 'Text' && isRaw(part.data ?? '')) found.push({ file, line: lineOf(source, part.start), text: `${n.name}="${(part.data ?? '').trim()}"` });
      }
    }
    const name = n.type === 'RegularElement' || n.type === 'SvelteElement' ? n.name : parentName;
    for (const [key, value] of Object.entries(n)) {
      if (key === 'value' && n.type === 'Attribute') continue;
      if (key === 'instance' || key === 'module' || key === 'css' || key === 'options') continue;
      if (value && typeof value === 'object') visit(value, name);
    }
  };
  visit(ast.fragment);
  return found;
}

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : [],
  );
}

export function findRawText(root: string): RawText[] {
  return svelteFiles(resolve(root, 'renderer/src')).flatMap((f) => rawTextIn(readFileSync(f, 'utf8'), relative(root, f)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const found = findRawText(process.cwd());
  for (const r of found) console.error(`${r.file}:${r.line}: raw text "${r.text.slice(0, 60)}" — use t('…') from the window's catalog`);
  console.log(found.length ? `${found.length} raw text(s) in templates` : 'templates: no raw text');
  process.exit(found.length ? 1 : 0);
}
