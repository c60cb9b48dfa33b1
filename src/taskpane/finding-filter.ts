/**
 * Narrowing the findings: by sheet, rule and severity, and by the lead unit and the people named on
 * the finding's task, with how many findings each choice keeps. The units come from the report's
 * tasks; the people are the report's people, looked up in the task's leader and owner cells.
 */
import { fold } from '../core/fold';
import type { Finding, PersonReport, RuleId, Severity } from '../core/report';
import { findingRow, type ReportRows } from './report-rows';

export interface FindingFilter {
  readonly sheet: string | null;
  readonly rule: RuleId | null;
  readonly severity: Severity | null;
  /** A lead unit as the report spells it. */
  readonly unit: string | null;
  /** A person as the report spells them. */
  readonly person: string | null;
}

export const NO_FILTER: FindingFilter = { sheet: null, rule: null, severity: null, unit: null, person: null };

/** What a finding's task names: its lead units and the people in charge of it. */
export interface FindingFacets {
  units(f: Finding): readonly string[];
  people(f: Finding): readonly string[];
}

const NONE: readonly string[] = [];
const PIECES = /[\r\n;,]/;
const PERSON_FIELDS = ['leader', 'owner'] as const;

/**
 * The report keys a person by their folded name once leading titles ("Chủ tịch", "Đ/c") are
 * dropped; a cell names that person when one of its pieces, folded, is the key or ends with it
 * after a title.
 */
function namesIn(text: string, people: ReadonlyArray<{ key: string; name: string }>): string[] {
  const out: string[] = [];
  for (const raw of text.split(PIECES)) {
    const piece = fold(raw);
    if (piece === '') continue;
    for (const p of people) {
      if ((piece === p.key || piece.endsWith(` ${p.key}`)) && !out.includes(p.name)) out.push(p.name);
    }
  }
  return out;
}

export function findingFacets(rows: ReportRows, people: readonly PersonReport[]): FindingFacets {
  const byKey = new Map<string, string>();
  for (const p of people) {
    const key = fold(p.name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, p.name);
  }
  // Longest names first, so that "nguyen van an" is tried before "van an".
  const known = [...byKey].map(([key, name]) => ({ key, name })).sort((a, b) => b.key.length - a.key.length);
  const peopleOfRow = new Map<string, readonly string[]>();
  return {
    units(f) {
      return rows.task(f.sheet, findingRow(f))?.leadUnits ?? NONE;
    },
    people(f) {
      if (known.length === 0 || rows.kind(f.sheet) !== 'task') return NONE;
      const row = findingRow(f);
      const key = `${f.sheet}\u0000${row}`;
      let names = peopleOfRow.get(key);
      if (names === undefined) {
        const text = PERSON_FIELDS.map((field) => rows.text(f.sheet, row, field)).join('\n');
        names = namesIn(text, known);
        peopleOfRow.set(key, names);
      }
      return names;
    },
  };
}

type Facet = 'unit' | 'person';

function keeps(f: Finding, filter: FindingFilter, facets: FindingFacets | null, except?: Facet): boolean {
  if (filter.sheet !== null && f.sheet !== filter.sheet) return false;
  if (filter.rule !== null && f.rule !== filter.rule) return false;
  if (filter.severity !== null && f.severity !== filter.severity) return false;
  if (except !== 'unit' && filter.unit !== null && !(facets?.units(f).includes(filter.unit) ?? false)) return false;
  if (except !== 'person' && filter.person !== null && !(facets?.people(f).includes(filter.person) ?? false)) return false;
  return true;
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter, facets: FindingFacets | null = null): Finding[] {
  return findings.filter((f) => keeps(f, filter, facets));
}

/**
 * How many findings each unit (or person) would keep, under the other filters as they are: the
 * counts beside the choices. Choices in descending count, then by name.
 */
export function facetCounts(findings: readonly Finding[], filter: FindingFilter, facets: FindingFacets, facet: Facet): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (!keeps(f, filter, facets, facet)) continue;
    for (const name of facet === 'unit' ? facets.units(f) : facets.people(f)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
}
