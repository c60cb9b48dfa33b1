/**
 * A small in-memory fake of the Excel JavaScript API surface the Office.js adapter uses, with the
 * semantics that matter for correctness and cost:
 *
 * - proxies queue loads and writes; nothing happens before context.sync(), and reading a property
 *   that was not loaded and synced throws (as Office.js does);
 * - every sync is counted, with its request size (queued arguments) and response size (loaded data,
 *   JSON in UTF-8); a response over 5 MB, a request over 5 MB or a read over 5M cells fails like
 *   Excel on the web does;
 * - writes to a protected sheet fail with AccessDenied, adding or deleting sheets in a protected
 *   structure fails, and cell-edit mode fails every sync — so tests can tell whether the adapter
 *   checked before writing (every applied write is counted in `mutations`);
 * - getRanges addresses over 8,192 characters and merged-area probes over 512 areas throw, where
 *   Excel would silently truncate or refuse;
 * - the host's own rules that the adapter met only in the documentation (issue 8), each with the page
 *   it follows: an Office.js without `Worksheet.notes` although the host reports ExcelApi 1.18
 *   (missingMembers), no hiding or unhiding of sheets under structure protection, conditional-format
 *   ids that are priorities renumbered on every add and delete, threaded comments, cell-edit mode
 *   with both of its codes and `delayForCellEdit`, another workbook taking the focus mid-run, and
 *   formulas left uncalculated while calculation is suspended;
 * - faults can be injected: a given sync fails with a given code after running none, some or all of
 *   its operations (SyncFault), the user deletes a sheet between two syncs (beforeSync), requests
 *   and responses above a smaller size fail with the payload-limit codes (requestLimit,
 *   responseLimit); clone() copies a book, to run the same fault on the same start many times.
 *
 * Only what the adapter calls is implemented; anything else is undefined and fails loudly.
 */
import { columnLetter } from '../../src/core/cells';
import { columnIndex } from '../../src/core/cells';
import type { HostRunOptions, OfficeHost } from '../../src/adapters/office/host';

export type FakeValue = string | number | boolean | null;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeRule {
  /**
   * A tag for tests to tell rules apart; Excel has no such identity. What Office.js calls a rule's
   * `id` is its priority, its position in the collection (see ConditionalFormatProxy).
   */
  id: number;
  type: string;
  formula: string | null;
  areas: Rect[];
  fill?: string;
  font?: string;
}

export interface FakeNote {
  row: number;
  col: number;
  content: string;
}

/** A threaded comment (ExcelApi 1.10): its cell, and the first message of the thread. */
export interface FakeComment {
  row: number;
  col: number;
  content: string;
}

export interface FakeTable {
  name: string;
  address: string;
  style?: string;
  hasHeaders: boolean;
}

export type FakeChart = Record<string, unknown>;

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
/** Excel on the web's 5 MB, read strictly as 5,000,000 bytes. */
const MB5 = 5_000_000;

export class FakeError extends Error {
  constructor(
    /** Office error codes are strings; the common API layer reports numbers (5004 for cell-edit mode). */
    readonly code: string | number,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function jsonSize(v: unknown): number {
  return utf8(JSON.stringify(v) ?? '');
}

export function a1Rect(address: string): Rect {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b = a] = local.split(':');
  const parse = (s: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new FakeError('InvalidArgument', `bad address ${address}`);
    return [Number(m[2]) - 1, columnIndex(m[1]!)];
  };
  const [r1, c1] = parse(a!);
  const [r2, c2] = parse(b!);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom + 1}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class FakeSheet {
  visibility = 'Visible';
  protected = false;
  readonly rows = new Map<number, FakeValue[]>();
  readonly errors = new Set<string>();
  readonly formulas = new Map<string, string>();
  /** Formula cells written while calculation was suspended and not calculated since ("row,col"). */
  readonly dirty = new Set<string>();
  readonly numberFormats = new Map<string, string>();
  merges: Rect[] = [];
  rules: FakeRule[] = [];
  notes: FakeNote[] = [];
  comments: FakeComment[] = [];
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  /**
   * Cell formats besides the number format (font, fill, borders, alignment, ...), per "row,col":
   * format path ("font.bold", "fill.color") → value. range.format writes land here.
   */
  readonly cellFormats = new Map<string, Record<string, unknown>>();
  /** Rows the user hid (0-based). */
  readonly hiddenRows = new Set<number>();
  /** The sheet's AutoFilter range, if any. */
  autoFilter: Rect | null = null;

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  get(r: number, c: number): FakeValue {
    return this.rows.get(r)?.[c] ?? null;
  }

  set(r: number, c: number, v: FakeValue): void {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = []));
    row[c] = v;
    this.errors.delete(`${r},${c}`);
    this.formulas.delete(`${r},${c}`);
    this.dirty.delete(`${r},${c}`);
  }

  /** Calculate the formula of a cell: a HYPERLINK shows its friendly name, any other formula its text. */
  calculate(key: string): void {
    const formula = this.formulas.get(key);
    if (formula === undefined) return;
    const [r, c] = key.split(',').map(Number) as [number, number];
    const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(formula);
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = []));
    row[c] = link ? link[1]!.replace(/""/g, '"') : formula;
    this.dirty.delete(key);
  }

  setError(r: number, c: number, code: string): void {
    this.set(r, c, code);
    this.errors.add(`${r},${c}`);
  }

  /** Bounding box of the cells holding a value (getUsedRange(true)). */
  usedRect(): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [r, row] of this.rows) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined || v === '') continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  valueType(r: number, c: number): string {
    const v = this.get(r, c);
    if (v === null || v === '') return 'Empty';
    if (this.errors.has(`${r},${c}`)) return 'Error';
    if (typeof v === 'number') return 'Double';
    if (typeof v === 'boolean') return 'Boolean';
    return 'String';
  }

  ourRules(): FakeRule[] {
    return this.rules.filter((r) => r.formula?.includes('"kq:'));
  }
}

