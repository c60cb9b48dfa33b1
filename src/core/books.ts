/**
 * SPEC §7 (1.3) "Several books": a province's communes side by side (separately), or one office's
 * books read as one (together). The engine itself checks one book; this module composes it.
 *
 * Together, the books are "one book holding all their sheets, in the order given". Two books may
 * hold sheets of the same name, so each sheet reaches the engine under a name that carries its
 * book's index after a NUL character: NUL folds to a space, so header detection, the own-sheet rule
 * ("kq …") and every message read the same, and the report is split back into { book, sheet }.
 */
import { z } from 'zod';
import type { SheetData } from './cells';
import type { FlagPlan } from './flag-plan';
import { FindingSchema, ReportSchema, SheetReportSchema, TaskReportSchema, type Report } from './report';
import type { MappingOverride } from './settings';

export const MODES = ['separately', 'together'] as const;
/** The summary book written beside the annotated copies (SPEC §7). */
export const SUMMARY_BOOK_FILE = 'KQ tổng hợp.xlsx';
export type Mode = (typeof MODES)[number];

/** One row of the comparison of books, counted per task (a task with two lead units counts once). */
export const BookSummarySchema = z.object({
  file: z.string(),
  tasks: z.number().int().nonnegative(),
  due: z.number().int().nonnegative(),
  doneOnTime: z.number().int().nonnegative(),
  doneLate: z.number().int().nonnegative(),
  openOverdue: z.number().int().nonnegative(),
  /** (doneLate + openOverdue) / due as a fraction; 0 when due = 0. */
  lateShare: z.number().min(0).max(1),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
});
export type BookSummary = z.infer<typeof BookSummarySchema>;

export const SeparatelyReportSchema = z.object({
  version: z.literal(1),
  mode: z.literal('separately'),
  books: z.array(z.object({ file: z.string(), report: ReportSchema })),
  summary: z.array(BookSummarySchema),
});
export type SeparatelyReport = z.infer<typeof SeparatelyReportSchema>;

const inBook = { book: z.string() };
export const TogetherReportSchema = ReportSchema.extend({
  mode: z.literal('together'),
  books: z.array(z.object({ file: z.string() })),
  sheets: z.array(SheetReportSchema.extend(inBook)),
  tasks: z.array(TaskReportSchema.extend(inBook)),
  findings: z.array(FindingSchema.extend(inBook)),
  ignoredSheets: z.array(z.object({ name: z.string(), reason: z.string(), ...inBook })),
  /** What an annotated copy could not keep, and whose copy it was. */
  notKept: z.array(z.object({ part: z.string(), what: z.string(), ...inBook })).optional(),
});
export type TogetherReport = z.infer<typeof TogetherReportSchema>;

export function summarizeBook(file: string, report: Report): BookSummary {
  let due = 0;
  let doneOnTime = 0;
  let doneLate = 0;
  let openOverdue = 0;
  for (const t of report.tasks) {
    if (t.status === 'done_on_time') doneOnTime++;
    else if (t.status === 'done_late') doneLate++;
    else if (t.status === 'open_overdue') openOverdue++;
    else continue;
    due++;
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  return {
    file,
    tasks: report.tasks.length,
    due,
    doneOnTime,
    doneLate,
    openOverdue,
    lateShare: due === 0 ? 0 : (doneLate + openOverdue) / due,
    errors,
    warnings: report.findings.length - errors,
    units: report.units.length,
  };
}

const SEP = '\u0000';

/** The name under which sheet `name` of book `index` reaches the engine. */
export function sheetInBook(name: string, index: number): string {
  return `${name}${SEP}${index}`;
}

/** The book index and the user's sheet name of an engine sheet name. */
export function bookOfSheet(internal: string): { readonly index: number; readonly name: string } {
  const at = internal.lastIndexOf(SEP);
  if (at < 0) throw new Error(`not a sheet of several books: ${internal}`);
  return { index: Number(internal.slice(at + 1)), name: internal.slice(0, at) };
}

export interface BookSheets {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** The book's own confirmed mappings, by its sheet names. */
  readonly mappings?: Readonly<Record<string, MappingOverride>>;
}

/** Every sheet of every book, in the order given, as one book's sheets. */
export function togetherSheets(books: readonly BookSheets[]): SheetData[] {
  return books.flatMap((b, i) => b.sheets.map((s) => ({ ...s, name: sheetInBook(s.name, i) })));
}

/** Each book's mappings, keyed as togetherSheets names the sheets. */
export function togetherMappings(books: readonly BookSheets[]): Record<string, MappingOverride> {
  const out: Record<string, MappingOverride> = {};
  books.forEach((b, i) => {
    for (const [sheet, m] of Object.entries(b.mappings ?? {})) out[sheetInBook(sheet, i)] = m;
  });
  return out;
}

/** The engine's report over togetherSheets, with every sheet named back as { book, sheet }. */
export function togetherReport(report: Report, files: readonly string[]): TogetherReport {
  const split = (internal: string) => {
    const { index, name } = bookOfSheet(internal);
    return { book: files[index]!, name };
  };
  // Field by field, in the order SPEC §7 shows (version, mode, books first). What a copy could not
  // keep (notKept) is the host's to add, book by book.
  return {
    version: report.version,
    mode: 'together',
    books: files.map((file) => ({ file })),
    asOf: report.asOf,
    sheets: report.sheets.map((s) => {
      const { book, name } = split(s.name);
      return { ...s, book, name };
    }),
    tasks: report.tasks.map((t) => {
      const { book, name } = split(t.sheet);
      return { ...t, book, sheet: name };
    }),
    findings: report.findings.map((f) => {
      const { book, name } = split(f.sheet);
      return { ...f, book, sheet: name };
    }),
    units: report.units,
    people: report.people,
    ignoredSheets: report.ignoredSheets.map((s) => {
      const { book, name } = split(s.name);
      return { ...s, book, name };
    }),
    rules: report.rules,
  };
}

/** The part of a flag plan over togetherSheets that falls in book `index`, with its sheets named as the user does. */
export function bookFlagPlan(plan: FlagPlan, index: number): FlagPlan {
  return {
    sheets: plan.sheets.flatMap((s) => {
      const at = bookOfSheet(s.sheet);
      return at.index === index ? [{ ...s, sheet: at.name }] : [];
    }),
  };
}
