/** The unit registry as a directory: identity by key, spelling, nearest name for unknown units. */
import type { RegistryRecord } from './records';
import { unitKey, type UnitName } from './values';

export interface RegistryEntry {
  readonly key: string;
  readonly name: string;
  readonly type: string | null;
  readonly head: string | null;
  readonly disciplined: boolean;
}

export class UnitDirectory {
  private readonly byKey = new Map<string, RegistryEntry>();

  /** Registry records in reading order; the first row wins when a unit repeats. */
  constructor(records: Iterable<RegistryRecord>) {
    for (const r of records) {
      if (r.unit === null) continue;
      const key = unitKey(r.unit);
      if (key === '' || this.byKey.has(key)) continue;
      this.byKey.set(key, { key, name: r.unit, type: r.unitType, head: r.head, disciplined: r.disciplined });
    }
  }

  get entries(): readonly RegistryEntry[] {
    return [...this.byKey.values()];
  }

  get(key: string): RegistryEntry | undefined {
    return this.byKey.get(key);
  }

  has(unit: UnitName): boolean {
    return this.byKey.has(unit.key);
  }

  private readonly nearestByKey = new Map<string, string | null>();

  /** The registry name closest to an unknown unit (edit distance on the folded keys). */
  nearest(unit: UnitName): string | null {
    let name = this.nearestByKey.get(unit.key);
    if (name === undefined) {
      name = this.computeNearest(unit);
      this.nearestByKey.set(unit.key, name);
    }
    return name;
  }

  private computeNearest(unit: UnitName): string | null {
    let best: RegistryEntry | null = null;
    let bestDistance = Infinity;
    for (const e of this.byKey.values()) {
      const d = editDistance(unit.key, e.key, bestDistance);
      if (d < bestDistance) {
        best = e;
        bestDistance = d;
      }
    }
    return best?.name ?? null;
  }
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot beat it. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Unit spelling: the registry's, else the first seen in reading order. */
export class UnitSpelling {
  private readonly first = new Map<string, string>();
  constructor(private readonly registry: UnitDirectory | null) {}

  see(unit: UnitName): void {
    if (!this.first.has(unit.key)) this.first.set(unit.key, unit.name);
  }

  nameOf(key: string): string {
    return this.registry?.get(key)?.name ?? this.first.get(key) ?? key;
  }
}
