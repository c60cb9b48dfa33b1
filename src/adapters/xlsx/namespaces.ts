/** Namespaces, relationship types and content types the package layer reads and writes. */

export interface Namespaces {
  readonly main: string;
  /** The namespace of r:id attributes. */
  readonly r: string;
  /** Prefix of relationship type URIs ("…/relationships/" + tail). */
  readonly relTypes: string;
  readonly a: string;
  readonly xdr: string;
  readonly c: string;
}

export const TRANSITIONAL: Namespaces = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relTypes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
};

/** ISO 29500 Strict, as Excel's "Strict Open XML Spreadsheet" writes it. */
export const STRICT: Namespaces = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  relTypes: 'http://purl.oclc.org/ooxml/officeDocument/relationships/',
  a: 'http://purl.oclc.org/ooxml/drawingml/main',
  xdr: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
  c: 'http://purl.oclc.org/ooxml/drawingml/chart',
};

export const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const THREADED_COMMENT_TYPE = 'threadedComment';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/** What a package is, by its workbook's content type; the annotated copy keeps the kind and its extension. */
export type BookKind = 'xlsx' | 'xlsm' | 'xltx' | 'xltm';

export const WORKBOOK_TYPES: Readonly<Record<string, BookKind>> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'xltm',
};

/** MIME type of each kind, for a download. */
export const BOOK_MIME: Readonly<Record<BookKind, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  xltx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template',
  xltm: 'application/vnd.ms-excel.template.macroEnabled.12',
};
