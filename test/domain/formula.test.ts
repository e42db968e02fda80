import { describe, it, expect } from 'vitest';
import {
  type Binding, type Env, type Expr, type Value,
  FormulaValueError, and, blank, concat, eq, evaluate, fold, gt, ifx, le, lit, lt, min, minus, not, or, toExcelFormula, v,
  yearEndOf,
} from '../../src/domain/formula';

const env = (vars: Record<string, Value>): Env => (name) => {
  if (!(name in vars)) throw new Error(`unbound ${name}`);
  return vars[name] ?? null;
};
const ev = (e: Expr, vars: Record<string, Value> = {}): Value => evaluate(e, env(vars));
const ne = (a: Expr, b: Expr): Expr => ({ k: 'cmp', op: '<>', a, b });
const ge = (a: Expr, b: Expr): Expr => ({ k: 'cmp', op: '>=', a, b });
const plus = (a: Expr, b: Expr): Expr => ({ k: 'arith', op: '+', a, b });

/** Every variable is the cell named after it in upper case, e.g. a → A1. */
const cells: Binding = (name) => ({ ref: `${name.toUpperCase()}1` });

describe('evaluate: blank cells, empty text and zero', () => {
  it('blank() is true for a blank cell, "" and spaces; false for 0 and for text', () => {
    expect(ev(blank(v('x')), { x: null })).toBe(true);
    expect(ev(blank(v('x')), { x: '' })).toBe(true);
    expect(ev(blank(v('x')), { x: '   ' })).toBe(true);
    expect(ev(blank(v('x')), { x: 0 })).toBe(false);
    expect(ev(blank(v('x')), { x: 'a' })).toBe(false);
    expect(ev(blank(v('x')), { x: false })).toBe(false);
  });

  it('a blank cell equals both "" and 0, but "" does not equal 0', () => {
    expect(ev(eq(v('x'), lit('')), { x: null })).toBe(true);
    expect(ev(eq(v('x'), lit(0)), { x: null })).toBe(true);
    expect(ev(eq(lit(''), lit(0)))).toBe(false);
    expect(ev(eq(v('x'), v('y')), { x: null, y: null })).toBe(true);
    expect(ev(eq(v('x'), lit('a')), { x: null })).toBe(false);
    expect(ev(lt(v('x'), lit(1)), { x: null })).toBe(true); // blank is 0 against a number
    expect(ev(lt(v('x'), lit(-1)), { x: null })).toBe(false);
  });

  it('arithmetic treats a blank cell as 0', () => {
    expect(ev(minus(v('x'), lit(5)), { x: null })).toBe(-5);
    expect(ev(plus(lit(5), v('x')), { x: null })).toBe(5);
  });
});

describe('evaluate: comparisons', () => {
  it('text equality ignores case (Vietnamese letters included)', () => {
    expect(ev(eq(lit('Hoàn thành'), lit('HOÀN THÀNH')))).toBe(true);
    expect(ev(eq(lit('Không thực hiện'), lit('không thực hiện')))).toBe(true);
    expect(ev(eq(lit('Đang thực hiện'), lit('đang thực hiện')))).toBe(true);
    expect(ev(eq(lit('Hoàn thành'), lit('Hoàn thanh')))).toBe(false);
    expect(ev(ne(lit('abc'), lit('ABC')))).toBe(false);
    expect(ev(ne(lit('abc'), lit('abd')))).toBe(true);
  });

  it('orders text alphabetically, case-insensitively', () => {
    expect(ev(lt(lit('a'), lit('B')))).toBe(true);
    expect(ev(lt(lit('B'), lit('a')))).toBe(false);
    expect(ev(gt(lit('b'), lit('A')))).toBe(true);
  });

  it('any number sorts before any text, and text before booleans', () => {
    expect(ev(lt(lit(1e9), lit('0')))).toBe(true);
    expect(ev(lt(lit(5), lit('')))).toBe(true);
    expect(ev(gt(lit('a'), lit(99999)))).toBe(true);
    expect(ev(eq(lit('5'), lit(5)))).toBe(false);
    expect(ev(lt(lit('zzz'), lit(false)))).toBe(true);
    expect(ev(lt(lit(1), lit(true)))).toBe(true);
  });

  it('numbers compare numerically with every operator', () => {
    const ops: Array<[(a: Expr, b: Expr) => Expr, (a: number, b: number) => boolean]> = [
      [eq, (a, b) => a === b], [ne, (a, b) => a !== b], [lt, (a, b) => a < b],
      [le, (a, b) => a <= b], [gt, (a, b) => a > b], [ge, (a, b) => a >= b],
    ];
    for (const [op, ref] of ops) {
      for (const a of [-2, 0, 1.5, 10]) {
        for (const b of [-2, 0, 1.5, 10]) expect(ev(op(lit(a), lit(b)))).toBe(ref(a, b));
      }
    }
  });
});

