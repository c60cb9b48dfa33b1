/**
 * A small evaluator of Excel formulas for tests: enough of Excel's semantics to tell which cells a
 * conditional-format rule highlights, written from Microsoft's function reference, apart from the
 * code that writes the formulas. Relative references move with the evaluated cell, as in a
 * conditional format whose formula is written for the top-left cell of its range.
 *
 * Supported: numbers, "strings", TRUE/FALSE, cell references with an optional 'Sheet'! prefix and
 * $ anchors, the operators = <> < <= > >= & + - * / and unary minus, and the functions AND, OR,
 * NOT, IF, N, LEN, TRIM, SUBSTITUTE, ISNUMBER, ISERROR, ISBLANK, CHAR, TODAY.
 */
import type { OoxmlValue } from './ooxml';

export type XlValue = number | string | boolean | { readonly error: string } | null;

export interface EvalContext {
  /** The value of a cell (null when empty); sheet is null for the formula's own sheet. */
  cell(sheet: string | null, row: number, col: number): OoxmlValue | null;
  /** TODAY() as an Excel serial. */
  readonly today: number;
}

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; sheet: string | null; row: number; col: number; absRow: boolean; absCol: boolean }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

const TOKEN = /\s*(?:("(?:[^"]|"")*")|('(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(\$?[A-Z]{1,3}\$?\d+)(?![\w(])|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.]*)|(<=|>=|<>|[-+*/&=<>(),]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || m.index !== at) {
      if (/^\s*$/.test(src.slice(at))) break;
      throw new Error(`formula-eval: cannot read "${src.slice(at, at + 20)}" in ${src}`);
    }
    out.push(m[1] ?? (m[3] !== undefined ? `@${m[2] ?? ''}${m[3]}` : (m[4] ?? m[5] ?? m[6])!));
  }
  return out;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function parse(src: string): Node {
  const t = tokenize(src.startsWith('=') ? src.slice(1) : src);
  let i = 0;
  const peek = () => t[i];
  const take = (want?: string) => {
    const x = t[i++];
    if (x === undefined || (want !== undefined && x !== want)) throw new Error(`formula-eval: expected ${want ?? 'more'} in ${src}`);
    return x;
  };
  const levels = [['=', '<>', '<', '<=', '>', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let a = binary(level + 1);
    while (levels[level]!.includes(peek() ?? '')) {
      const op = take();
      a = { k: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      return { k: 'neg', a: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const x = take();
    if (x === '(') {
      const e = binary(0);
      take(')');
      return e;
    }
    if (x.startsWith('"')) return { k: 'str', v: x.slice(1, -1).replace(/""/g, '"') };
    if (x.startsWith('@')) {
      const m = /^@(?:'((?:[^']|'')+)'!|([^!']+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(x)!;
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
      return { k: 'ref', sheet, col: colIndex(m[4]!), row: Number(m[6]) - 1, absCol: m[3] === '$', absRow: m[5] === '$' };
    }
    if (/^\d/.test(x)) return { k: 'num', v: Number(x) };
    const upper = x.toUpperCase();
    if (peek() === '(') {
      take('(');
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(binary(0));
        while (peek() === ',') {
          take(',');
          args.push(binary(0));
        }
      }
      take(')');
      return { k: 'call', name: upper, args };
    }
    if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', v: upper === 'TRUE' };
    throw new Error(`formula-eval: unknown name ${x} in ${src}`);
  };
  const e = binary(0);
  if (i !== t.length) throw new Error(`formula-eval: trailing "${t.slice(i).join(' ')}" in ${src}`);
  return e;
}

const isError = (v: XlValue): v is { readonly error: string } => typeof v === 'object' && v !== null;
const VALUE_ERROR = { error: '#VALUE!' } as const;

function toNumber(v: XlValue): number | { error: string } {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : VALUE_ERROR;
}

function toText(v: XlValue): string | { error: string } {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return v;
}

function toBool(v: XlValue): boolean | { error: string } {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (isError(v)) return v;
  const u = v.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : VALUE_ERROR;
}