export interface FakeStats {
  syncs: number;
  /** Syncs that waited for the user to leave cell-edit mode (delayForCellEdit). */
  cellEditWaits: number;
  /** Pauses the adapter asked the host for (waiting for the user, e.g. to return to the workbook). */
  pauses: number;
  /** Response size of each sync, bytes. */
  responses: number[];
  /** Request size of each sync, bytes. */
  requests: number[];
  /** Writes applied. */
  mutations: number;
  suspendCalls: number;
  runs: number;
}

function newStats(): FakeStats {
  return { syncs: 0, cellEditWaits: 0, pauses: 0, responses: [], requests: [], mutations: 0, suspendCalls: 0, runs: 0 };
}

/**
 * A fault injected into one sync (fault-injection tests of the adapter's recovery). `applied` says
 * how much of the batch Excel ran before failing: 'none' (the request never ran: a dropped
 * connection, a refused request), a number of queued operations (Excel stops at the first failing
 * operation and keeps what ran before it; a function gets the number queued), or 'all' (everything
 * ran, then the answer was lost).
 */
export interface SyncFault {
  /** 1-based index of the sync, counted like stats.syncs (since the last resetStats). */
  readonly at: number;
  readonly code: string;
  readonly applied?: 'none' | 'all' | number | ((queued: number) => number);
}

/** A deep copy of plain data, Maps and Sets (made in this realm: structuredClone's are not, under Jest). */
function deepCopy<T>(v: T): T {
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, deepCopy(x)])) as T;
  if (v instanceof Set) return new Set([...v].map((x) => deepCopy(x))) as T;
  if (Array.isArray(v)) return v.map((x) => deepCopy(x)) as T;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)])) as T;
  return v;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  structureProtected = false;
  readOnly = false;
  documentReadOnly = false;
  /**
   * The user is editing a cell. A batch then fails with `cellEditCode`, unless it was run with
   * `delayForCellEdit`: Excel then holds it until the user leaves the cell (here at once, counted in
   * stats.cellEditWaits). https://learn.microsoft.com/javascript/api/excel/excel.runoptions
   */
  cellEditMode = false;
  /**
   * The two codes a batch fails with in cell-edit mode: the rich API's "InvalidOperationInCellEditMode",
   * and 5004 (ooeInvalidApiCallInContext), which requests through Office's common API layer report and
   * which Office.js maps to the former only on some paths (RequestContext._processOfficeJsErrorResponse
   * in the excel-*.js host files of @microsoft/office-js).
   */
  cellEditCode: string | number = 'InvalidOperationInCellEditMode';
  /** Highest ExcelApi version the fake host claims. */
  apiVersion = '1.18';
  /**
   * Members the loaded Office.js lacks although the host reports their requirement set: the
   * @microsoft/office-js 1.1.110 copy has no `Worksheet.notes` (ExcelApi 1.18) while Microsoft 365
   * reports 1.18, so `ws.notes` is undefined (issue 8 point 1; the files' API surface ends near 1.15).
   */
  missingMembers = new Set<'Worksheet.notes' | 'Worksheet.comments'>();
  /**
   * Another workbook has the focus during the syncs for which this is true: operations on worksheets
   * fail with InvalidSelection ("The current selection is invalid for this operation"; office-js
   * issues #6365, #5570; #771 reports GeneralException for the same situation on Windows).
   */
  otherWorkbookFocused: ((sync: number) => boolean) | null = null;
  /** Set during a sync when another workbook has the focus. */
  focusElsewhere = false;
  /** Set during a sync whose request suspended calculation (suspendApiCalculationUntilNextSync). */
  calcSuspended = false;
  /** Called when the adapter pauses (host.pause), e.g. the user comes back to the workbook. */
  onPause: (() => void) | null = null;
  stats: FakeStats = newStats();
  private nextId = 1;
  nextRuleId = 1;
  /** Faults to inject, each once, by sync index (see SyncFault). */
  faults: SyncFault[] = [];
  /** Faults that fired: sync index, code, operations run out of those queued. */
  readonly faultLog: Array<{ sync: number; code: string; ran: number; queued: number }> = [];
  /** Stricter limits than Excel's 5 MB (bytes), to make the adapter split requests and reads. */
  requestLimit: number | null = null;
  responseLimit: number | null = null;
  /** Called at the start of every sync with its index, before anything in it runs (the user acting between two syncs). */
  beforeSync: ((sync: number) => void) | null = null;

  /** The user deletes this sheet just before sync `at` runs. */
  deleteSheetBeforeSync(at: number, name: string): void {
    const previous = this.beforeSync;
    this.beforeSync = (n) => {
      previous?.(n);
      if (n === at) this.sheets = this.sheets.filter((s) => s.name !== name);
    };
  }

  /** A deep copy: every sheet with all it holds (in tab order), the book's flags and limits; stats reset. */
  clone(): FakeWorkbook {
    const b = new FakeWorkbook();
    for (const s of this.sheets) {
      const c = b.addSheet(s.name);
      for (const [k, v] of Object.entries(s)) if (k !== 'id' && k !== 'name') (c as unknown as Record<string, unknown>)[k] = deepCopy(v);
    }
    b.structureProtected = this.structureProtected;
    b.readOnly = this.readOnly;
    b.documentReadOnly = this.documentReadOnly;
    b.cellEditMode = this.cellEditMode;
    b.cellEditCode = this.cellEditCode;
    b.apiVersion = this.apiVersion;
    b.missingMembers = new Set(this.missingMembers);
    b.nextRuleId = this.nextRuleId;
    return b;
  }

  addSheet(name: string, rows: FakeValue[][] = []): FakeSheet {
    const s = new FakeSheet(this.nextId++, name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && s.set(r, c, v)));
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((x) => x.name === name);
  }

  resetStats(): void {
    this.stats = newStats();
  }

  isSetSupported(name: string, version: string): boolean {
    if (name !== 'ExcelApi') return false;
    const [a1, b1] = version.split('.').map(Number);
    const [a2, b2] = this.apiVersion.split('.').map(Number);
    return a1! < a2! || (a1 === a2 && b1! <= b2!);
  }

  host(): OfficeHost {
    return {
      run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: HostRunOptions): Promise<T> => {
        this.stats.runs++;
        const ctx = new Ctx(this, options?.delayForCellEdit === true);
        return batch(ctx as unknown as Excel.RequestContext);
      },
      isSetSupported: (name, version) => this.isSetSupported(name, version),
      documentReadOnly: () => this.documentReadOnly,
      pause: async () => {
        this.stats.pauses++;
        this.onPause?.();
      },
    };
  }
}

