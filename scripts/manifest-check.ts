/**
 * Offline check of the add-in manifest (Microsoft's `office-addin-manifest validate` needs its online
 * service). It checks what Office rejects or silently ignores in the parts this manifest uses:
 * well-formed XML; required elements in the order the schema wants; every resid defined (and every
 * resource used); string lengths; every URL on the one configured origin; every icon file present at
 * its declared size; every FunctionName registered with Office.actions.associate in src/commands.
 *
 *   npx tsx scripts/manifest-check.ts [manifest.xml | dist/manifest.xml]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { MIN_EXCEL_API } from '../src/adapters/office/minimum';

const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const NS_VO = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** One child in a content model: name (prefix "bt:" for the basic-types namespace), min and max. */
type Particle = readonly [name: string, min: number, max: number];
const MANY = Number.POSITIVE_INFINITY;

/**
 * Content models (sequences) of the elements this manifest uses, from the add-in manifest schema
 * (TaskPaneApp 1.1, VersionOverrides 1.0). Keyed by "namespace-tag element" or a context name.
 */
const MODELS: Record<string, readonly Particle[]> = {
  OfficeApp: [
    ['Id', 1, 1],
    ['AlternateId', 0, 1],
    ['Version', 1, 1],
    ['ProviderName', 1, 1],
    ['DefaultLocale', 1, 1],
    ['DisplayName', 1, 1],
    ['Description', 1, 1],
    ['IconUrl', 0, 1],
    ['HighResolutionIconUrl', 0, 1],
    ['SupportUrl', 0, 1],
    ['AppDomains', 0, 1],
    ['Hosts', 0, 1],
    ['Requirements', 0, 1],
    ['DefaultSettings', 1, 1],
    ['Permissions', 1, 1],
    ['AllowSnapshot', 0, 1],
    ['VersionOverrides', 0, 1],
  ],
  DisplayName: [['Override', 0, MANY]],
  Description: [['Override', 0, MANY]],
  Hosts: [['Host', 1, MANY]],
  Requirements: [
    ['Sets', 0, 1],
    ['Methods', 0, 1],
  ],
  Sets: [['Set', 1, MANY]],
  DefaultSettings: [
    ['SourceLocation', 1, 1],
    ['RequestedWidth', 0, 1],
    ['RequestedHeight', 0, 1],
  ],
  VersionOverrides: [
    ['Description', 0, 1],
    ['Requirements', 0, 1],
    ['Hosts', 1, 1],
    ['Resources', 0, 1],
  ],
  'VersionOverrides/Hosts': [['Host', 1, MANY]],
  'VersionOverrides/Host': [
    ['AllFormFactors', 0, 1],
    ['DesktopFormFactor', 1, 1],
  ],
  DesktopFormFactor: [
    ['GetStarted', 0, 1],
    ['FunctionFile', 1, 1],
    ['ExtensionPoint', 1, MANY],
  ],
  GetStarted: [
    ['Title', 1, 1],
    ['Description', 1, 1],
    ['LearnMoreUrl', 0, 1],
  ],
  ExtensionPoint: [['CustomTab', 1, MANY]],
  CustomTab: [
    ['Group', 1, MANY],
    ['Label', 1, 1],
  ],
  Group: [
    ['Label', 1, 1],
    ['Icon', 1, 1],
    ['Control', 1, MANY],
  ],
  Control: [
    ['Label', 1, 1],
    ['Supertip', 1, 1],
    ['Icon', 1, 1],
    ['Action', 1, 1],
  ],
  Supertip: [
    ['Title', 1, 1],
    ['Description', 1, 1],
  ],
  Icon: [['bt:Image', 3, MANY]],
  'Action/ExecuteFunction': [['FunctionName', 1, 1]],
  'Action/ShowTaskpane': [
    ['TaskpaneId', 0, 1],
    ['SourceLocation', 1, 1],
    ['Title', 0, 1],
  ],
  Resources: [
    ['bt:Images', 0, 1],
    ['bt:Urls', 0, 1],
    ['bt:ShortStrings', 0, 1],
    ['bt:LongStrings', 0, 1],
  ],
  'bt:Images': [['bt:Image', 1, MANY]],
  'bt:Urls': [['bt:Url', 1, MANY]],
  'bt:ShortStrings': [['bt:String', 1, MANY]],
  'bt:LongStrings': [['bt:String', 1, MANY]],
  'bt:String': [['bt:Override', 0, MANY]],
};