/** Excel's comparison: numbers < text < logical values; text compares without case; empty is 0 or "". */
function compare(a: XlValue, b: XlValue): number {
  const rank = (v: XlValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function evaluate(n: Node, ctx: EvalContext, dRow: number, dCol: number): XlValue {
  const ev = (x: Node) => evaluate(x, ctx, dRow, dCol);
  switch (n.k) {
    case 'num':
      return n.v;
    case 'str':
      return n.v;
    case 'bool':
      return n.v;
    case 'ref': {
      const v = ctx.cell(n.sheet, n.absRow ? n.row : n.row + dRow, n.absCol ? n.col : n.col + dCol);
      return v === undefined ? null : v;
    }
    case 'neg': {
      const x = toNumber(ev(n.a));
      return isError(x) ? x : -x;
    }
    case 'bin': {
      const a = ev(n.a);
      const b = ev(n.b);
      if (isError(a)) return a;
      if (isError(b)) return b;
      if (n.op === '&') {
        const x = toText(a);
        const y = toText(b);
        return isError(x) ? x : isError(y) ? y : x + y;
      }
      if (['+', '-', '*', '/'].includes(n.op)) {
        const x = toNumber(a);
        const y = toNumber(b);
        if (isError(x)) return x;
        if (isError(y)) return y;
        if (n.op === '/' && y === 0) return { error: '#DIV/0!' };
        return n.op === '+' ? x + y : n.op === '-' ? x - y : n.op === '*' ? x * y : x / y;
      }
      const c = compare(a, b);
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[n.op]!;
    }
    case 'call':
      return call(n.name, n.args, ev, ctx);
  }
}

function call(name: string, args: Node[], ev: (n: Node) => XlValue, ctx: EvalContext): XlValue {
  const arg = (i: number) => ev(args[i]!);
  switch (name) {
    case 'AND':
    case 'OR': {
      let acc = name === 'AND';
      for (const a of args) {
        const b = toBool(ev(a));
        if (isError(b)) return b;
        acc = name === 'AND' ? acc && b : acc || b;
      }
      return acc;
    }
    case 'NOT': {
      const b = toBool(arg(0));
      return isError(b) ? b : !b;
    }
    case 'IF': {
      const b = toBool(arg(0));
      if (isError(b)) return b;
      return b ? arg(1) : args.length > 2 ? arg(2) : false;
    }
    case 'N': {
      const v = arg(0);
      return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : isError(v) ? v : 0;
    }
    case 'LEN': {
      const s = toText(arg(0));
      return isError(s) ? s : s.length;
    }
    case 'TRIM': {
      const s = toText(arg(0));
      return isError(s) ? s : s.replace(/ +/g, ' ').replace(/^ | $/g, '');
    }
    case 'SUBSTITUTE': {
      const s = toText(arg(0));
      const from = toText(arg(1));
      const to = toText(arg(2));
      if (isError(s)) return s;
      if (isError(from)) return from;
      if (isError(to)) return to;
      return from === '' ? s : s.split(from).join(to);
    }
    case 'ISNUMBER':
      return typeof arg(0) === 'number';
    case 'ISERROR':
      return isError(arg(0));
    case 'ISBLANK':
      return arg(0) === null;
    case 'CHAR': {
      const n = toNumber(arg(0));
      return isError(n) ? n : String.fromCharCode(Math.trunc(n));
    }
    case 'TODAY':
      return ctx.today;
    default:
      throw new Error(`formula-eval: function ${name} is not supported`);
  }
}

/**
 * Does a conditional-format formula, written for the cell (topRow, topCol), highlight the cell
 * (row, col)? Excel highlights when the result is TRUE or a non-zero number; errors never highlight.
 */
export function highlights(formula: string, ctx: EvalContext, top: { row: number; col: number }, at: { row: number; col: number }): boolean {
  const v = evaluate(parse(formula), ctx, at.row - top.row, at.col - top.col);
  if (isError(v)) return false;
  const b = toBool(v);
  return !isError(b) && b;
}

/** Cells of an sqref ("B5:G7 B9:G10") as 0-based row/column, and the top-left of its first area. */
export function sqrefCells(sqref: string): { top: { row: number; col: number }; cells: Array<{ row: number; col: number }> } {
  const cells: Array<{ row: number; col: number }> = [];
  let top: { row: number; col: number } | null = null;
  for (const area of sqref.trim().split(/\s+/)) {
    const [a, b = a] = area.split(':');
    const p = /^([A-Z]+)(\d+)$/.exec(a!.replace(/\$/g, ''))!;
    const q = /^([A-Z]+)(\d+)$/.exec(b!.replace(/\$/g, ''))!;
    const r1 = Number(p[2]) - 1;
    const r2 = Number(q[2]) - 1;
    const c1 = colIndex(p[1]!);
    const c2 = colIndex(q[1]!);
    top ??= { row: r1, col: c1 };
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push({ row: r, col: c });
  }
  return { top: top!, cells };
}