type Op = () => unknown;

class Ctx {
  private ops: Op[] = [];
  private requestBytes = 0;
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void; calculate(type: string): void };

  constructor(
    readonly book: FakeWorkbook,
    private readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = {
      // "Once set, it is the developer's responsibility to re-calc the workbook":
      // https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member
      suspendApiCalculationUntilNextSync: () =>
        this.queue(() => {
          book.stats.suspendCalls++;
          book.calcSuspended = true;
        }),
      calculate: () =>
        this.queue(() => {
          for (const s of book.sheets) for (const key of [...s.dirty]) s.calculate(key);
        }),
    };
  }

  /** Any operation on a worksheet: fails while another workbook has the focus. */
  touch(): void {
    if (this.book.focusElsewhere) throw new FakeError('InvalidSelection', 'The current selection is invalid for this operation (another workbook is active)');
  }

  queue(op: Op, argBytes = 0): void {
    this.ops.push(op);
    this.requestBytes += 64 + argBytes;
  }

  mutate(sheet: FakeSheet | null, what: string): FakeSheet {
    this.touch();
    if (!sheet) throw new FakeError('ItemNotFound', `${what}: the sheet does not exist`);
    if (sheet.protected) throw new FakeError('AccessDenied', `${what}: sheet ${sheet.name} is protected`);
    this.book.stats.mutations++;
    return sheet;
  }

  /**
   * Adding, deleting, renaming, hiding or unhiding a sheet: refused under structure protection
   * ("When you protect the structure, worksheets can't be moved, deleted, hidden, unhidden, or
   * renamed, and new worksheets can't be inserted": Microsoft's Excel help, "Help secure and protect
   * data in Excel", http://office.microsoft.com/en-us/excel-help/help-secure-and-protect-data-in-excel-RZ001123531.aspx;
   * the same in support.microsoft.com "Protect a workbook").
   */
  structure(what: string): void {
    this.touch();
    if (this.book.structureProtected) throw new FakeError('AccessDenied', `${what}: workbook structure is protected`);
    this.book.stats.mutations++;
  }

  async sync(): Promise<void> {
    const { stats } = this.book;
    stats.syncs++;
    this.book.beforeSync?.(stats.syncs);
    const fault = this.book.faults.find((f) => f.at === stats.syncs);
    if (fault) this.book.faults = this.book.faults.filter((f) => f !== fault);
    const queued = this.ops;
    const request = this.requestBytes;
    this.ops = [];
    this.requestBytes = 0;
    stats.requests.push(request);
    const spec = fault?.applied ?? 'none';
    const applied = typeof spec === 'function' ? spec(queued.length) : spec;
    const ops = !fault || applied === 'all' ? queued : queued.slice(0, applied === 'none' ? 0 : applied);
    if (fault && ops.length === 0) {
      this.book.faultLog.push({ sync: stats.syncs, code: fault.code, ran: 0, queued: queued.length });
      stats.responses.push(0);
      throw new FakeError(fault.code, `injected fault at sync ${stats.syncs}`);
    }
    if (this.book.requestLimit !== null && request > this.book.requestLimit) {
      stats.responses.push(0);
      throw new FakeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes (limit ${this.book.requestLimit})`);
    }
    if (this.book.cellEditMode) {
      if (this.delayForCellEdit) {
        // Excel holds the request until the user leaves the cell; then it runs.
        stats.cellEditWaits++;
        this.book.cellEditMode = false;
      } else {
        stats.responses.push(0);
        throw new FakeError(this.book.cellEditCode, 'Excel is in cell-editing mode');
      }
    }
    if (request > MB5) {
      stats.responses.push(0);
      throw new FakeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    }
    let response = 0;
    this.book.focusElsewhere = this.book.otherWorkbookFocused?.(stats.syncs) ?? false;
    try {
      for (const op of ops) {
        const data = op();
        if (data !== undefined) response += jsonSize(data);
      }
    } finally {
      stats.responses.push(response);
      this.book.focusElsewhere = false;
      this.book.calcSuspended = false;
    }
    if (response > MB5) throw new FakeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    if (fault) {
      this.book.faultLog.push({ sync: stats.syncs, code: fault.code, ran: ops.length, queued: queued.length });
      throw new FakeError(fault.code, `injected fault at sync ${stats.syncs} after ${ops.length} of ${queued.length} operations`);
    }
    if (this.book.responseLimit !== null && response > this.book.responseLimit) {
      throw new FakeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes (limit ${this.book.responseLimit})`);
    }
    await Promise.resolve();
  }
}

type Paths = string[][];

function parsePaths(spec: unknown): Paths {
  if (spec === undefined) return [];
  const list = Array.isArray(spec) ? spec.join(',') : String(spec);
  return list
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split('/'));
}

