/**
 * A finding's task in one line, so that a clerk sees what the finding is about without opening the
 * sheet: content (shortened), lead unit(s), deadline and status on task sheets; the inspected unit
 * and date on inspection sheets; the unit on a registry.
 */
import type { Finding } from '../core/report';
import type { PaneText } from '../i18n/pane';
import { shorten } from './cell-display';
import { findingRow, type ReportRows } from './report-rows';

/** Longest content shown in the line; the row view shows it whole. */
export const CONTENT_CHARS = 80;

export interface TaskLine {
  readonly content: string;
  /** The rest, joined: lead units · deadline · status. */
  readonly facts: string;
}

const join = (parts: readonly string[]) => parts.filter((p) => p !== '').join(' · ');

export function taskLine(f: Finding, rows: ReportRows, t: PaneText): TaskLine | null {
  const row = findingRow(f);
  const kind = rows.kind(f.sheet);
  if (kind === 'inspection') {
    return { content: shorten(rows.text(f.sheet, row, 'unit'), CONTENT_CHARS), facts: rows.text(f.sheet, row, 'date') };
  }
  if (kind === 'registry') return { content: shorten(rows.text(f.sheet, row, 'unit'), CONTENT_CHARS), facts: '' };
  const task = rows.task(f.sheet, row);
  if (!task) return null;
  const content = rows.text(f.sheet, row, 'content') || rows.text(f.sheet, row, 'docNumber');
  const leads = task.leadUnits.length > 0 ? task.leadUnits.join(', ') : t.taskNoLead;
  const deadline = task.deadline !== null ? t.taskDeadline(task.deadline) : task.recurring ? t.taskRecurring : t.taskNoDeadline;
  const status =
    task.status === 'done_late'
      ? t.task_done_late(task.daysLate)
      : task.status === 'open_overdue'
        ? t.task_open_overdue(task.daysLate)
        : t[`task_${task.status}`]();
  return { content: content === '' ? t.taskNoContent : shorten(content, CONTENT_CHARS), facts: join([leads, deadline, status]) };
}
