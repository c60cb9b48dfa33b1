/** Offline manifest check: what Office would reject or silently ignore, without its online validator. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { associatedNames, checkManifest, commandSources, pngSize } from '../../scripts/manifest-check';
import { DEV_BASE_URL, normaliseBaseUrl, rewriteManifest } from '../../scripts/manifest-url';
import { ribbonMessages } from '../../src/i18n/ribbon';

const ROOT = join(__dirname, '..', '..');
const XML = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const REGISTERED = associatedNames(commandSources(join(ROOT, 'src', 'commands')));

function check(xml: string, baseUrl?: string): string[] {
  return checkManifest(xml, { filesRoot: ROOT, registeredFunctions: REGISTERED, ...(baseUrl ? { baseUrl } : {}) }).problems;
}

test('the manifest passes the offline check', () => {
  expect(check(XML)).toEqual([]);
});

test('its facts: one origin (the dev server), three function commands, all registered in src/commands', () => {
  const { facts } = checkManifest(XML, { filesRoot: ROOT, registeredFunctions: REGISTERED });
  expect(facts.baseUrl).toBe(DEV_BASE_URL);
  expect(facts.functionNames.sort()).toEqual(['checkAndFlag', 'clearFlags', 'scoreUnits']);
  expect([...REGISTERED].sort()).toEqual(['checkAndFlag', 'clearFlags', 'scoreUnits']);
  expect(facts.urls.every((u) => u.startsWith(DEV_BASE_URL))).toBe(true);
});

test('labels and tooltips are the ribbon catalogue, English by default and Vietnamese for vi-VN', () => {
  const { facts } = checkManifest(XML, { filesRoot: ROOT, registeredFunctions: REGISTERED });
  const en = ribbonMessages('en');
  const vi = ribbonMessages('vi');
  const expected: Record<string, keyof typeof en> = {
    'Tab.Label': 'tabLabel',
    'Group.Label': 'groupLabel',
    'Check.Label': 'checkLabel',
    'Check.Tip': 'checkTip',
    'Score.Label': 'scoreLabel',
    'Score.Tip': 'scoreTip',
    'Clear.Label': 'clearLabel',
    'Clear.Tip': 'clearTip',
    'Pane.Label': 'paneLabel',
    'Pane.Tip': 'paneTip',
    'GetStarted.Title': 'getStartedTitle',
    'GetStarted.Description': 'getStartedDescription',
  };
  expect([...facts.strings.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [id, key] of Object.entries(expected)) {
    const s = facts.strings.get(id)!;
    expect([id, s.value]).toEqual([id, en[key]]);
    expect([id, s.overrides.get('vi-VN')]).toEqual([id, vi[key]]);
  }
  expect(facts.displayName.value).toBe(en.addinName);
  expect(facts.displayName.overrides.get('vi-VN')).toBe(vi.addinName);
  expect(facts.description.value).toBe(en.addinDescription);
  expect(facts.description.overrides.get('vi-VN')).toBe(vi.addinDescription);
});

/** Decode an 8-bit RGBA PNG (as scripts/make-icons.ts writes them) and count visible pixels. */
function visiblePixels(bytes: Buffer): { visible: number; colours: number } {
  const { width, height } = pngSize(bytes)!;
  const idat: Buffer[] = [];
  for (let p = 8; p < bytes.length; ) {
    const len = bytes.readUInt32BE(p);
    if (bytes.toString('ascii', p + 4, p + 8) === 'IDAT') idat.push(bytes.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  let visible = 0;
  const colours = new Set<number>();
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0); // filter type 0
    for (let x = 0; x < width; x++) {
      const i = y * (width * 4 + 1) + 1 + x * 4;
      if (raw[i + 3]! > 128) {
        visible++;
        colours.add((raw[i]! << 16) | (raw[i + 1]! << 8) | raw[i + 2]!);
      }
    }
  }
  return { visible, colours: colours.size };
}

test('every icon is a real PNG drawing at the size its name says', () => {
  const files = readdirSync(join(ROOT, 'assets')).filter((f) => f.endsWith('.png'));
  expect(files.length).toBe(16);
  for (const f of files) {
    const bytes = readFileSync(join(ROOT, 'assets', f));
    const size = Number(/-(\d+)\.png$/.exec(f)![1]);
    expect([f, pngSize(bytes)]).toEqual([f, { width: size, height: size }]);
    const { visible, colours } = visiblePixels(bytes);
    expect(visible / (size * size)).toBeGreaterThan(0.2); // not blank
    expect(colours).toBeGreaterThan(2); // more than a flat shape
  }
});