/** Paths below a prefix: [['items','name']] under 'items' → [['name']]. */
function under(paths: Paths, head: string): Paths {
  return paths.filter((p) => p[0] === head && p.length > 1).map((p) => p.slice(1));
}

function wants(paths: Paths, head: string): boolean {
  return paths.some((p) => p[0] === head);
}

abstract class Loadable {
  protected data: Record<string, unknown> | null = null;
  constructor(protected readonly ctx: Ctx) {}

  protected got<T>(prop: string): T {
    if (!this.data || !(prop in this.data)) throw new Error(`fake: ${this.constructor.name}.${prop} was not loaded and synced`);
    return this.data[prop] as T;
  }

  /** Fill data for these paths; return what goes on the wire. */
  abstract snapshot(paths: Paths): Record<string, unknown>;

  load(spec?: unknown): this {
    const paths = parsePaths(spec);
    this.ctx.queue(() => {
      const d = this.snapshot(paths);
      this.data = d;
      return d;
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.got<boolean>('isNullObject');
  }
}

class WorkbookProxy extends Loadable {
  readonly worksheets: WorksheetCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
  }
  snapshot(paths: Paths): Record<string, unknown> {
    const d: Record<string, unknown> = {};
    if (wants(paths, 'readOnly')) d.readOnly = this.ctx.book.readOnly;
    return d;
  }
  get readOnly(): boolean {
    return this.got('readOnly');
  }
}

class WorkbookProtectionProxy extends Loadable {
  snapshot(): Record<string, unknown> {
    return { protected: this.ctx.book.structureProtected };
  }
  get protected(): boolean {
    return this.got('protected');
  }
}

class WorksheetCollectionProxy extends Loadable {
  private list: WorksheetProxy[] = [];
  snapshot(paths: Paths): Record<string, unknown> {
    const sub = under(paths, 'items');
    this.list = [];
    const items = this.ctx.book.sheets.map((s) => {
      const id = s.id;
      const proxy = new WorksheetProxy(this.ctx, () => this.ctx.book.sheets.find((x) => x.id === id) ?? null, false);
      this.list.push(proxy);
      return proxy.snapshotInto(sub);
    });
    return { items };
  }
  get items(): WorksheetProxy[] {
    this.got('items');
    return this.list;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.findSheet(name) ?? null, false, name);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.findSheet(name) ?? null, true, name);
  }
  add(name: string): WorksheetProxy {
    this.ctx.queue(() => {
      this.ctx.structure(`add sheet ${name}`);
      if (this.ctx.book.findSheet(name)) throw new FakeError('ItemAlreadyExists', `sheet ${name} exists`);
      this.ctx.book.addSheet(name);
    }, jsonSize(name));
    return this.getItem(name);
  }
}

class WorksheetProxy extends Loadable {
  readonly protection: SheetProtectionProxy;
  constructor(
    ctx: Ctx,
    readonly resolve: () => FakeSheet | null,
    private readonly nullable: boolean,
    private readonly label = '?',
  ) {
    super(ctx);
    this.protection = new SheetProtectionProxy(ctx, this);
  }

  target(): FakeSheet {
    this.ctx.touch();
    const s = this.resolve();
    if (!s) throw new FakeError('ItemNotFound', `worksheet ${this.label}`);
    return s;
  }

  snapshotInto(paths: Paths): Record<string, unknown> {
    const s = this.resolve();
    const d: Record<string, unknown> = { isNullObject: s === null };
    if (s) {
      if (wants(paths, 'name') || paths.length === 0) d.name = s.name;
      if (wants(paths, 'visibility') || paths.length === 0) d.visibility = s.visibility;
      if (wants(paths, 'protection')) d.protection = this.protection.snapshot();
    } else if (!this.nullable) throw new FakeError('ItemNotFound', `worksheet ${this.label}`);
    this.data = d;
    return d;
  }

  snapshot(paths: Paths): Record<string, unknown> {
    return this.snapshotInto(paths);
  }

  get name(): string {
    return this.got('name');
  }

  /** Renaming a sheet changes the workbook's structure. */
  set name(v: string) {
    this.ctx.queue(() => {
      const s = this.target();
      this.ctx.structure(`rename sheet ${s.name}`);
      if (this.ctx.book.sheets.some((x) => x !== s && x.name === v)) throw new FakeError('ItemAlreadyExists', `sheet ${v} exists`);
      s.name = v;
    }, jsonSize(v));
  }

  get visibility(): string {
    return this.got('visibility');
  }

  /** Any hide or unhide is a change of structure, refused under structure protection even when the value stays. */
  set visibility(v: string) {
    this.ctx.queue(() => {
      const s = this.target();
      this.ctx.structure(`set visibility of sheet ${s.name}`);
      s.visibility = v;
    });
  }

