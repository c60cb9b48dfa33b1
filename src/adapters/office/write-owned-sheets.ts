/**
 * The sheets the add-in owns, through Office.js (the port's writeOwnedSheets): each replaced as a
 * whole (owned-operations.ts), as a transaction (transaction.ts, docs/office-faults.md). After a
 * survey sync, the build writes each new sheet whole — under its own name when there is no old one,
 * else under a temporary name ("KQ Đánh giá ~") next to the old sheet — and the commit, one sync,
 * deletes the old sheets, gives the new ones their names and their tables theirs, and calculates the
 * links; it also deletes a result sheet of an earlier run that this run does not write (KQ Cá nhân
 * once no sheet names people). Excel failing during the build: the sheets this run added are deleted
 * (the book as before).
 * During the commit: the swap is completed from a fresh look at the book (the book as after).
 */
import type { OwnedSheet } from '../../core/owned-sheets';
import { RESULT_SHEETS } from '../../core/presentation';
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import { isSheetGone } from './faults';
import type { Features, OfficeHost } from './host';
import { calculateLinksOp, op, sheetOps, tempSheetName } from './owned-operations';
import { queueSurvey } from './survey';
import { newTxStats, runTransaction, type TxRun, type TxStats } from './transaction';
import type { WriteOp } from './writes';

export { linkFormula, tempSheetName } from './owned-operations';

export type OwnedStats = TxStats & { rowsWritten: number };

interface OwnedRecord {
  /** Sheets the build adds (final names where there was no old one, temporary names otherwise). */
  created: string[];
}

/** Result sheets of an earlier run that this run does not write, among the sheets present. */
function outdated(owned: readonly OwnedSheet[], present: ReadonlySet<string>): string[] {
  const writing = new Set(owned.map((s) => s.name));
  return RESULT_SHEETS.filter((n) => present.has(n) && !writing.has(n));
}

function calculations(ctx: Excel.RequestContext, owned: readonly OwnedSheet[]): WriteOp[] {
  return owned.map((s) => calculateLinksOp(ctx, s)).filter((o): o is WriteOp => o !== null);
}

/** One attempt at the whole write, in one Excel.run: survey, build, commit. */
async function writeOwnedOnce(
  run: TxRun,
  host: OfficeHost,
  features: Features,
  lang: Lang,
  owned: readonly OwnedSheet[],
  stats: OwnedStats,
  record: OwnedRecord,
  vanished: Set<string>,
): Promise<void> {
  const { ctx, sync } = run;
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const finish = queueSurvey(ctx, host, features);
  const tables = ctx.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await sync();
  const survey = finish();
  survey.assertWritable(lang);
  // Replacing a sheet adds and deletes sheets, which a protected workbook structure forbids.
  if (survey.workbookProtected) throw new HostError(ribbonMessages(lang).protectedWorkbook());
  const existing = new Set(survey.sheets.map((s) => s.name));
  // Links to a task sheet deleted since the read: the findings are listed, their links lead nowhere.
  for (const s of owned) for (const l of s.links) if (!existing.has(l.sheet)) vanished.add(l.sheet);
  const replaced = new Set(owned.map((s) => s.name).filter((n) => existing.has(n)));
  // Left by a run that could not clean up (Excel closed midway): ours, and in the way.
  const stale = owned.map((s) => tempSheetName(s.name)).filter((n) => existing.has(n));
  const leaving = new Set([...replaced, ...stale]);
  const takenTableNames = new Set(tables.items.filter((t) => !leaving.has(t.worksheet.name)).map((t) => t.name.toLowerCase()));
  const nameOf = (s: OwnedSheet): string | null => (takenTableNames.has(s.tableName.toLowerCase()) ? null : s.tableName);

  // Nothing has been written up to here.
  const worksheets = ctx.workbook.worksheets;
  const build: WriteOp[] = stale.map((n) => op(0, () => worksheets.getItem(n).delete()));
  // Deleted in the commit: a failed build must leave the book as before.
  const commit: WriteOp[] = outdated(owned, existing).map((n) => op(0, () => worksheets.getItem(n).delete()));
  for (const s of owned) {
    const swap = replaced.has(s.name);
    const target = swap ? tempSheetName(s.name) : s.name;
    record.created.push(target);
    const table: { proxy?: Excel.Table } = {};
    const tableName = nameOf(s);
    build.push(...sheetOps(ctx, s, target, swap ? null : tableName, table, stats));
    if (swap) {
      commit.push(
        op(0, () => {
          worksheets.getItem(s.name).delete();
          worksheets.getItem(target).name = s.name;
          if (tableName !== null && table.proxy) table.proxy.name = tableName;
        }),
      );
    }
  }

  // The sheet list rides along with the last write: a task sheet deleted since the survey is named too.
  const last = worksheets;
  const lastOps = commit.length > 0 ? commit : build;
  lastOps.push(op(0, () => void last.load('items/name')));
  // The links are calculated in the last request, which does not suspend calculation.
  const calculate = { unsuspended: calculations(ctx, owned) };
  await run.build(build, commit.length > 0 ? {} : calculate);
  await run.commit(commit, commit.length > 0 ? calculate : {});
  const atEnd = new Set(last.items.map((ws) => ws.name));
  for (const s of owned) for (const l of s.links) if (!atEnd.has(l.sheet)) vanished.add(l.sheet);
}

