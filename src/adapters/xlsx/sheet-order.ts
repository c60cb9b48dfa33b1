/** Where an element goes in a worksheet: CT_Worksheet's element order (ECMA-376 Part 1, §18.3.1.99). */
import type { SheetLayout, TopElement } from './sheet-reader';

const ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function rank(el: TopElement): number {
  // mc:AlternateContent stands where the element of its first choice belongs (Excel wraps controls and OLE objects).
  return ORDER.indexOf(el.local === 'AlternateContent' ? (el.inner ?? '') : el.local);
}

/**
 * Byte offset at which a new `local` element goes: after the last element of the same kind when
 * `afterSame`, else before the first element that comes later in the schema (or before the end tag).
 */
export function insertionPoint(layout: SheetLayout, local: string, afterSame = true, skip: ReadonlySet<TopElement> = new Set()): number {
  const target = ORDER.indexOf(local);
  const children = layout.children.filter((c) => !skip.has(c));
  if (afterSame) {
    const same = children.filter((c) => c.local === local);
    if (same.length > 0) return same[same.length - 1]!.end;
  }
  const next = children.find((c) => rank(c) > target);
  return next ? next.start : layout.rootCloseStart;
}