  /**
   * A very hidden sheet cannot be deleted until it is made visible or hidden (by design:
   * https://github.com/OfficeDev/office-js/issues/365, documented in "Work with worksheets").
   */
  delete(): void {
    this.ctx.queue(() => {
      const s = this.target();
      this.ctx.structure(`delete sheet ${s.name}`);
      if (s.visibility === 'VeryHidden') throw new FakeError('GeneralException', `sheet ${s.name} is very hidden`);
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error('fake: only getUsedRangeOrNullObject(true) is modelled');
    return new RangeProxy(this.ctx, this, (s) => s.usedRect(), true);
  }

  getRange(address?: string): RangeProxy {
    const rect = address === undefined ? { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } : a1Rect(address);
    return new RangeProxy(this.ctx, this, () => rect, false);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1) throw new FakeError('InvalidArgument', 'empty range');
    const rect = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    return new RangeProxy(this.ctx, this, () => rect, false);
  }

  getRanges(address: string): RangeAreasProxy {
    if (address.length > 8192) throw new Error(`fake: getRanges address of ${address.length} characters; Excel would truncate it`);
    const rects = address.split(',').map((a) => a1Rect(a.trim()));
    return new RangeAreasProxy(this.ctx, this, () => rects, false);
  }

  /** Undefined where the loaded Office.js lacks the member (missingMembers). */
  get notes(): NoteCollectionProxy | undefined {
    if (this.ctx.book.missingMembers.has('Worksheet.notes')) return undefined;
    return new NoteCollectionProxy(this.ctx, this);
  }

  /**
   * Threaded comments, ExcelApi 1.10 (https://learn.microsoft.com/javascript/api/excel/excel.commentcollection).
   * On an older host Office.js refuses the member at once (its _throwIfApiNotSupported).
   */
  get comments(): CommentCollectionProxy | undefined {
    if (!this.ctx.book.isSetSupported('ExcelApi', '1.10')) throw new FakeError('ApiNotFound', 'Worksheet.comments needs ExcelApi 1.10');
    if (this.ctx.book.missingMembers.has('Worksheet.comments')) return undefined;
    return new CommentCollectionProxy(this.ctx, this);
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, this);
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, this);
  }

  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) =>
        this.ctx.queue(() => {
          this.ctx.mutate(this.resolve(), 'freeze').frozenRows = n;
        }),
    };
  }
}

class SheetProtectionProxy extends Loadable {
  constructor(
    ctx: Ctx,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  snapshot(): Record<string, unknown> {
    const d = { protected: this.sheet.target().protected };
    this.data = d;
    return d;
  }
  get protected(): boolean {
    return this.got('protected');
  }
}

/** Chains of write-only properties (range.format.font.bold = …) applied to a target at sync. */
function writeOnly(ctx: Ctx, apply: (path: string[], value: unknown) => void, path: string[] = []): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, prop) => (typeof prop === 'string' ? writeOnly(ctx, apply, [...path, prop]) : undefined),
    set: (_t, prop, value) => {
      ctx.queue(() => apply([...path, String(prop)], value), jsonSize(value));
      return true;
    },
  });
}

class RangeProxy extends Loadable {
  constructor(
    ctx: Ctx,
    readonly sheet: WorksheetProxy,
    private readonly rectOf: (s: FakeSheet) => Rect | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }

  rect(): Rect {
    const r = this.rectOf(this.sheet.target());
    if (!r) throw new FakeError('ItemNotFound', 'range');
    return r;
  }

  snapshot(paths: Paths): Record<string, unknown> {
    const s = this.sheet.target();
    const r = this.rectOf(s);
    if (!r) {
      if (!this.nullable) throw new FakeError('ItemNotFound', 'range');
      return { isNullObject: true };
    }
    const d: Record<string, unknown> = { isNullObject: false };
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (wants(paths, 'values') || wants(paths, 'valueTypes')) {
      if (rows * cols > 5_000_000) throw new FakeError('ResponsePayloadSizeLimitExceeded', `read of ${rows * cols} cells`);
    }
    if (wants(paths, 'address')) d.address = `${quoteName(s.name)}!${rectAddress(r)}`;
    if (wants(paths, 'rowIndex')) d.rowIndex = r.top;
    if (wants(paths, 'columnIndex')) d.columnIndex = r.left;
    if (wants(paths, 'rowCount')) d.rowCount = rows;
    if (wants(paths, 'columnCount')) d.columnCount = cols;
    if (wants(paths, 'values')) {
      const out: FakeValue[][] = [];
      for (let i = r.top; i <= r.bottom; i++) {
        const src = s.rows.get(i);
        const row: FakeValue[] = new Array(cols);
        for (let j = 0; j < cols; j++) row[j] = src?.[r.left + j] ?? '';
        out.push(row);
      }
      d.values = out;
    }
    if (wants(paths, 'valueTypes')) {
      const out: string[][] = [];
      for (let i = r.top; i <= r.bottom; i++) {
        const row: string[] = new Array(cols);
        for (let j = 0; j < cols; j++) row[j] = s.valueType(i, r.left + j);
        out.push(row);
      }
      d.valueTypes = out;
    }
    return d;
  }

  get values(): FakeValue[][] {
    return this.got('values');
  }
  get valueTypes(): string[][] {
    return this.got('valueTypes');
  }
  get address(): string {
    return this.got('address');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }

  private writeArray(what: string, value: unknown, put: (s: FakeSheet, r: number, c: number, v: unknown) => void): void {
    this.ctx.queue(() => {
      const s = this.ctx.mutate(this.sheet.resolve(), what);
      const r = this.rect();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (!Array.isArray(value) || value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeError('InvalidArgument', `${what}: array does not match ${rows}×${cols}`);
      }
      value.forEach((row: unknown[], i) => row.forEach((v, j) => put(s, r.top + i, r.left + j, v)));
    }, jsonSize(value));
  }

  set values(v: unknown) {
    this.writeArray('values', v, (s, r, c, x) => s.set(r, c, x as FakeValue));
  }

  /** A formula written while calculation is suspended stays uncalculated (no value) until calculated. */
  set formulas(v: unknown) {
    this.writeArray('formulas', v, (s, r, c, x) => {
      if (typeof x === 'string' && x.startsWith('=') && s.numberFormats.get(`${r},${c}`) !== '@') {
        const key = `${r},${c}`;
        s.set(r, c, null);
        s.formulas.set(key, x);
        if (this.ctx.book.calcSuspended) s.dirty.add(key);
        else s.calculate(key);
      } else s.set(r, c, x as FakeValue);
    });
  }

