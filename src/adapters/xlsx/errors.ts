/**
 * What can be wrong with a package, as data: the adapter never words a problem for the user; the
 * command line and the browser mode choose the words (src/i18n/xlsx.ts).
 */

export type XlsxProblem =
  /** Not a zip we can read: no end-of-directory record, or a directory that points outside the file. */
  | { readonly kind: 'not-zip'; readonly detail: string }
  /** A zip, but no spreadsheet inside (no workbook part, or a Word or PowerPoint document). */
  | { readonly kind: 'not-workbook' }
  | { readonly kind: 'duplicate-entry'; readonly name: string }
  /** An entry name no part can have ("../x", "/tmp/x", "C:x"): a zip-slip attempt or a broken writer. */
  | { readonly kind: 'bad-entry-name'; readonly name: string }
  | { readonly kind: 'too-many-entries'; readonly count: number; readonly limit: number }
  /** A part (or the whole package) inflates past the limits: a zip bomb, or a book far past any real one. */
  | { readonly kind: 'too-large'; readonly part: string }
  | { readonly kind: 'missing-part'; readonly part: string }
  /** A part that cannot be read: bad deflate data, wrong checksum, XML that is not well formed. */
  | { readonly kind: 'damaged-part'; readonly part: string; readonly detail: string; readonly sheet?: string }
  /** A document type declaration: refused, never expanded (billion laughs, external entities). */
  | { readonly kind: 'dtd'; readonly part: string; readonly sheet?: string }
  /** Bytes that are not UTF-8 (or a part declared in another encoding). */
  | { readonly kind: 'not-utf8'; readonly part: string; readonly sheet?: string }
  | { readonly kind: 'outside-grid'; readonly part: string; readonly sheet: string; readonly ref: string }
  | { readonly kind: 'shared-string'; readonly part: string; readonly sheet: string; readonly cell: string; readonly index: number; readonly count: number }
  /** More cells than the limit: reading them all would exhaust memory. */
  | { readonly kind: 'too-many-cells'; readonly limit: number }
  /** A compression method other than stored or deflate, in a part that must be read. */
  | { readonly kind: 'unsupported-method'; readonly part: string; readonly method: number };

export class XlsxError extends Error {
  constructor(readonly problem: XlsxProblem) {
    super(`${problem.kind}: ${JSON.stringify(problem)}`);
    this.name = 'XlsxError';
  }
}

/** The same problem, now known to belong to a sheet. */
export function inSheet(e: unknown, sheet: string): unknown {
  if (!(e instanceof XlsxError)) return e;
  const p = e.problem;
  if ((p.kind === 'damaged-part' || p.kind === 'dtd' || p.kind === 'not-utf8') && p.sheet === undefined) return new XlsxError({ ...p, sheet });
  return e;
}

/** Thrown by the XML reader; the part reader turns it into a damaged-part problem. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'XmlSyntaxError';
  }
}
