/** The readable summary the command line prints: sheets, units with score and level, people in charge, findings by rule. */
import { formatCount, formatDecimal, formatIsoDate } from '../i18n/format';
import { messages, RULE_NAMES, type Lang } from '../i18n/messages';
import { cliText } from '../i18n/cli';
import { peopleText } from '../i18n/people';
import { levelLabel } from '../core/owned-sheets';
import { RULE_IDS, SEVERITY_OF, type Report } from '../core/report';
import { ruleSetText } from '../core/rule-sets/registry';

/** Columns padded to their widest cell, numbers right-aligned, under a rule of dashes. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    '  ' + cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function summaryLines(report: Report, file: string, lang: Lang): string[] {
  const t = cliText(lang);
  const msg = messages(lang);
  const out: string[] = [t.book(file, formatIsoDate(report.asOf, lang), report.rules), `  ${ruleSetText(report.rules, lang)}`];
  const n = (x: number) => formatCount(x, lang);
  for (const s of report.sheets) out.push(t.sheet(s.name, msg[`kind_${s.kind}`](), n(s.headerRow), n(s.dataRows)));
  for (const s of report.ignoredSheets) out.push(t.ignored(s.name, s.reason));
  if (report.units.length > 0) {
    out.push('', t.units);
    const rows = report.units.map((u) => [
      u.name,
      n(u.due),
      n(u.doneLate + u.openOverdue),
      n(u.violations),
      formatDecimal(u.score, lang),
      levelLabel(u.level, lang),
    ]);
    out.push(...table(t.unitCols, rows, new Set([1, 2, 3, 4])));
  }
  out.push(...peopleLines(report, lang));
  out.push('', t.findings);
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  if (counts.size === 0) out.push('  ' + t.noFindings);
  else {
    // The rule in words for people; its code last, for scripts and the report.
    const rows = RULE_IDS.filter((r) => counts.has(r)).map((r) => [RULE_NAMES[lang][r], msg[`severity_${SEVERITY_OF[r]}`](), n(counts.get(r)!), r]);
    out.push(...table(t.findingCols, rows, new Set([2])));
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  out.push('', t.total(n(report.findings.length), n(errors), n(report.findings.length - errors)));
  return out;
}

/** SPEC 1.3: the people table after the units, in the report's order (leaders, then officers; overdue work first). */
function peopleLines(report: Report, lang: Lang): string[] {
  if (report.people.length === 0) return [];
  const p = peopleText(lang);
  const header = [p.roleHeader, p.person, p.due, p.doneOnTime, p.doneLate, p.openOverdue, p.openOnTime];
  const rows = report.people.map((x) => [p.role[x.role], x.name, ...[x.due, x.doneOnTime, x.doneLate, x.openOverdue, x.openOnTime].map((v) => formatCount(v, lang))]);
  return ['', p.heading, ...table(header, rows, new Set([2, 3, 4, 5, 6]))];
}