  /** Range.calculate (ExcelApi 1.6): https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-calculate-member */
  calculate(): void {
    this.ctx.queue(() => {
      const s = this.sheet.target();
      const r = this.rect();
      for (const key of [...s.dirty]) {
        const [row, col] = key.split(',').map(Number) as [number, number];
        if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) s.calculate(key);
      }
    });
  }

  set numberFormat(v: unknown) {
    this.writeArray('numberFormat', v, (s, r, c, x) => s.numberFormats.set(`${r},${c}`, String(x)));
  }

  clear(applyTo?: string): void {
    this.ctx.queue(() => {
      const s = this.ctx.mutate(this.sheet.resolve(), 'clear');
      if (applyTo !== 'Contents') throw new Error('fake: only clear("Contents") is modelled');
      const r = this.rect();
      for (const [row, cells] of s.rows) {
        if (row < r.top || row > r.bottom) continue;
        for (let c = r.left; c <= Math.min(r.right, cells.length - 1); c++) s.set(row, c, null);
      }
    });
  }

  get format(): Record<string, unknown> {
    return writeOnly(this.ctx, (path, value) => {
      const s = this.ctx.mutate(this.sheet.resolve(), 'format');
      const r = this.rect();
      const key = path.join('.');
      if (key === 'columnWidth') for (let c = r.left; c <= r.right; c++) s.columnWidths.set(c, Number(value));
      else {
        if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 1_000_000) throw new Error(`fake: format.${key} over more than 1,000,000 cells is not modelled`);
        for (let row = r.top; row <= r.bottom; row++) {
          for (let c = r.left; c <= r.right; c++) {
            const cell = `${row},${c}`;
            s.cellFormats.set(cell, { ...s.cellFormats.get(cell), [key]: value });
          }
        }
      }
    });
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.ctx, this.sheet, () => [this.rect()]);
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.ctx,
      this.sheet,
      (s) => {
        const r = this.rect();
        const found = s.merges.filter((m) => intersects(m, r));
        if (found.length > 512) throw new FakeError('GeneralException', 'more than 512 merged areas');
        return found.length === 0 ? null : found;
      },
      true,
    );
  }
}

class RangeAreasProxy extends Loadable {
  constructor(
    ctx: Ctx,
    private readonly sheet: WorksheetProxy,
    private readonly rectsOf: (s: FakeSheet) => Rect[] | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  snapshot(paths: Paths): Record<string, unknown> {
    const s = this.sheet.target();
    const rects = this.rectsOf(s);
    if (!rects) {
      if (!this.nullable) throw new FakeError('ItemNotFound', 'range areas');
      return { isNullObject: true };
    }
    const d: Record<string, unknown> = { isNullObject: false };
    if (wants(paths, 'address')) d.address = rects.map((r) => `${quoteName(s.name)}!${rectAddress(r)}`).join(', ');
    return d;
  }
  get address(): string {
    return this.got('address');
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.ctx, this.sheet, (s) => {
      const r = this.rectsOf(s);
      if (!r) throw new FakeError('ItemNotFound', 'range areas');
      return r;
    });
  }
}

/**
 * Conditional formats as Excel numbers them: a rule's `id` is "the priority of the conditional format
 * in the current ConditionalFormatCollection" (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member),
 * so every add (at the top priority: https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1))
 * and every delete renumbers the others, and a rule loaded or got by id is whichever rule holds that
 * priority when the batch runs.
 */
class ConditionalFormatCollectionProxy extends Loadable {
  private list: ConditionalFormatProxy[] = [];
  constructor(
    ctx: Ctx,
    private readonly sheet: WorksheetProxy,
    private readonly rectsOf: (s: FakeSheet) => Rect[],
  ) {
    super(ctx);
  }

  /** The rules of this collection in priority order, now. */
  members(s: FakeSheet): FakeRule[] {
    const rects = this.rectsOf(s);
    return s.rules.filter((rule) => rule.areas.some((a) => rects.some((r) => intersects(a, r))));
  }

  snapshot(paths: Paths): Record<string, unknown> {
    const s = this.sheet.target();
    const sub = under(paths, 'items');
    this.list = [];
    const items = this.members(s).map((rule, priority) => {
      const proxy = new ConditionalFormatProxy(this.ctx, this.sheet, { collection: this, priority });
      this.list.push(proxy);
      return proxy.fill(rule, priority, sub);
    });
    return { items };
  }

  get items(): ConditionalFormatProxy[] {
    this.got('items');
    return this.list;
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, this.sheet, { collection: this, priority: Number(id) });
  }

  add(type: string): ConditionalFormatProxy {
    const holder: { rule?: FakeRule } = {};
    this.ctx.queue(() => {
      const s = this.ctx.mutate(this.sheet.resolve(), 'add conditional format');
      const rule: FakeRule = { id: this.ctx.book.nextRuleId++, type, formula: null, areas: this.rectsOf(s).map((r) => ({ ...r })) };
      holder.rule = rule;
      s.rules.unshift(rule);
    }, jsonSize(type));
    return new ConditionalFormatProxy(this.ctx, this.sheet, { added: holder });
  }
}

/** A rule by priority in a collection (loaded, getItem), or the very rule an add() in this batch created. */
type RuleRef = { readonly collection: ConditionalFormatCollectionProxy; readonly priority: number } | { readonly added: { rule?: FakeRule } };

class ConditionalFormatProxy extends Loadable {
  constructor(
    ctx: Ctx,
    private readonly sheet: WorksheetProxy,
    private readonly ref: RuleRef,
  ) {
    super(ctx);
  }

  private rule(): { s: FakeSheet; rule: FakeRule } {
    const s = this.sheet.target();
    const rule = 'added' in this.ref ? s.rules.find((r) => r === (this.ref as { added: { rule?: FakeRule } }).added.rule) : this.ref.collection.members(s)[this.ref.priority];
    if (!rule) throw new FakeError('ItemNotFound', 'conditional format');
    return { s, rule };
  }

