/**
 * Issue 5, security: what the code must never contain, and the policy every page carries (issue 8:
 * inside Office, Office.js from Microsoft's CDN and the origins it needs; outside, this origin only).
 * The browser e2e test proves the same at run time (no request leaves the page's origin in browser
 * mode; test/e2e/office-loading.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pagePolicy } from '../../scripts/page-policy';
import { BROWSER_MODE_POLICY } from '../../src/taskpane/boot';

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

/** A policy as directive → values. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function origins(policy: Map<string, string[]>): string[] {
  return [...new Set([...policy.values()].flat().filter((v) => /^https?:/.test(v) || v === '*'))].sort();
}

describe('every page carries the Content-Security-Policy the build writes (scripts/page-policy.js)', () => {
  test('pages exist', () => {
    expect(pages.map((p) => path.basename(p)).sort()).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'status.html']));
  });

  test.each(pages.map((p) => [path.relative(ROOT, p), p]))('%s takes its policy and its Office.js from the build', (_rel, file) => {
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"\s+content="<%= csp %>"/);
    // No origin is written into a page by hand: Office.js comes from the build's choice (CDN or local copy).
    expect(html).not.toMatch(/https?:\/\//);
  });

  test.each([['pane'], ['commands']] as const)('the %s policy', (kind) => {
    for (const officeJs of ['cdn', 'local'] as const) {
      const policy = directives(pagePolicy(officeJs, kind));
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      for (const values of policy.values()) {
        expect(values).not.toContain("'unsafe-eval'");
        expect(values).not.toContain('*');
      }
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      if (officeJs === 'local') {
        // closed networks: this origin only
        expect(origins(policy)).toEqual([]);
        expect(policy.get('script-src')).toEqual(["'self'"]);
      } else {
        // the CDN build: only the origins Office.js is documented to need (office-js issue #1005)
        expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com']);
        expect(policy.get('connect-src')).toEqual(["'self'", 'https://browser.pipe.aria.microsoft.com']);
        expect(policy.get('frame-src')).toEqual(['https://appsforoffice.microsoft.com']);
        expect(origins(policy)).toEqual(['https://ajax.aspnetcdn.com', 'https://appsforoffice.microsoft.com', 'https://browser.pipe.aria.microsoft.com']);
      }
    }
  });

  test('browser mode narrows the page to its own origin', () => {
    const policy = directives(BROWSER_MODE_POLICY);
    expect(origins(policy)).toEqual([]);
    for (const d of ['default-src', 'script-src', 'connect-src']) expect(policy.get(d)).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
  });
});