describe('the check catches what Office would reject', () => {
  const cases: Array<[string, (x: string) => string, RegExp]> = [
    ['Group after the tab Label', (x) => x.replace(/(<CustomTab id="KQ.Tab">)([\s\S]*?)(<\/Group>)\s*(<Label resid="Tab.Label"\/>)/, '$1$4$2$3'), /out of order|expected <Group>/],
    ['Permissions before DefaultSettings', (x) => x.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)\s*(<Permissions>ReadWriteDocument<\/Permissions>)/, '$2$1'), /out of order|expected/],
    ['an undefined resid', (x) => x.replace('<Label resid="Score.Label"/>', '<Label resid="Score.Labl"/>'), /"Score.Labl".*not defined/],
    ['a long string used as a label', (x) => x.replace('<Label resid="Score.Label"/>', '<Label resid="Score.Tip"/>'), /must be a short resource/],
    ['a resid over 32 characters', (x) => x.replace(/Check\.Label/g, 'Check.Label.With.A.Very.Long.Name.X'), /longer than 32/],
    ['a URL on another origin', (x) => x.replace('https://localhost:3000/commands.html', 'https://cdn.example.com/commands.html'), /not on the configured origin/],
    ['plain http', (x) => x.replace('https://localhost:3000/assets/icon-16.png', 'http://localhost:3000/assets/icon-16.png'), /not https/],
    ['an icon at the wrong size', (x) => x.replace('assets/check-16.png', 'assets/check-32.png'), /is 32×32, declared 16×16/],
    ['a missing icon file', (x) => x.replace('assets/pane-80.png', 'assets/pane-81.png'), /icon file missing/],
    ['an icon without its 80 px image', (x) => x.replace('<bt:Image size="80" resid="Clear.80x80"/>', ''), /lacks the 80px image|never used/],
    ['an unregistered function', (x) => x.replace('<FunctionName>clearFlags</FunctionName>', '<FunctionName>clearAll</FunctionName>'), /"clearAll" is not registered/],
    ['a label without Vietnamese', (x) => x.replace('<bt:Override Locale="vi-VN" Value="Chấm điểm đơn vị"/>', ''), /"Score.Label" has no vi-VN override/],
    ['a label over 125 characters', (x) => x.replace('DefaultValue="Score units"', `DefaultValue="${'x'.repeat(126)}"`), /more than 125/],
    ['a lower ExcelApi', (x) => x.replace('MinVersion="1.9"', 'MinVersion="1.7"'), /ExcelApi 1\.9/],
    ['another host', (x) => x.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /exactly Workbook/],
  ];
  for (const [what, mutate, problem] of cases) {
    test(what, () => {
      const xml = mutate(XML);
      expect(xml).not.toBe(XML);
      expect(check(xml).join('\n')).toMatch(problem);
    });
  }

  test('malformed XML (a double hyphen inside a comment) is refused', () => {
    expect(() => check(XML.replace('<Hosts>', '<!-- npm run build -- --env --><Hosts>'))).toThrow(/well-formed/);
  });
});

describe('the production URL set at build time', () => {
  test('every URL moves to the given origin and path; the result still passes', () => {
    const built = rewriteManifest(XML, 'https://intranet.example/addin');
    expect(built).not.toContain('localhost');
    const { problems, facts } = checkManifest(built, { filesRoot: ROOT, registeredFunctions: REGISTERED });
    expect(problems).toEqual([]);
    expect(facts.baseUrl).toBe('https://intranet.example/addin/');
    expect(facts.urls).toContain('https://intranet.example/addin/commands.html');
  });

  test('only an https URL without query or fragment is accepted', () => {
    expect(normaliseBaseUrl('https://intranet.example/addin/')).toBe('https://intranet.example/addin/');
    expect(normaliseBaseUrl('https://10.0.0.5:8443')).toBe('https://10.0.0.5:8443/');
    expect(() => normaliseBaseUrl('http://intranet.example/addin/')).toThrow(/HTTPS/);
    expect(() => normaliseBaseUrl('https://intranet.example/addin/?x=1')).toThrow(/query/);
    expect(() => normaliseBaseUrl('not a url')).toThrow(/not a URL/);
  });
});
