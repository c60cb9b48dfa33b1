/**
 * A minimal writer that patches a package the way issue 10 asks, written only to test the checks of
 * tool-parts.ts: if they reject this, they reject every patching writer; if they accept its copy
 * with one more change, they miss a loss. It adds one flag rule and one note to a task sheet, a dxf,
 * and one "KQ" sheet, by text insertion, leaving everything else as it is.
 */
import { strFromU8, strToU8 } from 'fflate';
import { relOfType, relsPartOf, sheetPart, workbookPart, type Parts } from './package';

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Start offsets and local names of the root element's children, and the offset of its end tag. */
function topLevel(xml: string): { children: Array<{ name: string; at: number }>; end: number } {
  const children: Array<{ name: string; at: number }> = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g)) {
    if (m[2] === undefined) continue;
    if (m[1]) {
      depth--;
      if (depth === 0) return { children, end: m.index };
    } else {
      if (depth === 1) children.push({ name: m[2], at: m.index });
      if (!m[3]) depth++;
    }
  }
  throw new Error('simulated patch: unbalanced XML');
}

/** Insert before the first top-level child named in `next` (the schema's order), else before the end tag. */
function insertBefore(xml: string, next: readonly string[], insert: string): string {
  const { children, end } = topLevel(xml);
  const at = children.find((c) => next.includes(c.name))?.at ?? end;
  return xml.slice(0, at) + insert + xml.slice(at);
}

function addRelationship(parts: Map<string, Uint8Array>, relsPart: string, id: string, type: string, target: string): void {
  const rel = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const old = parts.get(relsPart);
  const xml = old
    ? strFromU8(old).replace(/<\/(?:[\w.-]+:)?Relationships>\s*$/, (end) => rel + end)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
  parts.set(relsPart, strToU8(xml));
}

function addOverride(parts: Map<string, Uint8Array>, part: string, type: string): void {
  const xml = strFromU8(parts.get('[Content_Types].xml')!).replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  parts.set('[Content_Types].xml', strToU8(xml));
}

function appendDxf(styles: string): { xml: string; id: number } {
  const dxf = '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
  const empty = /<dxfs count="0"\s*\/>/;
  if (empty.test(styles)) return { xml: styles.replace(empty, `<dxfs count="1">${dxf}</dxfs>`), id: 0 };
  const list = /<dxfs count="(\d+)">([\s\S]*?)<\/dxfs>/.exec(styles);
  if (list) {
    const n = Number(list[1]);
    return { xml: styles.replace(list[0], `<dxfs count="${n + 1}">${list[2]}${dxf}</dxfs>`), id: n };
  }
  return { xml: insertBefore(styles, ['tableStyles', 'colors', 'extLst'], `<dxfs count="1">${dxf}</dxfs>`), id: 0 };
}

/** The package patched: one overdue rule and one note on `sheet`, one dxf, one owned sheet "KQ Đánh giá". */
export function simulatedPatch(input: Parts, sheet: string): Map<string, Uint8Array> {
  const parts = new Map(input);
  const wb = workbookPart(input);
  const styles = relOfType(input, wb, 'styles')[0]!.part;
  const { xml: stylesXml, id: dxfId } = appendDxf(strFromU8(input.get(styles)!));
  parts.set(styles, strToU8(stylesXml));

  const part = sheetPart(input, sheet);
  let xml = strFromU8(input.get(part)!);
  const cf = `<conditionalFormatting sqref="B4:G9"><cfRule type="expression" dxfId="${dxfId}" priority="90"><formula>AND(N("kq:overdue")=0,$F4="",$E4&lt;TODAY())</formula></cfRule></conditionalFormatting>`;
  xml = insertBefore(xml, ['dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'drawing', 'legacyDrawing', 'tableParts', 'extLst'], cf);
  const note = (author: number) => `<comment ref="F8" authorId="${author}"><text><t>[KQ kiểm tra] Không phải ngày: '30/02/2026'</t></text></comment>`;
  const shape =
    '<v:shape id="_x0000_s9001" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>7</x:Row><x:Column>5</x:Column></x:ClientData></v:shape>';
  const comments = relOfType(input, part, 'comments')[0];
  if (comments) {
    const text = strFromU8(input.get(comments.part)!);
    const authors = (text.match(/<(?:[\w.-]+:)?author>/g) ?? []).length;
    parts.set(comments.part, strToU8(text.replace(/<\/((?:[\w.-]+:)?)authors>/, (end) => `<author>Trách nhiệm</author>${end}`).replace(/<\/((?:[\w.-]+:)?)commentList>/, (end) => note(authors) + end)));
    const vml = relOfType(input, part, 'vmlDrawing')[0]!.part;
    parts.set(vml, strToU8(strFromU8(input.get(vml)!).replace(/<\/xml>\s*$/, `${shape}</xml>`)));
  } else {
    const dir = part.slice(0, part.lastIndexOf('/'));
    const commentsPart = `${dir}/kq-comments1.xml`;
    const vmlPart = `${dir}/kq-vmlDrawing1.vml`;
    parts.set(commentsPart, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>Trách nhiệm</author></authors><commentList>${note(0)}</commentList></comments>`));
    parts.set(vmlPart, strToU8(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">${shape}</xml>`));
    addRelationship(parts, relsPartOf(part), 'rIdKq1', 'comments', commentsPart.slice(dir.length + 1));
    addRelationship(parts, relsPartOf(part), 'rIdKq2', 'vmlDrawing', vmlPart.slice(dir.length + 1));
    addOverride(parts, commentsPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
    addOverride(parts, vmlPart, 'application/vnd.openxmlformats-officedocument.vmlDrawing');
    xml = insertBefore(xml, ['legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'], `<legacyDrawing xmlns:r="${R_NS}" r:id="rIdKq2"/>`);
  }
  parts.set(part, strToU8(xml));

  const owned = 'xl/worksheets/kq-sheet1.xml';
  parts.set(owned, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>KẾT QUẢ</t></is></c></row></sheetData></worksheet>`));
  addOverride(parts, owned, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
  addRelationship(parts, relsPartOf(wb), 'rIdKq9', 'worksheet', `/${owned}`);
  const wbXml = strFromU8(input.get(wb)!).replace(/<\/((?:[\w.-]+:)?)sheets>/, (end) => `<sheet xmlns:r="${R_NS}" name="KQ Đánh giá" sheetId="901" r:id="rIdKq9"/>${end}`);
  parts.set(wb, strToU8(wbXml));
  return parts;
}
