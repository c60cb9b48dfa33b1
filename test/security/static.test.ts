/**
 * Issue 5, security: what the code must never contain, and the policy every page carries.
 * The browser e2e test proves the same at run time (no request leaves the page's origin).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, pattern));
    else if (pattern.test(name)) out.push(p);
  }
  return out;
}

const sources = files(path.join(ROOT, 'src'), /\.(ts|tsx)$/);
const pages = files(path.join(ROOT, 'src'), /\.html$/);

describe('the source never evaluates or injects text as code or markup', () => {
  test.each([
    ['eval(', /\beval\s*\(/],
    ['new Function(', /\bnew\s+Function\s*\(/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['innerHTML / outerHTML', /\.(inner|outer)HTML\s*=/],
    ['document.write', /document\.write\s*\(/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['a string given to setTimeout', /setTimeout\s*\(\s*['"`]/],
  ])('no %s in src/', (_name, pattern) => {
    const offenders = sources.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  test('there are sources to scan', () => {
    expect(sources.length).toBeGreaterThan(40);
  });
});

describe('every page carries a same-origin Content-Security-Policy', () => {
  test('pages exist', () => {
    expect(pages.map((p) => path.basename(p)).sort()).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
  });

  test.each(pages.map((p) => [path.relative(ROOT, p), p]))('%s', (_rel, file) => {
    const html = readFileSync(file, 'utf8');
    const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(m).not.toBeNull();
    const policy = new Map(
      m![1]!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values.some((v) => /^https?:/.test(v) || v === '*')).toBe(false);
    }
    // Office.js comes from the copy the build ships, never from a CDN.
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com|https?:\/\/[^"']*office\.js/);
  });
});
