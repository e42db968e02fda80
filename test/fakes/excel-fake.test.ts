import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import { FakeExcel, FakeOfficeError, parseArea, wireBytes } from './excel-fake';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an Office error: ${String(e)}`;
  }
};

describe('loading and syncing, as in Excel', () => {
  it('a property read without load() fails', async () => {
    const fake = new FakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
        await ctx.sync();
        return r.values;
      }),
    );
    expect(code).toBe('PropertyNotLoaded');
  });

  it('a property loaded but read before sync() fails', async () => {
    const fake = new FakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
        r.load('values');
        return r.values;
      }),
    );
    expect(code).toBe('PropertyNotLoaded');
  });

  it('load then sync then read works', async () => {
    const fake = new FakeExcel();
    fake.typeInto('Sheet1', 'A1:B1', [['x', 2]]);
    const values = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.load('values,address');
      await ctx.sync();
      expect(r.address).toBe('Sheet1!A1:B1');
      return r.values;
    });
    expect(values).toEqual([['x', 2]]);
    expect(fake.syncCount).toBe(1);
    expect(fake.roundTrips).toBe(1);
  });

  it('isNullObject is known only after a sync; a null object’s properties cannot be read', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values');
      ws.load('name');
      expect(() => ws.isNullObject).toThrow(/before context.sync/);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(() => used.values).toThrow(/null object/);
      expect(() => ws.name).toThrow(/null object/);
    });
  });

  it('commands on a null object fail the sync', async () => {
    const fake = new FakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject('Không có');
        ws.tabColor = '#FF0000';
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });

  it('collections: items need load("items/name")', async () => {
    const fake = new FakeExcel({ sheets: ['A', 'B'] });
    const names = await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      sheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(['A', 'B']);
  });

  it('Excel.run sends what is still queued at the end, which is not a sync of the code', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
    });
    expect(fake.syncCount).toBe(0);
    expect(fake.roundTrips).toBe(1);
    expect(fake.valuesOf('Sheet1')).toEqual([['x']]);
  });

  it('a sync with nothing queued sends nothing', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.roundTrips).toBe(0);
  });

  it('proxies die with their Excel.run', async () => {
    const fake = new FakeExcel();
    let leaked: Excel.Range | undefined;
    await fake.run(async (ctx) => {
      leaked = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
    });
    expect(() => {
      if (leaked) leaked.values = [['x']];
    }).toThrow(/after Excel.run/);
  });

  it('a failing command stops the batch: what came before stays, what came after does not run', async () => {
    const fake = new FakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [['first']];
        ws.getRange('A2:B2').values = [['wrong shape']];
        ws.getRange('A3').values = [['never']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    expect(fake.valuesOf('Sheet1')).toEqual([['first']]);
  });
});

describe('writing strings parses them as typing does', () => {
  const write = async (fake: FakeExcel, address: string, rows: unknown[][], via: 'values' | 'formulas' = 'formulas') =>
    fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange(address);
      if (via === 'values') r.values = rows;
      else r.formulas = rows;
      await ctx.sync();
    });

  it('numbers, dates, times, booleans, formulas; an apostrophe keeps text', async () => {
    const fake = new FakeExcel();
    await write(fake, 'A1:A10', [['0123'], ['15/3/2026'], ['10:30'], ['TRUE'], ['=1+1'], ['+84 912'], ["'0123"], ["'=1+1"], ['50%'], ['Hoàn thành']], 'values');
    const s = fake.mustSheet('Sheet1');
    const v = (r: number) => s.cell(r, 1)?.value;
    expect(v(1)).toBe(123);
    expect(v(2)).toBe(toExcelSerial(mustDay(2026, 3, 15)));
    expect(v(3)).toBeCloseTo(10.5 / 24);
    expect(v(4)).toBe(true);
    expect(s.cell(5, 1)?.formula).toBe('=1+1');
    expect(s.cell(6, 1)?.formula).toBe('=+84 912');
    expect(v(7)).toBe('0123');
    expect(v(8)).toBe('=1+1');
    expect(s.cell(8, 1)?.formula).toBeNull();
    expect(v(9)).toBe(0.5);
    expect(v(10)).toBe('Hoàn thành');
  });

  it('month-first Excel reads 15/3/2026 as text, day-first as a date', async () => {
    const us = new FakeExcel({ dateOrder: 'mdy' });
    await write(us, 'A1', [['15/3/2026']]);
    expect(us.mustSheet('Sheet1').cell(1, 1)?.value).toBe('15/3/2026');
  });

  it('null leaves a cell as it is; "" empties it; a cell formatted "@" keeps text', async () => {
    const fake = new FakeExcel();
    await write(fake, 'A1:C1', [['a', 'b', 'c']]);
    await write(fake, 'A1:C1', [[null, '', 'd']]);
    expect(fake.valuesOf('Sheet1')).toEqual([['a', '', 'd']]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A2');
      (r as unknown as { numberFormat: string }).numberFormat = '@';
      r.formulas = [['0123']];
      await ctx.sync();
    });
    expect(fake.mustSheet('Sheet1').cell(2, 1)?.value).toBe('0123');
  });

  it('the formulas of a constant read as the constant', async () => {
    const fake = new FakeExcel({ evaluate: (f) => (f === '=1+1' ? 2 : '') });
    await write(fake, 'A1:B1', [['=1+1', "'=1+1"]]);
    const [values, formulas] = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.load('values,formulas');
      await ctx.sync();
      return [r.values, r.formulas];
    });
    expect(values).toEqual([[2, '=1+1']]);
    expect(formulas).toEqual([['=1+1', '=1+1']]);
  });
});

describe('sheet rules', () => {
  it('a protected sheet refuses changes to locked cells and formatting', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true });
      await ctx.sync();
    });
    fake.typeInto('Sheet1', 'B2', [['ok']]);
    expect(() => fake.typeInto('Sheet1', 'A1', [['no']])).toThrow(/locked/);
    const format = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill.color = '#FF0000';
        await ctx.sync();
      }),
    );
    expect(format).toBe('AccessDenied');
    const width = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A:A').format.columnWidth = 40;
        await ctx.sync();
      }),
    );
    expect(width).toBeUndefined();
    const twice = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').protection.protect();
        await ctx.sync();
      }),
    );
    expect(twice).toBe('InvalidOperation');
  });

  it('a merged area keeps its top-left value and refuses values in its other cells', async () => {
    const fake = new FakeExcel();
    fake.typeInto('Sheet1', 'A1:B1', [['kept', 'lost']]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').merge(false);
      await ctx.sync();
    });
    expect(fake.valuesOf('Sheet1')).toEqual([['kept']]);
    expect(() => fake.typeInto('Sheet1', 'B1', [['x']])).toThrow(/merged/);
  });

  it('the last visible sheet cannot be hidden', async () => {
    const fake = new FakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').visibility = 'VeryHidden';
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
  });

  it('sheet names are unique, case-insensitively', async () => {
    const fake = new FakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add('SHEET1');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemAlreadyExists');
  });

  it('a new conditional format goes on top; priority moves it', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A9').conditionalFormats;
      const a = cfs.add('Custom');
      a.custom.rule.formula = '=A1>1';
      const b = cfs.add('Custom');
      b.custom.rule.formula = '=A1>2';
      await ctx.sync();
      expect(fake.mustSheet('Sheet1').conditionalFormats.map((c) => c.custom?.formula)).toEqual(['=A1>2', '=A1>1']);
      b.priority = 1;
      await ctx.sync();
    });
    expect(fake.mustSheet('Sheet1').conditionalFormats.map((c) => c.custom?.formula)).toEqual(['=A1>1', '=A1>2']);
  });

  it('a conditional format\'s colours are #RRGGBB, kept upper-cased, and cannot be read back', async () => {
    const fake = new FakeExcel();
    const colour = (set: (cfs: Excel.ConditionalFormatCollection) => void) =>
      codeOf(fake.run(async (ctx) => {
        set(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A9').conditionalFormats);
        await ctx.sync();
      }));
    expect(await colour((cfs) => (cfs.add('Custom').custom.format.fill.color = 'red'))).toBe('InvalidArgument');
    expect(await colour((cfs) => (cfs.add('Custom').custom.format.font.color = '#12345'))).toBe('InvalidArgument');
    expect(await colour((cfs) => (cfs.add('DataBar').dataBar.positiveFormat.fillColor = 'blue'))).toBe('InvalidArgument');
    expect(await colour((cfs) => {
      const c = cfs.add('Custom');
      c.custom.format.fill.color = '#fde7e9';
      c.custom.format.font.color = '#a4262c';
      cfs.add('DataBar').dataBar.positiveFormat.fillColor = '#638ec6';
    })).toBeUndefined();
    const [bar, custom] = fake.mustSheet('Sheet1').conditionalFormats;
    expect(custom?.custom).toMatchObject({ fill: '#FDE7E9', fontColor: '#A4262C' });
    expect(bar?.dataBar?.fillColor).toBe('#638EC6');
    expect(await colour((cfs) => void cfs.add('Custom').custom.format.fill.color)).toBe('PropertyNotLoaded');
    expect(await colour((cfs) => void cfs.add('DataBar').dataBar.positiveFormat.fillColor)).toBe('PropertyNotLoaded');
  });
});

describe('payload limits of Excel on the web', () => {
  it('a request over the limit is refused before anything runs', async () => {
    const fake = new FakeExcel({ payloadLimit: 10_000 });
    const code = await codeOf(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [['first']];
        ws.getRange('A2:A1001').values = Array.from({ length: 1000 }, () => ['0123456789']);
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.valuesOf('Sheet1')).toEqual([]);
  });

  it('an argument counts as its JSON escaped once more, in UTF-8: control characters, quotes, surrogates', () => {
    const onTheWire = (v: unknown): number => new TextEncoder().encode(JSON.stringify(JSON.stringify(v))).length - 2;
    // \t becomes "\t" in JSON and "\\t" on the wire; \u0001 becomes "\u0001", then "\\u0001"; a lone surrogate is
    // escaped like a control character; a pair is one 4-byte character; U+2028 and DEL are left as they are.
    const texts = ['a\tb', '\u0001', '\u001f\u007f', '"q"\\', 'Đề án số 12', '\u0080\u07ff\u0800\uffff', '😀x', '\ud800', '\udc00a', '\u2028'];
    for (const t of texts) expect(wireBytes(t), JSON.stringify(t)).toBe(onTheWire(t));
    expect(wireBytes([[1, null, true, texts.join('')]])).toBe(onTheWire([[1, null, true, texts.join('')]]));
    expect(wireBytes('\t')).toBe(7);
    expect(wireBytes('\u0001')).toBe(11);
    expect(wireBytes('😀')).toBe(8);
  });

  it('a response over the limit is refused', async () => {
    const fake = new FakeExcel({ payloadLimit: 10_000 });
    fake.typeInto('Sheet1', 'A1:A1000', Array.from({ length: 1000 }, () => ['0123456789x']));
    const code = await codeOf(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A1000');
        r.load('values');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});

describe('as the Office and Excel globals of a page', () => {
  it('office reports requirement sets up to the configured version, and the platform', () => {
    const fake = new FakeExcel({ excelApi: '1.8', platform: 'PC' });
    const req = fake.office.context.requirements;
    expect(req.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(req.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(req.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(req.isSetSupported('WordApi', '1.1')).toBe(false);
    expect(fake.office.context.platform).toBe('PC');
  });

  it('excelGlobal.run is Excel.run', async () => {
    const fake = new FakeExcel();
    const Excel = fake.excelGlobal;
    const n = await Excel.run(async (ctx) => {
      const s = ctx.workbook.worksheets;
      s.load('items/name');
      await ctx.sync();
      return s.items.length;
    });
    expect(n).toBe(1);
  });
});

describe('fills and calculation, as Excel reports them', () => {
  it('a cell without fill reads "#FFFFFF" like a white one; tintAndShade tells them apart; clear() removes the fill', async () => {
    const fake = new FakeExcel();
    const read = () =>
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        const fills = ['A1', 'A2', 'A3'].map((a) => ws.getRange(a).format.fill.load('color,tintAndShade'));
        await ctx.sync();
        return fills.map((f) => [f.color, f.tintAndShade]);
      });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A2').format.fill.color = '#ffffff';
      ws.getRange('A3').format.fill.color = '#00B050';
      await ctx.sync();
    });
    expect(await read()).toEqual([['#FFFFFF', null], ['#FFFFFF', 0], ['#00B050', 0]]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A3').format.fill.clear();
      await ctx.sync();
    });
    expect((await read())[2]).toEqual(['#FFFFFF', null]);
    expect(fake.mustSheet('Sheet1').formatAt('A3', 'fill.color')).toBeUndefined();
  });

  it('loads every sheet\'s protection through the collection, and records calculate()', async () => {
    const fake = new FakeExcel({ sheets: ['A', 'B'] });
    const state = await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').protection.protect({ allowFormatRows: true });
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/protection/protected,items/protection/options');
      ctx.workbook.application.calculate('Full');
      await ctx.sync();
      return sheets.items.map((ws) => [ws.name, ws.protection.protected, ws.protection.options]);
    });
    expect(state).toEqual([['A', false, {}], ['B', true, { allowFormatRows: true }]]);
    expect(fake.calculations).toEqual(['Full']);
    await expect(fake.run(async (ctx) => {
      ctx.workbook.application.calculate('Sometimes' as Excel.CalculationType);
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('addresses', () => {
  it('parses cells, ranges, whole columns and rows', () => {
    expect(parseArea('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseArea('$C$3:A1')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseArea('A:C')).toMatchObject({ top: 1, left: 1, right: 3 });
    expect(parseArea('6:6')).toMatchObject({ top: 6, bottom: 6, left: 1 });
    expect(() => parseArea('A1:B2:C3')).toThrow();
  });
});

describe('the fake can be bundled into a page', () => {
  it('imports no test framework and no Node built-in, only pure project modules', () => {
    const source = readFileSync(new URL('./excel-fake.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(i).toMatch(/^\.\.\/\.\.\/src\/domain\//);
    expect(source).not.toMatch(/require\(|from 'node:|from 'vitest'/);
  });
});

describe('refuses what Excel refuses (issue 10): each refusal follows a line of the Office.js reference', () => {
  const run = (fake: FakeExcel, batch: (ws: Excel.Worksheet, ctx: Excel.RequestContext) => void) =>
    codeOf(
      fake.run(async (ctx) => {
        batch(ctx.workbook.worksheets.getItem('Sheet1'), ctx);
        await ctx.sync();
      }),
    );

  it('a very hidden sheet cannot be deleted; made Hidden first in the same batch, it can', async () => {
    const fake = new FakeExcel({ sheets: ['Sheet1', '_vtlt'] });
    fake.mustSheet('_vtlt').visibility = 'VeryHidden';
    const refused = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('_vtlt').delete();
        await ctx.sync();
      }),
    );
    expect(refused).toBe('InvalidOperation');
    expect(fake.sheetNames()).toEqual(['Sheet1', '_vtlt']);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('_vtlt');
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  it('values, formulas and number formats of locked cells of a protected sheet are refused; unlocked cells take values', async () => {
    const fake = new FakeExcel();
    await run(fake, (ws) => {
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect();
    });
    expect(await run(fake, (ws) => (ws.getRange('A1').values = [['x']]))).toBe('AccessDenied');
    expect(await run(fake, (ws) => (ws.getRange('A1').formulas = [['=1+1']]))).toBe('AccessDenied');
    expect(await run(fake, (ws) => (ws.getRange('A1').numberFormat = [['@']]))).toBe('AccessDenied');
    expect(await run(fake, (ws) => (ws.getRange('B2').values = [['ok']]))).toBeUndefined();
    expect(await run(fake, (ws) => ws.protection.protect())).toBe('InvalidOperation');
    // With allowFormatCells, formatting is allowed; values of locked cells are still refused.
    const formatting = new FakeExcel();
    await run(formatting, (ws) => ws.protection.protect({ allowFormatCells: true }));
    expect(await run(formatting, (ws) => (ws.getRange('A1').numberFormat = [['@']]))).toBeUndefined();
    expect(await run(formatting, (ws) => (ws.getRange('A1').format.fill.color = '#FFC7CE'))).toBeUndefined();
    expect(await run(formatting, (ws) => (ws.getRange('A1').values = [['x']]))).toBe('AccessDenied');
  });

  it('a password-protected sheet cannot be unprotected without its password', async () => {
    const fake = new FakeExcel();
    await run(fake, (ws) => ws.protection.protect({}, 'bí mật'));
    expect(await run(fake, (ws) => ws.protection.unprotect())).toBe('InvalidArgument');
    expect(fake.mustSheet('Sheet1').protection.protected).toBe(true);
    expect(await run(fake, (ws) => ws.protection.unprotect('bí mật'))).toBeUndefined();
    expect(await run(fake, (ws) => ws.protection.unprotect('bí mật'))).toBe('AccessDenied');
  });

  it('isPasswordProtected answers only where ExcelApiOnline 1.1 is (Excel on the web)', async () => {
    const read = (fake: FakeExcel) =>
      fake.run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem('Sheet1').protection;
        p.load('protected,isPasswordProtected');
        await ctx.sync();
        return p.isPasswordProtected;
      });
    const desktop = new FakeExcel();
    expect(await codeOf(read(desktop))).toBe('ApiNotFound');
    const web = new FakeExcel({ excelApiOnline: true });
    expect(web.office.context.requirements.isSetSupported('ExcelApiOnline', '1.1')).toBe(true);
    expect(await read(web)).toBe(false);
    await run(web, (ws) => ws.protection.protect({}, 'x'));
    expect(await read(web)).toBe(true);
  });

  it('2-D arrays must have the range’s shape; one number format is for every cell of a bounded range', async () => {
    const fake = new FakeExcel();
    const oneFormat = (ws: Excel.Worksheet, address: string, format: unknown): void => {
      (ws.getRange(address) as unknown as { numberFormat: unknown }).numberFormat = format;
    };
    expect(await run(fake, (ws) => (ws.getRange('A1:B2').values = [['a', 'b']]))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1:B1').formulas = ['=1', '=2'] as unknown as string[][]))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1:B2').numberFormat = [['0'], ['0']]))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1:B2').numberFormat = [['0']]))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => oneFormat(ws, 'A:B', '0'))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => oneFormat(ws, '3:3', '0'))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => oneFormat(ws, 'A1:A3', 7))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1:A3').numberFormat = [['@'], ['@'], ['0.0']]))).toBeUndefined();
    expect(fake.mustSheet('Sheet1').numberFormatsOf(parseArea('A1:A3'))).toEqual([['@'], ['@'], ['0.0']]);
    expect(await run(fake, (ws) => oneFormat(ws, 'A2:B3', '#,##0'))).toBeUndefined();
    expect(fake.mustSheet('Sheet1').numberFormatsOf(parseArea('A1:B3'))).toEqual([['@', 'General'], ['#,##0', '#,##0'], ['#,##0', '#,##0']]);
  });

  it('formulas are en-US: ";" separators and localised function names are refused in cells, rules and validations', async () => {
    const fake = new FakeExcel();
    expect(await run(fake, (ws) => (ws.getRange('A1').formulas = [['=SUM(A2;A3)']]))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1').formulas = [['=TỔNG(A2:A3)']]))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1').values = [['=SOMME(A2:A3)']]))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1:A9').conditionalFormats.add('Custom').custom.rule.formula = '=WENN(A1>1;1;0)'))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.getRange('A1').dataValidation.rule = { custom: { formula: '=NB.SI(A:A,A1)=1' } }))).toBe('InvalidArgument');
    // A ";" or a name inside a string literal is text, not syntax.
    expect(await run(fake, (ws) => (ws.getRange('A1').formulas = [['=IF(A2>0,"a;b","SOMME(")']]))).toBeUndefined();
    expect(await run(fake, (ws) => (ws.getRange('A2').formulas = [["=SUM('Kế hoạch'!A1:A3)"]]))).toBeUndefined();
  });

  it('a literal list source is split on every comma, and a Stop alert refuses a typed value that is not an item', async () => {
    const fake = new FakeExcel();
    await run(fake, (ws) => {
      const dv = ws.getRange('A1:A5').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: 'Sở, ban, ngành,UBND cấp huyện' } };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: '', message: '' };
    });
    expect(fake.listItemsAt('Sheet1', 'A3')).toEqual(['Sở', 'ban', 'ngành', 'UBND cấp huyện']);
    expect(() => fake.typeInto('Sheet1', 'A1', [['Sở, ban, ngành']])).toThrow(FakeOfficeError);
    fake.typeInto('Sheet1', 'A1:A2', [['ubnd cấp huyện'], ['']]);
    // Writes through the API are not validated (as in Excel); they are listed as violations.
    await run(fake, (ws) => (ws.getRange('A3').values = [['Sở, ban, ngành']]));
    expect(fake.listViolations('Sheet1')).toEqual(['Sheet1!A3: Sở, ban, ngành']);
  });

  it('a range list source ("=$K$2:$K$5", "=\'Sheet\'!$A$1:$A$4", or a Range) gives the range’s values as items', async () => {
    const fake = new FakeExcel({ sheets: ['Sheet1', 'Danh mục'] });
    fake.typeInto('Sheet1', 'K2:K3', [['Sở, ban, ngành'], ['UBND cấp xã']]);
    fake.typeInto('Danh mục', 'A1:A2', [['Hoàn thành'], ['Chưa thực hiện']]);
    await run(fake, (ws, ctx) => {
      ws.getRange('B1').dataValidation.rule = { list: { inCellDropDown: true, source: '=$K$2:$K$5' } };
      ws.getRange('C1').dataValidation.rule = { list: { inCellDropDown: true, source: "='Danh mục'!$A$1:$A$4" } };
      ws.getRange('D1').dataValidation.rule = { list: { inCellDropDown: true, source: ctx.workbook.worksheets.getItem('Danh mục').getRange('A1:A2') } };
    });
    expect(fake.listItemsAt('Sheet1', 'B1')).toEqual(['Sở, ban, ngành', 'UBND cấp xã']);
    expect(fake.listItemsAt('Sheet1', 'C1')).toEqual(['Hoàn thành', 'Chưa thực hiện']);
    expect(fake.listItemsAt('Sheet1', 'D1')).toEqual(['Hoàn thành', 'Chưa thực hiện']);
    fake.typeInto('Sheet1', 'B1:D1', [['Sở, ban, ngành', 'Hoàn thành', 'chưa thực hiện']]);
    expect(() => fake.typeInto('Sheet1', 'C1', [['Sở']])).toThrow(/not one of the list/);
    expect(await run(fake, (ws) => (ws.getRange('E1').dataValidation.rule = { list: { inCellDropDown: true, source: '=$K$2:$L$5' } }))).toBe('InvalidArgument');
  });

  it('page zoom takes documented values only: pages ≥ 1, scale 10–400', async () => {
    const fake = new FakeExcel();
    expect(await run(fake, (ws) => (ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.pageLayout.zoom = { scale: 5 }))).toBe('InvalidArgument');
    expect(await run(fake, (ws) => (ws.pageLayout.zoom = { horizontalFitToPages: 1 }))).toBeUndefined();
  });

  it('a read of more than 5 000 000 cells returns null (or throws RangeExceedsLimit when told to)', async () => {
    const read = (fake: FakeExcel) =>
      fake.run(async (ctx) => {
        const used = ctx.workbook.worksheets.getItem('Sheet1').getUsedRange(true);
        used.load('address,values,rowCount,columnCount');
        await ctx.sync();
        return { address: used.address, values: used.values as unknown, cells: used.rowCount * used.columnCount };
      });
    for (const hugeRead of ['null', 'throw'] as const) {
      const fake = new FakeExcel({ hugeRead });
      fake.typeInto('Sheet1', 'A1', [['data']]);
      fake.typeInto('Sheet1', 'ZZ10000', [['typed far away']]);
      if (hugeRead === 'null') expect(await read(fake)).toEqual({ address: 'Sheet1!A1:ZZ10000', values: null, cells: 7_020_000 });
      else expect(await codeOf(read(fake))).toBe('RangeExceedsLimit');
    }
  });
});