  fill(rule: FakeRule, priority: number, paths: Paths): Record<string, unknown> {
    const d: Record<string, unknown> = {};
    if (wants(paths, 'type')) d.type = rule.type;
    if (wants(paths, 'id')) d.id = String(priority);
    if (wants(paths, 'priority')) d.priority = priority;
    const custom = under(paths, 'customOrNullObject');
    if (custom.length > 0) {
      d.customOrNullObject = rule.type === 'Custom' ? { isNullObject: false, rule: { formula: rule.formula } } : { isNullObject: true };
    }
    this.data = d;
    return d;
  }

  snapshot(paths: Paths): Record<string, unknown> {
    const { s, rule } = this.rule();
    return this.fill(rule, s.rules.indexOf(rule), paths);
  }

  get type(): string {
    return this.got('type');
  }

  get id(): string {
    return this.got('id');
  }

  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    return this.got('customOrNullObject');
  }

  get custom(): Record<string, unknown> {
    return writeOnly(this.ctx, (path, value) => {
      const { s, rule } = this.rule();
      this.ctx.mutate(s, 'conditional format');
      const key = path.join('.');
      if (key === 'rule.formula') rule.formula = String(value);
      else if (key === 'format.fill.color') rule.fill = String(value);
      else if (key === 'format.font.color') rule.font = String(value);
      else throw new Error(`fake: custom.${key} is not modelled`);
    });
  }

  /** Moves the rule; priorities beyond the collection go last (ConditionalFormat.priority). */
  set priority(p: number) {
    this.ctx.queue(() => {
      const { s, rule } = this.rule();
      this.ctx.mutate(s, 'priority');
      s.rules = s.rules.filter((r) => r !== rule);
      s.rules.splice(Math.max(0, Math.min(p, s.rules.length)), 0, rule);
    });
  }

  delete(): void {
    this.ctx.queue(() => {
      const { s, rule } = this.rule();
      this.ctx.mutate(s, 'delete conditional format');
      s.rules = s.rules.filter((r) => r !== rule);
    });
  }
}

/** A cell's note or threaded comment, as loaded: its content and its cell. */
class AnnotationProxy<A extends FakeNote | FakeComment> extends Loadable {
  constructor(
    ctx: Ctx,
    protected readonly sheet: WorksheetProxy,
    protected readonly item: A,
  ) {
    super(ctx);
  }
  setData(d: Record<string, unknown>): void {
    this.data = d;
  }
  snapshot(): Record<string, unknown> {
    return { content: this.item.content };
  }
  get content(): string {
    return this.got('content');
  }
  /** Note.getLocation (ExcelApi 1.18), Comment.getLocation (ExcelApi 1.10). */
  getLocation(): RangeProxy {
    const a = this.item;
    return new RangeProxy(this.ctx, this.sheet, () => ({ top: a.row, left: a.col, bottom: a.row, right: a.col }), false);
  }
}

class NoteProxy extends AnnotationProxy<FakeNote> {
  delete(): void {
    this.ctx.queue(() => {
      const s = this.ctx.mutate(this.sheet.resolve(), 'delete note');
      s.notes = s.notes.filter((n) => n !== this.item);
    });
  }
}

class CommentProxy extends AnnotationProxy<FakeComment> {}

/** A sheet's notes or threaded comments as a loadable collection of items with their content. */
class AnnotationCollectionProxy<A extends FakeNote | FakeComment, P extends AnnotationProxy<A>> extends Loadable {
  private list: P[] = [];
  constructor(
    ctx: Ctx,
    protected readonly sheet: WorksheetProxy,
    private readonly itemsOf: (s: FakeSheet) => readonly A[],
    private readonly proxyOf: (item: A) => P,
  ) {
    super(ctx);
  }
  snapshot(paths: Paths): Record<string, unknown> {
    const sub = under(paths, 'items');
    this.list = [];
    const items = this.itemsOf(this.sheet.target()).map((item) => {
      const proxy = this.proxyOf(item);
      this.list.push(proxy);
      const d: Record<string, unknown> = {};
      if (wants(sub, 'content')) d.content = item.content;
      proxy.setData(d);
      return d;
    });
    return { items };
  }
  get items(): P[] {
    this.got('items');
    return this.list;
  }
}

class NoteCollectionProxy extends AnnotationCollectionProxy<FakeNote, NoteProxy> {
  constructor(ctx: Ctx, sheet: WorksheetProxy) {
    super(ctx, sheet, (s) => s.notes, (n) => new NoteProxy(ctx, sheet, n));
  }
  getCount(): { value: number } {
    const result = { value: -1 };
    this.ctx.queue(() => {
      result.value = this.sheet.target().notes.length;
      return result.value;
    });
    return {
      get value(): number {
        if (result.value < 0) throw new Error('fake: NoteCollection.getCount() was not synced');
        return result.value;
      },
    };
  }
  /** The note at this index when the batch runs; a loaded one stays that note (IndexedNoteProxy). */
  getItemAt(index: number): IndexedNoteProxy {
    return new IndexedNoteProxy(this.ctx, this.sheet, index);
  }
  add(cellAddress: string, content: string): void {
    this.ctx.queue(() => {
      const s = this.ctx.mutate(this.sheet.resolve(), 'add note');
      const r = a1Rect(cellAddress);
      if (r.top !== r.bottom || r.left !== r.right) throw new FakeError('InvalidArgument', 'a note goes on one cell');
      if (s.notes.some((n) => n.row === r.top && n.col === r.left)) throw new FakeError('InvalidArgument', `cell ${cellAddress} already has a note`);
      // A cell holds a threaded comment or a note, not both ("Adds a new modern threaded comment to the
      // range if no comment already exists": https://learn.microsoft.com/office/vba/api/excel.range.addcommentthreaded).
      if (s.comments.some((n) => n.row === r.top && n.col === r.left)) throw new FakeError('InvalidArgument', `cell ${cellAddress} has a threaded comment`);
      s.notes.push({ row: r.top, col: r.left, content });
    }, jsonSize(cellAddress) + jsonSize(content));
  }
}

