// The import rules that keep the layers honest (DESIGN "Layout", STYLE "Layers you can see";
// docs/ARCHITECTURE.md draws them):
//   main/core  → Node and its own dependencies only: never `electron`, never the Electron shell or the CLI;
//                its own modules only statically (a package such as undici may load lazily).
//   main/      → never e2e/ (the simulator, the test kits in e2e/support): only tests may.
//   renderer   → no Node built-ins, no main code except *types* from the contract.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|svelte)$/;

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : SOURCE.test(name) ? [full] : [];
  });
}

function importsOf(text: string): Array<{ specifier: string; typeOnly: boolean; line: number; dynamic: boolean }> {
  const found: Array<{ specifier: string; typeOnly: boolean; line: number; dynamic: boolean }> = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const specifier = m[2] ?? m[3];
    if (!specifier) continue;
    const line = text.slice(0, m.index).split('\n').length;
    found.push({ specifier, typeOnly: Boolean(m[1]), line, dynamic: m[3] !== undefined && m[0].startsWith('import') });
  }
  return found;
}

export function findLayerViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  const core = resolve(root, 'main/core');
  const contract = resolve(root, 'main/core/contract');
  // The words everyone uses: the one core module the window may import as values. It may import
  // nothing but types, so bundling it brings nothing else along.
  const vocabulary = resolve(root, 'main/core/vocabulary');
  // The messages and their catalogs: plain data and Intl, which the window bundles (and loads
  // language by language). They may import only each other, types, errors and the vocabulary.
  const i18n = resolve(root, 'main/core/i18n');
  const mainDir = resolve(root, 'main');

  for (const file of walk(core)) {
    for (const { specifier, line, typeOnly, dynamic } of importsOf(readFileSync(file, 'utf8'))) {
      const rel = relative(root, file);
      // The browser bridge runs the core under Playwright's test loader, which compiles TypeScript
      // for require() but not for import(): a lazily imported core module fails there only (it
      // broke "Save receipt" in journey-first-run). Packages may be imported lazily (undici).
      if (dynamic && specifier.startsWith('.') && !/\.test\.ts$/.test(file)) {
        violations.push({ file: rel, line, specifier, rule: 'main/core imports its own modules statically (the browser bridge cannot import() TypeScript)' });
      }
      if (file.startsWith(i18n + sep) && !/\.test\.ts$/.test(file) && !typeOnly && specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier).replace(/\.ts$/, '');
        if (!target.startsWith(i18n + sep) && target !== vocabulary && target !== resolve(root, 'main/core/errors')) {
          violations.push({ file: rel, line, specifier, rule: 'main/core/i18n may import only its own modules, the vocabulary and the error texts (the window bundles it)' });
        }
      }
      if (file.replace(/\.ts$/, '') === vocabulary && !typeOnly) {
        violations.push({ file: rel, line, specifier, rule: 'main/core/vocabulary.ts may import only types (the window bundles it)' });
      }
      if (specifier === 'electron' || specifier.startsWith('electron/')) {
        violations.push({ file: rel, line, specifier, rule: 'main/core must not import electron' });
      } else if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (target.startsWith(mainDir + sep) && !target.startsWith(core + sep) && target !== core) {
          violations.push({ file: rel, line, specifier, rule: 'main/core must not import the Electron shell or the CLI' });
        }
      }
    }
  }

  // Production code never reaches into the end-to-end folder: the simulator and the test kits
  // (e2e/support) are for tests. A test file may; shipping code may not, even by accident.
  const e2e = resolve(root, 'e2e');
  for (const file of walk(mainDir)) {
    if (/\.test\.ts$/.test(file)) continue;
    for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (target === e2e || target.startsWith(e2e + sep)) {
        violations.push({ file: relative(root, file), line, specifier, rule: 'main/ must not import e2e/ (the simulator and test kits are for tests only)' });
      }
    }
  }

  for (const file of walk(resolve(root, 'renderer'))) {
    for (const { specifier, typeOnly, line } of importsOf(readFileSync(file, 'utf8'))) {
      const rel = relative(root, file);
      if (BUILTINS.has(specifier) && !rel.endsWith('.config.mts')) {
        violations.push({ file: rel, line, specifier, rule: 'renderer must not import Node built-ins' });
      } else if (specifier === 'electron' || specifier.startsWith('electron/')) {
        violations.push({ file: rel, line, specifier, rule: 'renderer must not import electron' });
      } else if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier).replace(/\.ts$/, '');
        if (target.startsWith(mainDir + sep)) {
          if (target === vocabulary || target.startsWith(i18n + sep)) continue;
          if (target !== contract) {
            violations.push({ file: rel, line, specifier, rule: 'renderer may import only the contract (types), the vocabulary and the messages (main/core/i18n) from main' });
          } else if (!typeOnly) {
            violations.push({ file: rel, line, specifier, rule: 'renderer may import only types from the contract (use `import type`)' });
          }
        }
      }
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const violations = findLayerViolations(process.cwd());
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.rule} (imports '${v.specifier}')`);
  console.log(violations.length ? `${violations.length} layering violation(s)` : 'layers: ok');
  process.exit(violations.length ? 1 : 0);
}
