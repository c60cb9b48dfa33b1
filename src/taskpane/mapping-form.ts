/**
 * The column-mapping editor's form: a draft of strings the user types, turned into a
 * MappingOverride validated by the settings schema, with messages in the pane's language.
 */
import { kindSpec, type SheetKind } from '../core/fields';
import type { SheetReport } from '../core/report';
import { MappingOverrideSchema, type MappingOverride } from '../core/settings';
import type { PaneText } from '../i18n/pane';

export interface MappingDraft {
  readonly kind: SheetKind;
  readonly headerRow: string;
  /** field → column letters as typed. */
  readonly columns: Readonly<Record<string, string>>;
}

export function fieldsOf(kind: SheetKind): string[] {
  return Object.keys(kindSpec(kind).synonyms);
}

export function isRequired(kind: SheetKind, field: string): boolean {
  return kindSpec(kind).required.some((anyOf) => anyOf.length === 1 && anyOf[0] === field);
}

/** Fields that satisfy a "one of" requirement (a task sheet needs content or docNumber). */
export function isOneOf(kind: SheetKind, field: string): boolean {
  return kindSpec(kind).required.some((anyOf) => anyOf.length > 1 && anyOf.includes(field));
}

/** The draft for a sheet: its saved mapping, else what was detected, else an empty task mapping. */
export function draftFor(saved: MappingOverride | undefined, detected: SheetReport | undefined): MappingDraft {
  if (saved) return { kind: saved.kind, headerRow: String(saved.headerRow), columns: { ...saved.columns } };
  if (detected) return { kind: detected.kind, headerRow: String(detected.headerRow), columns: { ...detected.columns } };
  return { kind: 'task', headerRow: '1', columns: {} };
}

/** Change the kind, keeping the columns of fields the new kind also has. */
export function withKind(draft: MappingDraft, kind: SheetKind): MappingDraft {
  const columns: Record<string, string> = {};
  for (const f of fieldsOf(kind)) {
    const v = draft.columns[f];
    if (v) columns[f] = v;
  }
  return { kind, headerRow: draft.headerRow, columns };
}

const MAX_COLUMN = 16_384; // XFD

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export type MappingResult = { ok: true; value: MappingOverride } | { ok: false; errors: string[] };

export function parseMappingDraft(draft: MappingDraft, t: PaneText): MappingResult {
  const errors: string[] = [];
  const labels = t.field[draft.kind];
  const label = (f: string) => labels[f] ?? f;
  const headerRow = Number(draft.headerRow.trim());
  if (draft.headerRow.trim() === '' || !Number.isInteger(headerRow) || headerRow < 1 || headerRow > 1_048_576) errors.push(t.mappingBadHeaderRow);
  const columns: Record<string, string> = {};
  const byColumn = new Map<string, string[]>();
  for (const f of fieldsOf(draft.kind)) {
    const raw = (draft.columns[f] ?? '').trim().toUpperCase();
    if (raw === '') continue;
    if (!/^[A-Z]{1,3}$/.test(raw) || columnNumber(raw) > MAX_COLUMN) {
      errors.push(t.mappingBadColumn(label(f)));
      continue;
    }
    columns[f] = raw;
    byColumn.set(raw, [...(byColumn.get(raw) ?? []), f]);
  }
  for (const [col, fields] of byColumn) if (fields.length > 1) errors.push(t.mappingDuplicate(col, fields.map(label).join(', ')));
  for (const anyOf of kindSpec(draft.kind).required) {
    if (!anyOf.some((f) => f in columns)) errors.push(t.mappingMissing(anyOf.map(label).join(t.or)));
  }
  if (errors.length > 0) return { ok: false, errors };
  const parsed = MappingOverrideSchema.safeParse({ kind: draft.kind, headerRow, columns });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  return { ok: true, value: parsed.data };
}