/** A note got by index: resolved when first used in a batch, then that note (loaded, deleted, located). */
class IndexedNoteProxy extends Loadable {
  private pinned: FakeNote | null = null;
  constructor(
    ctx: Ctx,
    private readonly sheet: WorksheetProxy,
    private readonly index: number,
  ) {
    super(ctx);
  }
  private note(): FakeNote {
    if (!this.pinned) {
      const n = this.sheet.target().notes[this.index];
      if (!n) throw new FakeError('ItemNotFound', `note ${this.index}`);
      this.pinned = n;
    }
    return this.pinned;
  }
  snapshot(): Record<string, unknown> {
    return { content: this.note().content };
  }
  get content(): string {
    return this.got('content');
  }
  delete(): void {
    this.ctx.queue(() => {
      const note = this.note();
      const s = this.ctx.mutate(this.sheet.resolve(), 'delete note');
      s.notes = s.notes.filter((n) => n !== note);
    });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      this.sheet,
      () => {
        const n = this.note();
        return { top: n.row, left: n.col, bottom: n.row, right: n.col };
      },
      false,
    );
  }
}

class CommentCollectionProxy extends AnnotationCollectionProxy<FakeComment, CommentProxy> {
  constructor(ctx: Ctx, sheet: WorksheetProxy) {
    super(ctx, sheet, (s) => s.comments, (c) => new CommentProxy(ctx, sheet, c));
  }
}

class TableCollectionProxy extends Loadable {
  private list: Array<{ name: string; worksheet: { name: string } }> = [];
  constructor(
    ctx: Ctx,
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(ctx);
  }
  snapshot(): Record<string, unknown> {
    const sheets = this.sheet ? [this.sheet.target()] : this.ctx.book.sheets;
    this.list = sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
    return { items: this.list };
  }
  get items(): Array<{ name: string; worksheet: { name: string } }> {
    this.got('items');
    return this.list;
  }
  /** A table by name; only its name can be set. */
  getItem(key: string): Record<string, unknown> {
    const find = (): FakeTable => {
      const t = this.ctx.book.sheets.flatMap((x) => x.tables).find((x) => x.name.toLowerCase() === key.toLowerCase());
      if (!t) throw new FakeError('ItemNotFound', `table ${key}`);
      return t;
    };
    return new Proxy({} as Record<string, unknown>, {
      set: (_t, prop, value) => {
        if (prop !== 'name') throw new Error(`fake: table.${String(prop)} is not modelled on getItem`);
        this.ctx.queue(() => {
          const table = find();
          const taken = this.ctx.book.sheets.flatMap((x) => x.tables).some((t) => t !== table && t.name.toLowerCase() === String(value).toLowerCase());
          if (taken) throw new FakeError('ItemAlreadyExists', `table ${String(value)}`);
          table.name = String(value);
        }, jsonSize(value));
        return true;
      },
    });
  }
  add(address: string, hasHeaders: boolean): Record<string, unknown> {
    const table: FakeTable = { name: '', address, hasHeaders };
    this.ctx.queue(() => {
      const s = this.ctx.mutate(this.sheet!.resolve(), 'add table');
      const taken = new Set(this.ctx.book.sheets.flatMap((x) => x.tables.map((t) => t.name.toLowerCase())));
      let n = 1;
      while (taken.has(`table${n}`)) n++;
      table.name = `Table${n}`;
      s.tables.push(table);
    }, jsonSize(address));
    return new Proxy({} as Record<string, unknown>, {
      set: (_t, prop, value) => {
        this.ctx.queue(() => {
          if (prop === 'name') {
            const taken = this.ctx.book.sheets.flatMap((x) => x.tables).some((t) => t !== table && t.name.toLowerCase() === String(value).toLowerCase());
            if (taken) throw new FakeError('ItemAlreadyExists', `table ${String(value)}`);
            table.name = String(value);
          } else if (prop === 'style') table.style = String(value);
          else throw new Error(`fake: table.${String(prop)} is not modelled`);
        });
        return true;
      },
    });
  }
}

class ChartCollectionProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheet: WorksheetProxy,
  ) {}
  add(type: string, source: RangeProxy, seriesBy: string): Record<string, unknown> {
    const chart: FakeChart = { type, seriesBy };
    this.ctx.queue(() => {
      const s = this.ctx.mutate(this.sheet.resolve(), 'add chart');
      chart.values = rectAddress(source.rect());
      s.charts.push(chart);
    });
    const ctx = this.ctx;
    const setPath = (path: string[], value: unknown): void => {
      chart[path.join('.')] = value;
    };
    return {
      series: {
        getItemAt: (i: number) => ({
          setXAxisValues: (range: RangeProxy) => this.ctx.queue(() => setPath([`series${i}`, 'xValues'], rectAddress(range.rect()))),
          set name(v: string) {
            ctx.queue(() => setPath([`series${i}`, 'name'], v));
          },
        }),
      },
      title: writeOnly(this.ctx, (p, v) => setPath(['title', ...p], v)),
      legend: writeOnly(this.ctx, (p, v) => setPath(['legend', ...p], v)),
      axes: writeOnly(this.ctx, (p, v) => setPath(['axes', ...p], v)),
      setPosition: (a: string, b: string) => this.ctx.queue(() => setPath(['position'], `${a}:${b}`)),
    };
  }
}
