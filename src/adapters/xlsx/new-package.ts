/**
 * A workbook made from nothing (the several-books summary, "KQ tổng hợp.xlsx"): the smallest package
 * the reader accepts — content types, the package relationships and a workbook part without sheets.
 * Everything else (styles, the add-in's sheets with their tables and charts) is added by the same
 * writer that patches a user's book, so a new book and an annotated one are written by one code path.
 * A new book must be given at least one sheet before it is written: Excel opens no book without one.
 */
import { TRANSITIONAL } from './namespaces';
import type { XlsxPlatform } from './platform';
import { writeZip, type OutPart } from './zip-write';
import { readZip } from './zip-read';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const PARTS: readonly (readonly [string, string])[] = [
  [
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '</Types>',
  ],
  [
    '_rels/.rels',
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${TRANSITIONAL.relTypes}officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ],
  [
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.r}">` +
      '<bookViews><workbookView/></bookViews><sheets/></workbook>',
  ],
];

/** An empty zip: only its end-of-directory record. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/** The bytes of an empty .xlsx package (no sheets yet). */
export async function emptyPackageBytes(platform: XlsxPlatform): Promise<Uint8Array> {
  const parts: OutPart[] = PARTS.map(([name, xml]) => ({ kind: 'data', name, data: platform.encode(xml) }));
  return writeZip(readZip(EMPTY_ZIP), parts, platform);
}
