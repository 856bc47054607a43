// Every file under a folder, as one text: where a token, a password or a license must never appear.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function allFileText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'))
    .join('\n');
}
