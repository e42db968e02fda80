/**
 * A very small expression language for spreadsheet rules. A rule written once as an `Expr` is both evaluated here
 * (the add-in's summary, the CLI, validation) and compiled to an Excel formula written into the sheet, so the two
 * cannot disagree. Semantics follow Excel's: blank cells compare equal to "", text compares case-insensitively, and
 * in a comparison any number sorts before any text.
 *
 * Dates are Excel serial numbers here, as in the sheet.
 */
import { fromExcelSerial, toExcelSerial, yearEnd, ymdOf } from './calendar';

export type Value = number | string | boolean | null;

export type Expr =
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'lit'; readonly v: number | string | boolean }
  | { readonly k: 'cmp'; readonly op: '=' | '<>' | '<' | '<=' | '>' | '>='; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'arith'; readonly op: '+' | '-'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'and' | 'or'; readonly args: readonly Expr[] }
  | { readonly k: 'not'; readonly a: Expr }
  | { readonly k: 'blank'; readonly a: Expr }
  /** The calendar day of a date serial (drops a time of day); text passes through unchanged. */
  | { readonly k: 'day'; readonly a: Expr }
  | { readonly k: 'concat'; readonly args: readonly Expr[] }
  | { readonly k: 'if'; readonly c: Expr; readonly t: Expr; readonly e: Expr }
  | { readonly k: 'min'; readonly args: readonly Expr[] }
  /** 31 December of the year of a date (a serial day number). */
  | { readonly k: 'yearEnd'; readonly a: Expr };

export const v = (name: string): Expr => ({ k: 'var', name });
export const lit = (x: number | string | boolean): Expr => ({ k: 'lit', v: x });
export const eq = (a: Expr, b: Expr): Expr => ({ k: 'cmp', op: '=', a, b });
export const lt = (a: Expr, b: Expr): Expr => ({ k: 'cmp', op: '<', a, b });
export const le = (a: Expr, b: Expr): Expr => ({ k: 'cmp', op: '<=', a, b });
export const gt = (a: Expr, b: Expr): Expr => ({ k: 'cmp', op: '>', a, b });
export const minus = (a: Expr, b: Expr): Expr => ({ k: 'arith', op: '-', a, b });
export const and = (...args: Expr[]): Expr => ({ k: 'and', args });
export const or = (...args: Expr[]): Expr => ({ k: 'or', args });
export const not = (a: Expr): Expr => ({ k: 'not', a });
export const blank = (a: Expr): Expr => ({ k: 'blank', a });
export const dayOf = (a: Expr): Expr => ({ k: 'day', a });
export const concat = (...args: Expr[]): Expr => ({ k: 'concat', args });
export const ifx = (c: Expr, t: Expr, e: Expr): Expr => ({ k: 'if', c, t, e });
export const min = (...args: Expr[]): Expr => ({ k: 'min', args });
export const yearEndOf = (a: Expr): Expr => ({ k: 'yearEnd', a });

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

export type Env = (name: string) => Value;

/**
 * Blank as the sheet formula sees it, LEN(TRIM(CLEAN(x)))=0: control characters (tab, line breaks) removed, then
 * nothing but spaces left. (Functions newer than Excel 2007, such as UNICHAR, are avoided: in a file they need a
 * prefix that not every reader knows.)
 */
export function isBlankText(x: string): boolean {
  return /^ *$/.test(x.replace(/[\u0000-\u001f]/g, ''));
}

const isBlankValue = (x: Value): boolean => x === null || (typeof x === 'string' && isBlankText(x));

function rank(x: Value): number {
  if (x === null || typeof x === 'number') return 0;
  if (typeof x === 'string') return 1;
  return 2;
}

