/**
 * Hand-written packages for tests: parts given as text, zipped with fflate, so that a test states
 * exactly the XML another writer would produce (prefixes, absolute targets, inline strings, no
 * shared strings or styles) without going through any writer of this project.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetSpec {
  readonly name: string;
  /** The worksheet part's whole XML. */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
}

export interface PackageSpec {
  readonly sheets: readonly SheetSpec[];
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly workbookPr?: string;
  /** Write relationship targets as absolute part names ("/xl/worksheets/sheet1.xml"), as openpyxl does. */
  readonly absolute?: boolean;
  readonly macro?: boolean;
  /** Extra parts: name → text or bytes. */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
  /** Extra relationships of a worksheet: sheet index → Relationship elements. */
  readonly sheetRels?: Readonly<Record<number, string>>;
  readonly overrides?: string;
}

export function worksheet(sheetData: string, after = '', before = ''): string {
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function sharedStrings(items: readonly string[]): string {
  return `${DECL}<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>`;
}

/** The parts of a package as text (or bytes). */
export function packageParts(spec: PackageSpec): Record<string, string | Uint8Array> {
  const t = (part: string, rel: string) => (spec.absolute ? `/${part}` : rel);
  const parts: Record<string, string | Uint8Array> = {};
  const mainType = spec.macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const overrides = [`<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>`];
  const wbRels: string[] = [];
  spec.sheets.forEach((s, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    parts[part] = s.xml;
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${t(part, `worksheets/sheet${i + 1}.xml`)}"/>`);
    const rels = spec.sheetRels?.[i];
    if (rels) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = `${DECL}<Relationships xmlns="${PKG_REL}">${rels}</Relationships>`;
  });
  if (spec.sharedStrings !== undefined) {
    parts['xl/sharedStrings.xml'] = spec.sharedStrings;
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    wbRels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${t('xl/sharedStrings.xml', 'sharedStrings.xml')}"/>`);
  }
  if (spec.styles !== undefined) {
    parts['xl/styles.xml'] = spec.styles;
    overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    wbRels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="${t('xl/styles.xml', 'styles.xml')}"/>`);
  }
  parts['xl/workbook.xml'] =
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr ?? ''}<sheets>` +
    spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  parts['xl/_rels/workbook.xml.rels'] = `${DECL}<Relationships xmlns="${PKG_REL}">${wbRels.join('')}</Relationships>`;
  parts['_rels/.rels'] = `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${t('xl/workbook.xml', 'xl/workbook.xml')}"/></Relationships>`;
  parts['[Content_Types].xml'] =
    `${DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}${spec.overrides ?? ''}</Types>`;
  Object.assign(parts, spec.extra ?? {});
  return parts;
}

export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [typeof data === 'string' ? strToU8(data) : data, { level: 6, mtime: new Date(Date.UTC(2026, 0, 1)) }];
  return zipSync(files);
}

export function buildPackage(spec: PackageSpec): Uint8Array {
  return zipParts(packageParts(spec));
}

/** A task sheet in inline strings: one task of Phòng Nội vụ, deadline 30/06/2026 as text. */
export const TASK_XML = worksheet(
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Nội dung nhiệm vụ</t></is></c><c r="B1" t="inlineStr"><is><t>Đơn vị chủ trì</t></is></c><c r="C1" t="inlineStr"><is><t>Thời hạn</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Báo cáo quý</t></is></c><c r="B2" t="inlineStr"><is><t>Phòng Nội vụ</t></is></c><c r="C2" t="inlineStr"><is><t>30/06/2026</t></is></c></row>',
);

/**
 * A book whose copy cannot keep everything: beside TASK_XML, a sheet of the user's named like the
 * add-in's own ("KQ Đánh giá", which SPEC §6 gives to the add-in) holding a picture,
 * xl/media/image1.png; the copy replaces that sheet, so the picture cannot be kept.
 */
export function bookWithPictureOnKqSheet(): Uint8Array {
  return buildPackage({
    sheets: [
      { name: 'Nhiệm vụ', xml: TASK_XML },
      { name: 'KQ Đánh giá', xml: worksheet('', '<drawing r:id="rId1"/>') },
    ],
    sheetRels: { 1: `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` },
    extra: {
      'xl/drawings/drawing1.xml': '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>',
      'xl/drawings/_rels/drawing1.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
      'xl/media/image1.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    },
    overrides: '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
  });
}
