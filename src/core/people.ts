/**
 * SPEC §5 (1.3) "People in charge": the people named in a task's `leader` and `owner` cells, known
 * by their key (folded, leading titles dropped), spelt as first seen, and tallied per role like units.
 */
import { cellText, isEmpty, isErrorCell, type CellValue } from './cells';
import { fold, matchesPrefix } from './fold';
import type { PersonReport, Role } from './report';
import { ROLES } from './report';
import { countTask, due, type TaskCounts } from './scoring';
import type { TaskStatus } from './status';

/** Leading titles, folded, longest first. */
export const TITLES: readonly string[] = [
  'dong chi',
  'd c',
  'ong',
  'ba',
  'pho chu tich',
  'chu tich',
  'pct',
  'ct',
  'pho bi thu',
  'bi thu',
  'pho truong phong',
  'truong phong',
  'ptp',
  'tp',
  'pho giam doc',
  'giam doc',
  'pgd',
  'gd',
  'chuyen vien',
  'cv',
  'can bo',
  'cb',
].sort((a, b) => b.length - a.length);

/** What remains after the titles of a position ("Chủ tịch UBND xã") starts with one of these. */
export const ORGANISATIONS: readonly string[] = ['ubnd', 'uy ban nhan dan', 'hdnd', 'hoi dong nhan dan', 'dang uy'];

export interface PersonName {
  /** As first written, without the leading titles (a position keeps them); trimmed, spaces collapsed. */
  readonly name: string;
  readonly key: string;
}

/** The folded text without its leading titles, and how many words they took. */
function dropTitles(folded: string): { rest: string; words: number } {
  let rest = folded;
  let words = 0;
  for (let dropped = true; dropped; ) {
    dropped = false;
    for (const title of TITLES) {
      if (rest.startsWith(title + ' ')) {
        rest = rest.slice(title.length + 1);
        words += title.split(' ').length;
        dropped = true;
        break;
      }
    }
  }
  return { rest, words };
}

/** A run of what folding keeps as one word: letters and digits, with any combining marks. */
const WORD = /[\p{L}\p{Nd}\p{M}]+/gu;
const LEADING_NON_WORD = /^[^\p{L}\p{Nd}]+/u;

/** The text after its first `n` words and the punctuation that follows them ("Đ/c. Lan" → "Lan"). */
function afterWords(text: string, n: number): string {
  WORD.lastIndex = 0;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const m = WORD.exec(text);
    if (m === null) return '';
    end = m.index + m[0].length;
  }
  return text.slice(end).replace(LEADING_NON_WORD, '');
}

/** One piece of a leader or owner cell as a person (or a position), or null when its key is empty. */
export function personOf(piece: string): PersonName | null {
  const written = piece.trim().replace(/\s+/g, ' ');
  const folded = fold(written);
  const { rest, words } = dropTitles(folded);
  if (rest === '') return null;
  if (ORGANISATIONS.some((org) => matchesPrefix(rest, org))) return { name: written, key: folded };
  const name = afterWords(written, words);
  // Folding keeps words one for one; should some exotic text break that, keep the spelling whole.
  return { name: fold(name) === rest ? name : written, key: rest };
}

const SEPARATORS = /[\r\n;,]/;
const NO_PEOPLE: readonly PersonName[] = [];

/** A book names a handful of people in thousands of rows: each cell text is read once. */
const peopleCells = new Map<string, readonly PersonName[]>();

function splitPeopleText(text: string): PersonName[] {
  const out: PersonName[] = [];
  const seen = new Set<string>();
  for (const piece of text.split(SEPARATORS)) {
    const person = personOf(piece);
    if (person === null || seen.has(person.key)) continue;
    seen.add(person.key);
    out.push(person);
  }
  return out;
}

/** Split a leader or owner cell like a unit cell; a person repeated in one cell counts once. */
export function splitPeople(v: CellValue | undefined): readonly PersonName[] {
  if (isEmpty(v) || isErrorCell(v)) return NO_PEOPLE;
  const text = cellText(v);
  let people = peopleCells.get(text);
  if (people === undefined) {
    people = splitPeopleText(text);
    if (peopleCells.size < 50_000) peopleCells.set(text, people);
  }
  return people;
}

interface PersonTally extends TaskCounts {
  readonly key: string;
}

/** The tallies of every (role, person), and each person's spelling: the first seen in reading order. */
export class PeopleBook {
  private readonly tallies: Record<Role, Map<string, PersonTally>> = { leader: new Map(), owner: new Map() };
  private readonly spelling = new Map<string, string>();

  /** Count one task for each person named in one of its cells; cells are counted in reading order. */
  count(role: Role, people: readonly PersonName[], status: TaskStatus): void {
    const tallies = this.tallies[role];
    for (let i = 0; i < people.length; i++) {
      const p = people[i]!;
      let t = tallies.get(p.key);
      if (t === undefined) {
        // A person's first task in a role; their spelling is that of their first task in any role.
        if (!this.spelling.has(p.key)) this.spelling.set(p.key, p.name);
        tallies.set(p.key, (t = { key: p.key, doneOnTime: 0, doneLate: 0, openOverdue: 0, openOnTime: 0 }));
      }
      countTask(t, status);
    }
  }

  /** By role (leader first), then open overdue descending, done late descending, key ascending. */
  report(): PersonReport[] {
    const out: PersonReport[] = [];
    for (const role of ROLES) {
      const sorted = [...this.tallies[role].values()].sort(
        (a, b) => b.openOverdue - a.openOverdue || b.doneLate - a.doneLate || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );
      for (const t of sorted) {
        out.push({
          name: this.spelling.get(t.key)!,
          role,
          due: due(t),
          doneOnTime: t.doneOnTime,
          doneLate: t.doneLate,
          openOverdue: t.openOverdue,
          openOnTime: t.openOnTime,
        });
      }
    }
    return out;
  }
}