/** Undo an interrupted build: delete the sheets it added. */
async function rollbackOwned(run: TxRun, record: OwnedRecord): Promise<void> {
  const list = run.ctx.workbook.worksheets;
  list.load('items/name');
  await run.sync();
  const present = new Set(list.items.map((ws) => ws.name));
  await run.write(record.created.filter((n) => present.has(n)).map((n) => op(0, () => list.getItem(n).delete())));
}

/** Complete an interrupted commit: every new sheet takes its name (the old one goes), every table its name, the links are calculated. */
async function rollForwardOwned(run: TxRun, owned: readonly OwnedSheet[]): Promise<void> {
  const { ctx, sync } = run;
  const list = ctx.workbook.worksheets;
  list.load('items/name');
  const tables = ctx.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await sync();
  const present = new Set(list.items.map((ws) => ws.name));
  const gone = outdated(owned, present);
  const ops: WriteOp[] = gone.map((n) => op(0, () => list.getItem(n).delete()));
  const deleted = new Set<string>(gone);
  const renamed = new Map<string, string>();
  for (const s of owned) {
    const temp = tempSheetName(s.name);
    if (!present.has(temp)) continue;
    if (present.has(s.name)) {
      deleted.add(s.name);
      ops.push(op(0, () => list.getItem(s.name).delete()));
    }
    renamed.set(temp, s.name);
    ops.push(
      op(0, () => {
        list.getItem(temp).name = s.name;
      }),
    );
  }
  const after = tables.items
    .filter((t) => !deleted.has(t.worksheet.name))
    .map((t) => ({ name: t.name, sheet: renamed.get(t.worksheet.name) ?? t.worksheet.name }));
  for (const s of owned) {
    const mine = after.find((t) => t.sheet === s.name);
    if (!mine || mine.name === s.tableName) continue;
    if (after.some((t) => t !== mine && t.name.toLowerCase() === s.tableName.toLowerCase())) continue;
    ops.push(
      op(0, () => {
        tables.getItem(mine.name).name = s.tableName;
      }),
    );
  }
  const present2 = (s: OwnedSheet): boolean => present.has(s.name) || present.has(tempSheetName(s.name));
  await run.write(ops, { unsuspended: calculations(ctx, owned.filter(present2)) });
}

/**
 * Create or replace the owned sheets (the port's writeOwnedSheets), recovering from a failed sync
 * as the module comment says. Task sheets that findings link to but that no longer exist are added
 * to `vanished`.
 */
export async function writeOwnedSheetsOffice(
  host: OfficeHost,
  features: Features,
  lang: Lang,
  owned: readonly OwnedSheet[],
  vanished: Set<string>,
): Promise<OwnedStats> {
  const stats: OwnedStats = { ...newTxStats(), rowsWritten: 0 };
  await runTransaction<OwnedRecord>(
    host,
    lang,
    {
      begin: () => ({ created: [] }),
      attempt: (run, record) => writeOwnedOnce(run, host, features, lang, owned, stats, record, vanished),
      async rollBack(run, record) {
        await rollbackOwned(run, record);
        return 'stop';
      },
      async rollForward(run, _record, error) {
        await rollForwardOwned(run, owned);
        // The user deleted an old KQ sheet during the run: the swap is done all the same.
        return isSheetGone(error) ? 'success' : 'after';
      },
    },
    stats,
  );
  return stats;
}
