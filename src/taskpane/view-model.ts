/**
 * Display helpers over a computed report: grouping, filtering and sorting what the engine already
 * decided. Nothing here computes a status, a finding, a score or a level.
 */
import { isOwnSheetName } from '../core/header';
import { LEVELS, RULE_IDS, SEVERITY_OF, type Finding, type Level, type PersonReport, type Report, type RuleId, type Severity, type UnitReport } from '../core/report';

export interface FindingGroup {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

/** Groups in the catalogue's rule order, errors and warnings as the rule defines them. */
export function groupByRule(findings: readonly Finding[]): FindingGroup[] {
  const by = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    let list = by.get(f.rule);
    if (!list) by.set(f.rule, (list = []));
    list.push(f);
  }
  return RULE_IDS.filter((r) => by.has(r)).map((rule) => ({ rule, severity: SEVERITY_OF[rule], findings: by.get(rule)! }));
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** Sheets that have findings, in report order. */
export function findingSheets(report: Report): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const f of report.findings) {
    if (!seen.has(f.sheet)) {
      seen.add(f.sheet);
      names.push(f.sheet);
    }
  }
  return names;
}

/** The user's sheets the pane can map: recognised ones, then ignored ones that are not the tool's own. */
export function mappableSheets(report: Report): { name: string; recognised: boolean }[] {
  return [
    ...report.sheets.map((s) => ({ name: s.name, recognised: true })),
    ...report.ignoredSheets.filter((s) => !isOwnSheetName(s.name)).map((s) => ({ name: s.name, recognised: false })),
  ];
}

/** 'level' sorts by level, then by score within a level: the order a leader reads the list in. */
export type UnitSortKey = 'name' | 'score' | 'level' | 'due' | 'late' | 'violations';
export type SortDirection = 'ascending' | 'descending';

/** Best level first when sorting by level descending. */
const LEVEL_RANK: Record<Level, number> = Object.fromEntries(LEVELS.map((l, i) => [l, LEVELS.length - i])) as Record<Level, number>;

export function lateOf(u: UnitReport): number {
  return u.doneLate + u.openOverdue;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function sortUnits(units: readonly UnitReport[], key: UnitSortKey, dir: SortDirection): UnitReport[] {
  const value = (u: UnitReport): number => {
    switch (key) {
      case 'score':
        return u.score;
      case 'level':
        return LEVEL_RANK[u.level];
      case 'due':
        return u.due;
      case 'late':
        return lateOf(u);
      case 'violations':
        return u.violations;
      default:
        return 0;
    }
  };
  const sign = dir === 'ascending' ? 1 : -1;
  return [...units].sort((a, b) => {
    let d = key === 'name' ? collator.compare(a.name, b.name) : value(a) - value(b);
    if (d === 0 && key === 'level') d = a.score - b.score;
    return d !== 0 ? sign * d : collator.compare(a.name, b.name);
  });
}

export type PersonSortKey = 'report' | 'name' | 'overdue' | 'due';

/**
 * People as the report orders them (role, then most overdue), or by name, overdue or due tasks.
 * Ties keep the report's order.
 */
export function sortPeople(people: readonly PersonReport[], key: PersonSortKey, dir: SortDirection): PersonReport[] {
  const indexed = people.map((p, i) => ({ p, i }));
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (p: PersonReport): number => (key === 'overdue' ? p.openOverdue : key === 'due' ? p.due : 0);
  indexed.sort((a, b) => {
    if (key === 'report') return sign * (a.i - b.i);
    const d = key === 'name' ? collator.compare(a.p.name, b.p.name) : value(a.p) - value(b.p);
    return d !== 0 ? sign * d : a.i - b.i;
  });
  return indexed.map((x) => x.p);
}