describe('evaluate: arithmetic, concatenation and logic', () => {
  it('subtracts and adds numbers; numeric text and booleans are coerced', () => {
    expect(ev(minus(lit(46_023), lit(46_000)))).toBe(23);
    expect(ev(minus(lit('10'), lit(3)))).toBe(7);
    expect(ev(minus(lit(' 10 '), lit(3)))).toBe(7);
    expect(ev(plus(lit(true), lit(1)))).toBe(2);
  });

  it('throws FormulaValueError (Excel #VALUE!) on arithmetic with non-numeric text', () => {
    expect(() => ev(minus(lit('abc'), lit(1)))).toThrow(FormulaValueError);
    expect(() => ev(minus(lit(1), lit('1/1/2026')))).toThrow(FormulaValueError);
    expect(() => ev(plus(lit(''), lit(1)))).toThrow(FormulaValueError);
    expect(() => ev(min(lit(1), lit('x')))).toThrow(FormulaValueError);
    try {
      ev(minus(v('x'), lit(1)), { x: 'Hoàn thành' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormulaValueError);
      expect((e as FormulaValueError).found).toBe('Hoàn thành');
      expect((e as Error).message).toContain('#VALUE!');
    }
  });

  it('concatenates numbers, text, blanks and booleans as Excel does', () => {
    expect(ev(concat(lit('Quá hạn ('), lit(12), lit(' ngày)')))).toBe('Quá hạn (12 ngày)');
    expect(ev(concat(lit(1), lit(2.5)))).toBe('12.5');
    expect(ev(concat(lit(-3), lit('x')))).toBe('-3x');
    expect(ev(concat(v('x'), lit('|'), v('y')), { x: null, y: 0 })).toBe('|0');
    expect(ev(concat(lit(true), lit(false)))).toBe('TRUEFALSE');
    expect(ev(concat(minus(lit(10), lit(7)), lit(' ngày')))).toBe('3 ngày');
  });

  it('if / and / or / not', () => {
    expect(ev(ifx(lit(true), lit('a'), lit('b')))).toBe('a');
    expect(ev(ifx(lit(false), lit('a'), lit('b')))).toBe('b');
    expect(ev(ifx(lit(0), lit('a'), lit('b')))).toBe('b');
    expect(ev(ifx(lit(2), lit('a'), lit('b')))).toBe('a');
    expect(ev(ifx(v('x'), lit('a'), lit('b')), { x: null })).toBe('b');
    expect(ev(and(lit(true), lit(true)))).toBe(true);
    expect(ev(and(lit(true), lit(false)))).toBe(false);
    expect(ev(and(lit(1), lit(1)))).toBe(true);
    expect(ev(or(lit(false), lit(false)))).toBe(false);
    expect(ev(or(lit(false), lit(true)))).toBe(true);
    expect(ev(or(lit(0), lit(3)))).toBe(true);
    expect(ev(not(lit(true)))).toBe(false);
    expect(ev(not(lit(0)))).toBe(true);
    expect(() => ev(ifx(lit('abc'), lit(1), lit(2)))).toThrow(FormulaValueError);
  });

  it('if evaluates only the branch it takes', () => {
    // The other branch would be #VALUE!.
    expect(ev(ifx(lit(true), lit(1), minus(lit('x'), lit(1))))).toBe(1);
    expect(ev(ifx(lit(false), minus(lit('x'), lit(1)), lit(2)))).toBe(2);
  });

  it('min and yearEnd (Excel serials)', () => {
    expect(ev(min(lit(5), lit(-2), lit(3)))).toBe(-2);
    expect(ev(yearEndOf(lit(46_023)))).toBe(46_387); // 01/01/2026 → 31/12/2026
    expect(ev(yearEndOf(lit(46_387)))).toBe(46_387);
    expect(ev(yearEndOf(lit(46_388)))).toBe(46_752); // 01/01/2027 → 31/12/2027
    expect(ev(yearEndOf(lit(1)))).toBe(366); // 01/01/1900 → 31/12/1900 (Excel counts 29/02/1900)
    expect(() => ev(yearEndOf(lit(60)))).toThrow(FormulaValueError);
  });
});

describe('toExcelFormula', () => {
  it('starts with "=" and writes variables as their cells', () => {
    expect(toExcelFormula(v('a'), cells)).toBe('=A1');
    expect(toExcelFormula(minus(v('a'), v('b')), cells)).toBe('=A1-B1');
  });

  it('quotes strings, doubling embedded quotes', () => {
    expect(toExcelFormula(lit('Trong hạn'), cells)).toBe('="Trong hạn"');
    expect(toExcelFormula(lit('say "hi"'), cells)).toBe('="say ""hi"""');
    expect(toExcelFormula(lit(''), cells)).toBe('=""');
    expect(toExcelFormula(eq(v('a'), lit('"')), cells)).toBe('=A1=""""');
  });

  it('writes numbers and booleans', () => {
    expect(toExcelFormula(lit(14), cells)).toBe('=14');
    expect(toExcelFormula(lit(2.5), cells)).toBe('=2.5');
    expect(toExcelFormula(lit(true), cells)).toBe('=TRUE');
    expect(toExcelFormula(lit(false), cells)).toBe('=FALSE');
  });

  it('parenthesises by Excel precedence: arithmetic > & > comparison', () => {
    expect(toExcelFormula(minus(v('a'), minus(v('b'), v('c'))), cells)).toBe('=A1-(B1-C1)');
    expect(toExcelFormula(minus(minus(v('a'), v('b')), v('c')), cells)).toBe('=A1-B1-C1');
    expect(toExcelFormula(concat(minus(v('a'), v('b')), lit(' ngày')), cells)).toBe('=A1-B1&" ngày"');
    expect(toExcelFormula(eq(concat(v('a'), v('b')), v('c')), cells)).toBe('=A1&B1=C1');
    expect(toExcelFormula(concat(eq(v('a'), v('b')), v('c')), cells)).toBe('=(A1=B1)&C1');
    expect(toExcelFormula(eq(eq(v('a'), v('b')), v('c')), cells)).toBe('=(A1=B1)=C1');
    expect(toExcelFormula(le(minus(v('a'), v('b')), v('c')), cells)).toBe('=A1-B1<=C1');
    expect(toExcelFormula(eq(blank(v('a')), lit(true)), cells)).toBe('=(LEN(TRIM(CLEAN(A1)))=0)=TRUE');
    expect(toExcelFormula(minus(v('a'), concat(v('b'), v('c'))), cells)).toBe('=A1-(B1&C1)');
    expect(toExcelFormula(minus(concat(v('a'), v('b')), v('c')), cells)).toBe('=(A1&B1)-C1');
    expect(toExcelFormula(concat(v('a'), ifx(v('b'), lit(1), lit(2))), cells)).toBe('=A1&IF(B1,1,2)');
  });

  it('writes functions', () => {
    expect(toExcelFormula(blank(v('a')), cells)).toBe('=LEN(TRIM(CLEAN(A1)))=0');
    expect(toExcelFormula(not(blank(v('a'))), cells)).toBe('=NOT(LEN(TRIM(CLEAN(A1)))=0)');
    expect(toExcelFormula(and(v('a'), or(v('b'), v('c'))), cells)).toBe('=AND(A1,OR(B1,C1))');
    expect(toExcelFormula(ifx(lt(v('a'), v('b')), lit('x'), lit('y')), cells)).toBe('=IF(A1<B1,"x","y")');
    expect(toExcelFormula(min(v('a'), v('b')), cells)).toBe('=MIN(A1,B1)');
    expect(toExcelFormula(yearEndOf(v('a')), cells)).toBe('=DATE(YEAR(A1),12,31)');
  });

  it('folds constants bound to a value, and the branches they decide', () => {
    const bind = (consts: Record<string, number | string | boolean>): Binding => (name) =>
      name in consts ? { value: consts[name] as number | string | boolean } : { ref: `${name.toUpperCase()}1` };
    const e = ifx(v('k'), yearEndOf(v('a')), v('b'));
    expect(toExcelFormula(e, bind({ k: true }))).toBe('=DATE(YEAR(A1),12,31)');
    expect(toExcelFormula(e, bind({ k: false }))).toBe('=B1');
    expect(toExcelFormula(e, bind({}))).toBe('=IF(K1,DATE(YEAR(A1),12,31),B1)');
    expect(toExcelFormula(and(v('k'), v('a')), bind({ k: false }))).toBe('=FALSE');
    expect(toExcelFormula(and(v('k'), v('a')), bind({ k: true }))).toBe('=A1');
    expect(toExcelFormula(and(v('k'), v('a'), v('b')), bind({ k: true }))).toBe('=AND(A1,B1)');
    expect(toExcelFormula(or(v('k'), v('a')), bind({ k: true }))).toBe('=TRUE');
    expect(toExcelFormula(or(v('k'), v('a')), bind({ k: false }))).toBe('=A1');
    expect(toExcelFormula(or(v('k'), v('j')), bind({ k: false, j: false }))).toBe('=FALSE');
    expect(toExcelFormula(and(v('k'), v('j')), bind({ k: true, j: true }))).toBe('=TRUE');
    expect(toExcelFormula(not(v('k')), bind({ k: true }))).toBe('=FALSE');
    expect(toExcelFormula(concat(v('s'), v('a')), bind({ s: 'Còn "x" ' }))).toBe('="Còn ""x"" "&A1');
    expect(toExcelFormula(minus(v('a'), v('n')), bind({ n: 14 }))).toBe('=A1-14');
    // nested: the folded condition removes the whole IF
    expect(toExcelFormula(ifx(and(v('k'), lit(true)), lit('yes'), ifx(v('a'), lit('a'), lit('b'))), bind({ k: false })))
      .toBe('=IF(A1,"a","b")');
  });

  it('folding keeps the value of the expression', () => {
    const consts: Record<string, boolean> = { k: true, j: false };
    const bind: Binding = (name) => (name in consts ? { value: consts[name] as boolean } : { ref: name });
    const exprs: Expr[] = [
      and(v('k'), v('a')), or(v('j'), v('a')), ifx(v('k'), v('a'), v('b')), ifx(not(v('j')), v('b'), v('a')),
      and(or(v('j'), v('k')), not(v('a'))),
    ];
    for (const e of exprs) {
      const folded = fold(e, bind);
      for (const a of [true, false]) {
        for (const b of [true, false]) {
          const vars = { k: true, j: false, a, b };
          expect(ev(folded, vars)).toBe(ev(e, vars));
        }
      }
    }
  });
});
