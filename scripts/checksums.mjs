// Writes dist/SHA256SUMS for the installers, so technicians can check their media offline with
// `sha256sum -c SHA256SUMS` (Linux/macOS: `shasum -a 256 -c`; Windows: Get-FileHash).
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const INSTALLER = /\.(deb|rpm|AppImage|tar\.gz|zip|dmg|exe|msi|snap)$/;
const hash = (path) =>
  new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (d) => h.update(d)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
  });
const files = readdirSync(dir).filter((f) => INSTALLER.test(f) && statSync(join(dir, f)).isFile()).sort();
if (!files.length) {
  console.error(`No installers in ${dir}/`);
  process.exit(1);
}
const lines = [];
for (const f of files) lines.push(`${await hash(join(dir, f))}  ${f}`);
writeFileSync(join(dir, 'SHA256SUMS'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