/** Leaf elements: no element children expected. */
const LEAVES = new Set([
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'Override', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl',
  'Host', 'Set', 'SourceLocation', 'RequestedWidth', 'RequestedHeight', 'Permissions', 'AllowSnapshot', 'Title', 'Label',
  'LearnMoreUrl', 'FunctionFile', 'FunctionName', 'TaskpaneId', 'bt:Image', 'bt:Url', 'bt:Override',
]);

const RESID_MAX = 32;
const SHORT_MAX = 125;
const LONG_MAX = 250;
const ICON_SIZES = ['16', '32', '80'];

export interface ManifestFacts {
  readonly baseUrl: string | null;
  readonly functionNames: string[];
  readonly urls: string[];
  /** resid → { default, overrides by locale } for short and long strings. */
  readonly strings: Map<string, { value: string; overrides: Map<string, string> }>;
  readonly displayName: { value: string; overrides: Map<string, string> };
  readonly description: { value: string; overrides: Map<string, string> };
}

export interface CheckOptions {
  /** The origin and path every URL must start with; by default the folder of SourceLocation. */
  readonly baseUrl?: string;
  /** Folder that URL paths below baseUrl map to (the repository root, or dist/). */
  readonly filesRoot: string;
  /** Function names registered with Office.actions.associate. */
  readonly registeredFunctions: readonly string[];
}

function nameOf(el: Element): string {
  return el.namespaceURI === NS_BT ? `bt:${el.localName}` : el.localName!;
}

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS_XSI, 'type') || null;
}

function modelKey(el: Element, parent: Element | null): string {
  const name = nameOf(el);
  if (name === 'Action') return `Action/${xsiType(el) ?? ''}`;
  if ((name === 'Hosts' || name === 'Host') && el.namespaceURI === NS_VO) return `VersionOverrides/${name}`;
  if (name === 'Description' && parent && nameOf(parent) === 'Supertip') return 'leaf';
  if (name === 'Description' && parent && (nameOf(parent) === 'GetStarted' || parent.namespaceURI === NS_VO)) return 'leaf';
  return name;
}

/** Check one element's children against its sequence; recurse. */
function checkOrder(el: Element, parent: Element | null, path: string, problems: string[]): void {
  const key = modelKey(el, parent);
  const children = childElements(el);
  const here = `${path}/${nameOf(el)}`;
  if (key === 'leaf' || LEAVES.has(key)) {
    if (children.length > 0) problems.push(`${here}: unexpected child element <${nameOf(children[0]!)}>`);
    return;
  }
  const model = MODELS[key];
  if (!model) {
    problems.push(`${here}: element not expected by this check (${key})`);
    return;
  }
  let i = 0;
  for (const [name, min, max] of model) {
    let count = 0;
    while (i < children.length && nameOf(children[i]!) === name && count < max) {
      count++;
      i++;
    }
    if (count < min) problems.push(`${here}: expected <${name}>${min > 1 ? ` ×${min}` : ''} at position ${i + 1}${i < children.length ? `, found <${nameOf(children[i]!)}>` : ''}`);
  }
  if (i < children.length) problems.push(`${here}: <${nameOf(children[i]!)}> is out of order or not allowed here`);
  for (const c of children) checkOrder(c, el, here, problems);
}

function all(root: Element, ns: string, tag: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, tag));
}