function compare(a: Value, b: Value): number {
  // Excel: a blank cell is 0 against a number and "" against text.
  const left = a === null ? (typeof b === 'string' ? '' : 0) : a;
  const right = b === null ? (typeof a === 'string' ? '' : 0) : b;
  const ra = rank(left);
  const rb = rank(right);
  if (ra !== rb) return ra - rb;
  if (typeof left === 'string' && typeof right === 'string') {
    if (left === right) return 0;
    // toLowerCase, not toLocaleLowerCase('vi'): Unicode's locale-specific casing (SpecialCasing.txt) is for
    // Lithuanian, Turkish and Azeri only, so for Vietnamese both give the same text — this without a locale lookup.
    const x = left.toLowerCase();
    const y = right.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(left) - Number(right);
}

function toNumber(x: Value): number {
  if (x === null) return 0;
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  const n = Number(x.trim());
  if (x.trim() === '' || !Number.isFinite(n)) throw new FormulaValueError(x);
  return n;
}

function truthy(x: Value): boolean {
  if (typeof x === 'boolean') return x;
  if (x === null) return false;
  return toNumber(x) !== 0;
}

function text(x: Value): string {
  if (x === null) return '';
  if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
  return String(x);
}

/** The evaluation met text where a number was needed: Excel shows #VALUE!. */
export class FormulaValueError extends Error {
  constructor(readonly found: string) {
    super(`#VALUE! (${found})`);
  }
}

export function evaluate(e: Expr, env: Env): Value {
  switch (e.k) {
    case 'var':
      return env(e.name);
    case 'lit':
      return e.v;
    case 'cmp': {
      const c = compare(evaluate(e.a, env), evaluate(e.b, env));
      switch (e.op) {
        case '=': return c === 0;
        case '<>': return c !== 0;
        case '<': return c < 0;
        case '<=': return c <= 0;
        case '>': return c > 0;
        case '>=': return c >= 0;
      }
      break;
    }
    case 'arith': {
      const a = toNumber(evaluate(e.a, env));
      const b = toNumber(evaluate(e.b, env));
      return e.op === '+' ? a + b : a - b;
    }
    case 'and':
      return e.args.every((x) => truthy(evaluate(x, env)));
    case 'or':
      return e.args.some((x) => truthy(evaluate(x, env)));
    case 'not':
      return !truthy(evaluate(e.a, env));
    case 'blank':
      return isBlankValue(evaluate(e.a, env));
    case 'day': {
      const x = evaluate(e.a, env);
      return typeof x === 'number' ? Math.floor(x) : x;
    }
    case 'concat':
      return e.args.map((x) => text(evaluate(x, env))).join('');
    case 'if':
      return truthy(evaluate(e.c, env)) ? evaluate(e.t, env) : evaluate(e.e, env);
    case 'min':
      return Math.min(...e.args.map((x) => toNumber(evaluate(x, env))));
    case 'yearEnd': {
      const serial = toNumber(evaluate(e.a, env));
      return yearEndSerial(serial);
    }
  }
  throw new Error('unreachable');
}

/** Excel serial of 31 December of the year containing the Excel serial `serial`. */
function yearEndSerial(serial: number): number {
  const day = fromExcelSerial(serial);
  if (day === null) throw new FormulaValueError(String(serial));
  return toExcelSerial(yearEnd(ymdOf(day).year));
}

// ---------------------------------------------------------------------------------------------------------------
// Compilation to an Excel formula

/** How each variable is written in the formula: a cell reference, or a constant to fold in. */
export type Binding = (name: string) => { readonly ref: string } | { readonly value: number | string | boolean };

const PRECEDENCE = { cmp: 1, concat: 2, arith: 3, atom: 9 } as const;

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function litText(x: number | string | boolean): string {
  if (typeof x === 'string') return quote(x);
  if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
  return String(x);
}

/** Folds constant-bound variables and the branches they decide. */
export function fold(e: Expr, bind: Binding): Expr {
  switch (e.k) {
    case 'var': {
      const b = bind(e.name);
      return 'value' in b ? lit(b.value) : e;
    }
    case 'lit':
      return e;
    case 'cmp':
    case 'arith':
      return { ...e, a: fold(e.a, bind), b: fold(e.b, bind) };
    case 'and':
    case 'or': {
      const args = e.args.map((x) => fold(x, bind));
      const decisive = e.k === 'and' ? false : true;
      if (args.some((x) => x.k === 'lit' && x.v === decisive)) return lit(decisive);
      const rest = args.filter((x) => !(x.k === 'lit' && typeof x.v === 'boolean'));
      if (rest.length === 0) return lit(!decisive);
      return rest.length === 1 && rest[0] ? rest[0] : { k: e.k, args: rest };
    }
    case 'not': {
      const a = fold(e.a, bind);
      return a.k === 'lit' && typeof a.v === 'boolean' ? lit(!a.v) : { k: 'not', a };
    }
    case 'blank':
    case 'day':
    case 'yearEnd':
      return { ...e, a: fold(e.a, bind) };
    case 'concat':
    case 'min':
      return { ...e, args: e.args.map((x) => fold(x, bind)) };
    case 'if': {
      const c = fold(e.c, bind);
      if (c.k === 'lit' && typeof c.v === 'boolean') return fold(c.v ? e.t : e.e, bind);
      return { k: 'if', c, t: fold(e.t, bind), e: fold(e.e, bind) };
    }
  }
}

function emit(e: Expr, bind: Binding): { text: string; prec: number } {
  const atom = (text: string) => ({ text, prec: PRECEDENCE.atom });
  const wrap = (x: { text: string; prec: number }, min: number) => (x.prec < min ? `(${x.text})` : x.text);
  switch (e.k) {
    case 'var': {
      const b = bind(e.name);
      return atom('ref' in b ? b.ref : litText(b.value));
    }
    case 'lit':
      return atom(litText(e.v));
    case 'cmp':
      return {
        text: `${wrap(emit(e.a, bind), PRECEDENCE.concat)}${e.op}${wrap(emit(e.b, bind), PRECEDENCE.concat)}`,
        prec: PRECEDENCE.cmp,
      };
    case 'arith':
      return {
        text: `${wrap(emit(e.a, bind), PRECEDENCE.arith)}${e.op}${wrap(emit(e.b, bind), PRECEDENCE.arith + 1)}`,
        prec: PRECEDENCE.arith,
      };
    case 'and':
    case 'or':
      return atom(`${e.k.toUpperCase()}(${e.args.map((x) => emit(x, bind).text).join(',')})`);
    case 'not':
      return atom(`NOT(${emit(e.a, bind).text})`);
    case 'blank':
      return { text: `LEN(TRIM(CLEAN(${emit(e.a, bind).text})))=0`, prec: PRECEDENCE.cmp };
    case 'day': {
      const a = emit(e.a, bind).text;
      return atom(`IF(ISNUMBER(${a}),INT(${a}),${a})`);
    }
    case 'concat':
      return { text: e.args.map((x) => wrap(emit(x, bind), PRECEDENCE.arith)).join('&'), prec: PRECEDENCE.concat };
    case 'if':
      return atom(`IF(${emit(e.c, bind).text},${emit(e.t, bind).text},${emit(e.e, bind).text})`);
    case 'min':
      return atom(`MIN(${e.args.map((x) => emit(x, bind).text).join(',')})`);
    case 'yearEnd':
      return atom(`DATE(YEAR(${emit(e.a, bind).text}),12,31)`);
  }
}

/** The Excel formula for `e` (with the leading "="), variables written as `bind` says. */
export function toExcelFormula(e: Expr, bind: Binding): string {
  return `=${emit(fold(e, bind), bind).text}`;
}
