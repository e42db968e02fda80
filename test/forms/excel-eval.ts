/**
 * A small evaluator of the spreadsheet formulas the form layouts write (IF, SUM, COUNT, AND, OR, ABS, N, ISNUMBER,
 * LEN, comparisons, + and −), with Excel's semantics for blanks, text and errors. It lets the tests compute what a
 * spreadsheet program would show, and compare it with the checker.
 */
import { parseRange } from '../../src/workbook/a1';

export interface XError {
  readonly error: string;
}
export type XValue = number | string | boolean | null | XError;
interface RefList {
  readonly refs: readonly XValue[];
}
type Arg = XValue | RefList;

function isError(v: Arg | number[]): v is XError {
  return typeof v === 'object' && v !== null && 'error' in v;
}
function isRefs(v: Arg): v is RefList {
  return typeof v === 'object' && v !== null && 'refs' in v;
}

export type CellLookup = (a1: string) => XValue;

export function evaluateFormula(formula: string, cell: CellLookup): XValue {
  const src = formula.replace(/^=/, '');
  let i = 0;
  const ws = () => {
    while (src[i] === ' ') i++;
  };
  const peek = (s: string) => {
    ws();
    return src.startsWith(s, i);
  };
  const eat = (s: string) => {
    if (!peek(s)) throw new Error(`expected ${s} at ${i} in ${formula}`);
    i += s.length;
  };
  const scalar = (a: Arg): XValue => {
    if (!isRefs(a)) return a;
    if (a.refs.length !== 1) return { error: '#VALUE!' };
    return a.refs[0] ?? null;
  };
  const num = (v: XValue): number | XError => {
    if (isError(v)) return v;
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) ? n : { error: '#VALUE!' };
  };
  const bool = (v: XValue): boolean | XError => {
    if (isError(v)) return v;
    if (typeof v === 'boolean') return v;
    if (v === null) return false;
    if (typeof v === 'number') return v !== 0;
    return { error: '#VALUE!' };
  };
  const numbersIn = (args: Arg[]): number[] | XError => {
    const out: number[] = [];
    for (const a of args) {
      if (isRefs(a)) {
        for (const v of a.refs) {
          if (isError(v)) return v;
          if (typeof v === 'number') out.push(v);
        }
      } else {
        const n = num(a);
        if (isError(n)) return n;
        out.push(n);
      }
    }
    return out;
  };
  const call = (name: string, args: Arg[]): XValue => {
    switch (name) {
      case 'SUM': {
        const ns = numbersIn(args);
        return isError(ns) ? ns : ns.reduce((a, b) => a + b, 0);
      }
      case 'COUNT':
        return args.reduce<number>((n, a) => n + (isRefs(a) ? a.refs.filter((v) => typeof v === 'number').length : typeof a === 'number' ? 1 : 0), 0);
      case 'IF': {
        const c = bool(scalar(args[0] ?? null));
        if (isError(c)) return c;
        return scalar((c ? args[1] : args[2]) ?? false);
      }
      case 'AND':
      case 'OR': {
        const bs = args.map((a) => bool(scalar(a)));
        const err = bs.find(isError);
        if (err) return err;
        return name === 'AND' ? bs.every((b) => b === true) : bs.some((b) => b === true);
      }
      case 'ABS': {
        const n = num(scalar(args[0] ?? null));
        return isError(n) ? n : Math.abs(n);
      }
      case 'N': {
        const v = scalar(args[0] ?? null);
        return typeof v === 'number' ? v : isError(v) ? v : 0;
      }
      case 'ISNUMBER':
        return typeof scalar(args[0] ?? null) === 'number';
      case 'LEN': {
        const v = scalar(args[0] ?? null);
        return isError(v) ? v : v === null ? 0 : String(v).length;
      }
      default:
        throw new Error(`function ${name} not supported`);
    }
  };
  const primary = (): Arg => {
    ws();
    if (peek('(')) {
      eat('(');
      const v = expr();
      eat(')');
      return v;
    }
    if (peek('"')) {
      i++;
      let s = '';
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') {
          i++;
          break;
        } else s += src[i++];
      }
      return s;
    }
    const numMatch = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (numMatch) {
      i += numMatch[0].length;
      return Number(numMatch[0]);
    }
    const fn = /^([A-Z]+)\(/.exec(src.slice(i));
    if (fn) {
      i += (fn[1] ?? '').length;
      eat('(');
      const args: Arg[] = [];
      if (!peek(')')) {
        args.push(expr());
        while (peek(',')) {
          eat(',');
          args.push(expr());
        }
      }
      eat(')');
      return call(fn[1] ?? '', args);
    }
    const ref = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/.exec(src.slice(i));
    if (ref) {
      i += ref[0].length;
      const r = parseRange(ref[0].replace(/\$/g, ''));
      const refs: XValue[] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) refs.push(cell(`${String.fromCharCode(64 + col)}${row}`));
      }
      return { refs };
    }
    throw new Error(`cannot read ${src.slice(i)} in ${formula}`);
  };
  const unary = (): Arg => {
    if (peek('-')) {
      eat('-');
      const n = num(scalar(unary()));
      return isError(n) ? n : -n;
    }
    return primary();
  };
  const additive = (): Arg => {
    let left = unary();
    for (;;) {
      const op = peek('+') ? '+' : peek('-') ? '-' : null;
      if (op === null) return left;
      eat(op);
      const a = num(scalar(left));
      const b = num(scalar(unary()));
      left = isError(a) ? a : isError(b) ? b : op === '+' ? a + b : a - b;
    }
  };
  const expr = (): Arg => {
    const left = additive();
    for (const op of ['<>', '>=', '<=', '>', '<', '=']) {
      if (peek(op)) {
        eat(op);
        return compare(scalar(left), scalar(additive()), op);
      }
    }
    return left;
  };
  const result = scalar(expr());
  ws();
  if (i !== src.length) throw new Error(`unread text ${src.slice(i)} in ${formula}`);
  return result;
}

function compare(a: XValue, b: XValue, op: string): XValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  // Excel: a blank is 0 against a number and "" against text; numbers sort before text.
  const l = a === null ? (typeof b === 'string' ? '' : 0) : a;
  const r = b === null ? (typeof a === 'string' ? '' : 0) : b;
  const rank = (v: XValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let c: number;
  if (rank(l) !== rank(r)) c = rank(l) - rank(r);
  else if (typeof l === 'string' && typeof r === 'string') c = l.toLowerCase() < r.toLowerCase() ? -1 : l.toLowerCase() > r.toLowerCase() ? 1 : 0;
  else c = Number(l) - Number(r);
  switch (op) {
    case '=': return c === 0;
    case '<>': return c !== 0;
    case '>': return c > 0;
    case '<': return c < 0;
    case '>=': return c >= 0;
    default: return c <= 0;
  }
}
