/** An in-memory WorkbookPort for pane tests: records every call, can be told to fail. */
import type { CellValue, SheetData } from '../../src/core/cells';
import type { FlagPlan } from '../../src/core/flag-plan';
import type { OwnedSheet } from '../../src/core/owned-sheets';
import type { BookContents, HostNotice, WorkbookPort } from '../../src/port/workbook-port';
import type { CellContext, PaneHost } from '../../src/taskpane/host';

type Method = keyof WorkbookPort;

export class FakePort implements WorkbookPort {
  readonly calls: Method[] = [];
  readonly written: string[] = [];
  flags: FlagPlan | null = null;
  owned: readonly OwnedSheet[] = [];
  readonly failures = new Map<Method, Error>();

  constructor(
    public sheets: SheetData[],
    public settings: string | null = null,
  ) {}

  failOn(method: Method, error: Error): this {
    this.failures.set(method, error);
    return this;
  }

  private enter(m: Method): void {
    this.calls.push(m);
    const e = this.failures.get(m);
    if (e) throw e;
  }

  async readBook(): Promise<BookContents> {
    this.enter('readBook');
    return { sheets: this.sheets, settings: this.settings };
  }
  async readSettings(): Promise<string | null> {
    this.enter('readSettings');
    return this.settings;
  }
  async writeSettings(json: string): Promise<void> {
    this.enter('writeSettings');
    this.written.push(json);
    this.settings = json;
  }
  async writeFlags(plan: FlagPlan): Promise<void> {
    this.enter('writeFlags');
    this.flags = plan;
  }
  async clearFlags(): Promise<void> {
    this.enter('clearFlags');
    this.flags = null;
  }
  async writeOwnedSheets(sheets: readonly OwnedSheet[]): Promise<void> {
    this.enter('writeOwnedSheets');
    this.owned = sheets;
  }
  /** Notices the next takeNotices() hands out. */
  notices: HostNotice[] = [];
  takeNotices(): HostNotice[] {
    const out = this.notices;
    this.notices = [];
    return out;
  }
}

export function fakeHost(port: WorkbookPort, kind: 'excel' | 'browser' = 'excel'): PaneHost & { visited: string[] } {
  const visited: string[] = [];
  return {
    kind,
    port,
    visited,
    async goToCell(sheet: string, cell: string): Promise<CellContext | null> {
      visited.push(`${sheet}!${cell}`);
      if (kind === 'excel') return null;
      return { sheet, cell, columns: ['A'], rows: [{ row: 1, cells: ['x'] }], target: { row: 0, col: 0 } };
    },
  };
}

export function sheet(name: string, rows: CellValue[][]): SheetData {
  return { name, rows, merges: [] };
}

/** A task sheet: two overdue tasks, one without a lead unit, one late, one duplicate. */
export function taskSheet(name = 'Nhiệm vụ'): SheetData {
  return sheet(name, [
    ['UBND HUYỆN THÁP MƯỜI'],
    ['Số/ký hiệu', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
    ['01/KH', 'Rà soát thủ tục', 'Phòng Nội vụ', '30/06/2026', '25/06/2026'],
    ['02/KH', 'Báo cáo công vụ', 'Phòng Tư pháp', '10/06/2026', null],
    ['03/KH', 'Kiểm tra giờ giấc', null, '20/06/2026', '15/06/2026'],
    ['04/KH', 'Cập nhật danh mục', 'Xã Mỹ Hòa', '01/05/2026', '05/05/2026'],
    ['04/KH', 'Cập nhật danh mục', 'Xã Mỹ Hòa', '01/05/2026', '04/05/2026'],
    ['05/KH', 'Tổng kết', 'Phòng Tư pháp', 'sắp tới', null],
  ]);
}

export function inspectionSheet(name = 'Kiểm tra'): SheetData {
  return sheet(name, [
    ['Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Nội dung kiểm tra', 'Số vi phạm'],
    ['02/03/2026', 'Phòng Nội vụ', 'Giờ giấc', 0],
    ['05/03/2026', 'Xã Mỹ Hòa', 'Thái độ', 'hai'],
    ['07/03/2026', 'Phòng Tư pháp', 'Thủ tục', 2],
  ]);
}
