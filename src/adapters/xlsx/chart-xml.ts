/**
 * The scores chart of "KQ Đánh giá" (SPEC §6), and the late-share chart of the several-books
 * summary (SPEC §7): a drawing part anchoring a clustered bar chart of a column by row, beside the table, as the Office adapter places it. The chart reads the
 * sheet's cells and carries their values as its cache, so that a viewer that does not recalculate
 * still draws the bars.
 */
import { columnLetter } from '../../core/cells';
import { quoteSheet } from '../../core/flag-plan';
import { tableHeaderRow, type OwnedSheet } from '../../core/owned-sheets';
import { BAR_COLOR, NUMBER_FORMAT } from '../../core/presentation';
import type { Namespaces } from './namespaces';
import { escapeText } from './xml-text';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function range(sheet: string, col: number, first: number, last: number): string {
  const c = columnLetter(col);
  return first === last ? `${quoteSheet(sheet)}!$${c}$${first + 1}` : `${quoteSheet(sheet)}!$${c}$${first + 1}:$${c}$${last + 1}`;
}

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

export function chartXml(s: OwnedSheet, ns: Namespaces): string | null {
  const chart = s.chart;
  if (!chart || s.rows.length === 0) return null;
  const header = tableHeaderRow(s);
  const first = header + 1;
  const last = header + s.rows.length;
  const names = s.rows.map((r) => String(r[chart.categoryCol] ?? ''));
  const values = s.rows.map((r) => r[chart.valueCol]);
  const numPts = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  const seriesName = s.columns[chart.valueCol]?.header ?? '';
  const format = NUMBER_FORMAT[s.columns[chart.valueCol]?.format ?? 'score'];
  const max = chart.axisMax ?? 100;
  // The axis shows whole steps of what the column shows: points for scores, whole percents for shares.
  const axisFormat = format.endsWith('%') ? '0%' : '0';
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:strRef><c:f>${escapeText(range(s.name, chart.valueCol, header, header))}</c:f>${strCache([seriesName])}</c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOR.slice(1).toUpperCase()}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeText(range(s.name, chart.categoryCol, first, last))}</c:f>${strCache(names)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(range(s.name, chart.valueCol, first, last))}</c:f>` +
    `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="60"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    // Bars list units top-down as the table does: the category axis runs from the top.
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="${max}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="t"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="${axisFormat}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The drawing that anchors the chart beside the table (from the header row, as tall as the list needs). */
export function drawingXml(s: OwnedSheet, chartRId: string, ns: Namespaces): string {
  const header = tableHeaderRow(s);
  const width = Math.max(1, s.columns.length);
  const rows = Math.min(60, Math.max(16, Math.ceil(s.rows.length * 0.9) + 4));
  const anchor = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `${XML_DECL}<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${anchor(width + 1, header)}</xdr:from><xdr:to>${anchor(width + 9, header + rows)}</xdr:to>` +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="KQ Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${ns.c}"><c:chart xmlns:c="${ns.c}" xmlns:r="${ns.r}" r:id="${chartRId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}