function overridesOf(el: Element, ns: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const o of childElements(el)) if (o.namespaceURI === ns && o.localName === 'Override') m.set(o.getAttribute('Locale') ?? '', o.getAttribute('Value') ?? '');
  return m;
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function parseManifest(xml: string): Element {
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      throw new Error(`manifest is not well-formed XML (${level}): ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) throw new Error('manifest has no root element');
  return root;
}

/** Function names passed as string literals to Office.actions.associate in the given sources. */
export function associatedNames(sources: readonly string[]): string[] {
  const names: string[] = [];
  const re = /Office\.actions\.associate\(\s*(['"`])([^'"`]+)\1/g;
  for (const src of sources) for (const m of src.matchAll(re)) names.push(m[2]!);
  return names;
}

export function commandSources(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

export function checkManifest(xml: string, opts: CheckOptions): { problems: string[]; facts: ManifestFacts } {
  const problems: string[] = [];
  const root = parseManifest(xml);
  if (root.namespaceURI !== NS_APP || root.localName !== 'OfficeApp') problems.push('root element must be OfficeApp in the appforoffice/1.1 namespace');
  if (xsiType(root) !== 'TaskPaneApp') problems.push('OfficeApp xsi:type must be TaskPaneApp');
  checkOrder(root, null, '', problems);

  const vo = all(root, NS_VO, 'VersionOverrides')[0];
  if (vo && xsiType(vo) !== 'VersionOverridesV1_0') problems.push('VersionOverrides xsi:type must be VersionOverridesV1_0');

  // Hosts, requirements, permissions
  const hosts = all(root, NS_APP, 'Host').map((h) => h.getAttribute('Name'));
  if (hosts.join() !== 'Workbook') problems.push(`Hosts must be exactly Workbook, found ${hosts.join(', ')}`);
  const excelSet = all(root, NS_APP, 'Set').find((s) => s.getAttribute('Name') === 'ExcelApi');
  // The pages cannot run in the engines of hosts below it (src/adapters/office/host.ts, docs/deploy.md).
  if (excelSet?.getAttribute('MinVersion') !== MIN_EXCEL_API) problems.push(`Requirements must ask for ExcelApi ${MIN_EXCEL_API}`);
  const perm = all(root, NS_APP, 'Permissions')[0]?.textContent?.trim();
  if (perm !== 'ReadWriteDocument') problems.push(`Permissions must be ReadWriteDocument, found ${perm}`);
  for (const h of all(root, NS_VO, 'Host')) if (xsiType(h) !== 'Workbook') problems.push(`VersionOverrides host must be Workbook, found ${xsiType(h)}`);

  // resources
  const defined = new Map<string, { kind: string; el: Element }>();
  const kinds: Array<[string, string]> = [
    ['Images', 'image'],
    ['Urls', 'url'],
    ['ShortStrings', 'short'],
    ['LongStrings', 'long'],
  ];
  for (const [group, kind] of kinds) {
    for (const g of all(root, NS_BT, group)) {
      for (const item of childElements(g)) {
        const id = item.getAttribute('id') ?? '';
        if (!id) problems.push(`${group}: resource without id`);
        if (id.length > RESID_MAX) problems.push(`resource id "${id}" is longer than ${RESID_MAX} characters`);
        if (defined.has(id)) problems.push(`resource id "${id}" is defined twice`);
        defined.set(id, { kind, el: item });
      }
    }
  }
  const used = new Set<string>();
  const wantKind = (el: Element): string => {
    const name = nameOf(el);
    if (name === 'bt:Image') return 'image';
    if (name === 'SourceLocation' || name === 'FunctionFile' || name === 'LearnMoreUrl') return 'url';
    if (name === 'Description') return 'long';
    return 'short';
  };
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    if (!el.hasAttribute('resid')) continue;
    const id = el.getAttribute('resid')!;
    used.add(id);
    if (id.length > RESID_MAX) problems.push(`resid "${id}" is longer than ${RESID_MAX} characters`);
    const d = defined.get(id);
    if (!d) problems.push(`resid "${id}" (on <${nameOf(el)}>) is not defined in Resources`);
    else if (d.kind !== wantKind(el)) problems.push(`resid "${id}" on <${nameOf(el)}> must be a ${wantKind(el)} resource, it is a ${d.kind}`);
  }
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);

  // strings: lengths and a vi-VN override for every one
  const strings = new Map<string, { value: string; overrides: Map<string, string> }>();
  for (const [id, d] of defined) {
    if (d.kind !== 'short' && d.kind !== 'long') continue;
    const value = d.el.getAttribute('DefaultValue') ?? '';
    const overrides = overridesOf(d.el, NS_BT);
    strings.set(id, { value, overrides });
    const max = d.kind === 'short' ? SHORT_MAX : LONG_MAX;
    for (const [where, text] of [['default', value], ...overrides] as Array<[string, string]>) {
      if (text.length === 0) problems.push(`string "${id}" (${where}) is empty`);
      if (text.length > max) problems.push(`string "${id}" (${where}) has ${text.length} characters, more than ${max}`);
    }
    if (!overrides.has('vi-VN')) problems.push(`string "${id}" has no vi-VN override`);
  }
  const displayNameEl = all(root, NS_APP, 'DisplayName')[0];
  const descriptionEl = childElements(root).find((e) => e.localName === 'Description');
  const displayName = { value: displayNameEl?.getAttribute('DefaultValue') ?? '', overrides: displayNameEl ? overridesOf(displayNameEl, NS_APP) : new Map<string, string>() };
  const description = { value: descriptionEl?.getAttribute('DefaultValue') ?? '', overrides: descriptionEl ? overridesOf(descriptionEl, NS_APP) : new Map<string, string>() };
  if (!displayName.overrides.has('vi-VN')) problems.push('DisplayName has no vi-VN override');
  if (!description.overrides.has('vi-VN')) problems.push('Description has no vi-VN override');
  if (displayName.value.length > SHORT_MAX) problems.push('DisplayName is longer than 125 characters');

  // URLs: one origin
  const urlEls = [
    ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].flatMap((t) => all(root, NS_APP, t)),
    ...all(root, NS_BT, 'Image').filter((e) => e.hasAttribute('DefaultValue')),
    ...all(root, NS_BT, 'Url'),
  ];
  const urls: string[] = [];
  for (const el of urlEls) {
    urls.push(el.getAttribute('DefaultValue') ?? '');
    for (const o of childElements(el)) if (o.hasAttribute('Value')) urls.push(o.getAttribute('Value')!);
  }
  const source = all(root, NS_APP, 'SourceLocation')[0]?.getAttribute('DefaultValue') ?? '';
  const baseUrl = opts.baseUrl ?? (/^https:\/\/[^?#]*\//.exec(source)?.[0] ?? null);
  if (!baseUrl) problems.push(`cannot tell the add-in origin from SourceLocation "${source}"`);
  for (const u of urls) {
    if (!u.startsWith('https://')) problems.push(`URL is not https: ${u}`);
    if (baseUrl && !u.startsWith(baseUrl)) problems.push(`URL is not on the configured origin ${baseUrl}: ${u}`);
  }

  // icons: files present at their declared sizes
  const fileOf = (url: string): string | null => (baseUrl && url.startsWith(baseUrl) ? join(opts.filesRoot, url.slice(baseUrl.length)) : null);
  const checkIcon = (url: string, size: number, what: string): void => {
    const file = fileOf(url);
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      problems.push(`${what}: icon file missing: ${file}`);
      return;
    }
    const dim = pngSize(bytes);
    if (!dim) problems.push(`${what}: not a PNG: ${file}`);
    else if (dim.width !== size || dim.height !== size) problems.push(`${what}: ${file} is ${dim.width}×${dim.height}, declared ${size}×${size}`);
  };
  const iconUrl = all(root, NS_APP, 'IconUrl')[0]?.getAttribute('DefaultValue');
  if (iconUrl) checkIcon(iconUrl, 32, 'IconUrl');
  const hiRes = all(root, NS_APP, 'HighResolutionIconUrl')[0]?.getAttribute('DefaultValue');
  if (hiRes) checkIcon(hiRes, 64, 'HighResolutionIconUrl');
  for (const icon of all(root, NS_VO, 'Icon')) {
    const sizes = childElements(icon).map((i) => i.getAttribute('size') ?? '');
    for (const s of ICON_SIZES) if (!sizes.includes(s)) problems.push(`an <Icon> lacks the ${s}px image`);
    for (const img of childElements(icon)) {
      const id = img.getAttribute('resid') ?? '';
      const d = defined.get(id);
      if (d?.kind === 'image') checkIcon(d.el.getAttribute('DefaultValue') ?? '', Number(img.getAttribute('size')), `image "${id}"`);
    }
  }

  // function commands
  const functionNames = all(root, NS_VO, 'FunctionName').map((f) => f.textContent?.trim() ?? '');
  for (const f of functionNames) if (!opts.registeredFunctions.includes(f)) problems.push(`FunctionName "${f}" is not registered with Office.actions.associate`);
  const controlIds = all(root, NS_VO, 'Control').map((c) => c.getAttribute('id'));
  if (new Set(controlIds).size !== controlIds.length) problems.push('control ids are not unique');

  return { problems, facts: { baseUrl, functionNames, urls, strings, displayName, description } };
}

function main(): void {
  const file = resolve(process.argv[2] ?? 'manifest.xml');
  const root = resolve(__dirname, '..');
  const filesRoot = file.includes(`${'/'}dist${'/'}`) ? resolve(root, 'dist') : root;
  const { problems, facts } = checkManifest(readFileSync(file, 'utf8'), {
    filesRoot,
    registeredFunctions: associatedNames(commandSources(join(root, 'src', 'commands'))),
  });
  if (problems.length > 0) {
    console.error(`${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`${file}: OK (origin ${facts.baseUrl}, ${facts.urls.length} URLs, functions ${facts.functionNames.join(', ')})`);
}

if (require.main === module) main();
