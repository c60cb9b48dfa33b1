/**
 * `npm run office-js:refresh [-- VERSION]`: refresh the local Office.js copy that the closed-network
 * build serves (`npm run build -- --env officejs=local`), from the npm package @microsoft/office-js
 * (the latest version, or the one given). Run it on a machine that reaches the npm registry, then
 * build; vendor/office-js/ is not in git, and VERSION.txt there says which version it holds.
 *
 * Microsoft supports Office.js from its CDN only: a copy is frozen at its version, gets no fixes, and
 * lacks APIs newer than its files (docs/deploy.md).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VENDOR_DIR, wanted } from './office-js-files';

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, base) : [path.relative(base, p)];
  });
}

function main(): void {
  const version = process.argv[2] ?? 'latest';
  const root = path.resolve(__dirname, '..');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'office-js-'));
  try {
    const packed = execFileSync('npm', ['pack', `@microsoft/office-js@${version}`, '--pack-destination', tmp, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['-xzf', path.join(tmp, packed), '-C', tmp]);
    const dist = path.join(tmp, 'package', 'dist');
    const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require(process.argv[1]))', path.join(tmp, 'package', 'package.json')], { encoding: 'utf8' })) as { version: string };
    const chosen = files(dist).filter(wanted);
    if (!chosen.includes('office.js')) throw new Error(`@microsoft/office-js@${pkg.version} has no dist/office.js`);
    const target = path.join(root, VENDOR_DIR);
    rmSync(target, { recursive: true, force: true });
    for (const f of chosen) {
      mkdirSync(path.dirname(path.join(target, f)), { recursive: true });
      cpSync(path.join(dist, f), path.join(target, f));
    }
    writeFileSync(path.join(target, 'VERSION.txt'), `@microsoft/office-js ${pkg.version}, ${chosen.length} files, refreshed ${new Date().toISOString().slice(0, 10)}\n`);
    process.stdout.write(`${VENDOR_DIR}: @microsoft/office-js ${pkg.version}, ${chosen.length} files. Build with: npm run build -- --env officejs=local\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
