/**
 * The Excel fake's request sizes against the real Office.js client: the same batches are queued through Office.js
 * (node_modules/@microsoft/office-js, Excel on the web's script, in headless Chromium, its requests caught before they
 * would leave) and through the fake. On the web a request's JSON travels inside a message that is JSON-stringified
 * again; its size here is that twice-escaped text in UTF-8 bytes. The fake must never count less (or it would let
 * through a request Excel refuses) and not much more (or the host's splitting would be tested against a fiction).
 */
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeExcel } from '../fakes/excel-fake';

const OFFICE_JS = resolve(__dirname, '../../node_modules/@microsoft/office-js/dist/excel-web-16.00.js');

const PROMPT = 'Chọn một trạng thái trong danh sách; "Hoàn thành" khi đã có văn bản báo cáo.';
const TASK = 'Triển khai thực hiện Kế hoạch công tác văn thư, lưu trữ năm 2026 của tỉnh Thái Nguyên; "Đề án" số 12\\2026.';

/** Batches over the sheet "S" in the shapes the host writes (each the body of a function of `ws`). */
const BATCHES: Readonly<Record<string, string>> = {
  'row heights, one range each': `for (let i = 0; i < 300; i++) ws.getRange((i + 9) + ':' + (i + 9)).format.rowHeight = 31 + (i % 3) * 13;`,
  'thin borders, four edges of each range': `
    for (let i = 0; i < 60; i++) {
      const f = ws.getRange('A' + (i + 9) + ':K' + (i + 9)).format;
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']) {
        const b = f.borders.getItem(edge);
        b.style = 'Continuous'; b.weight = 'Thin'; b.color = '#8A8886';
      }
    }`,
  'borders cleared, six edges of each range, near the request budget (5-digit ids)': `
    for (let i = 0; i < 1500; i++) {
      const f = ws.getRange('A' + (2 * i + 9) + ':K' + (2 * i + 10)).format;
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical']) {
        f.borders.getItem(edge).style = 'None';
      }
    }`,
  'styles: font, fill, alignment, wrap, number format': `
    for (let i = 0; i < 120; i++) {
      const r = ws.getRange('A' + (i + 9) + ':K' + (i + 9));
      r.format.font.name = 'Times New Roman'; r.format.font.bold = true; r.format.font.size = 11; r.format.font.color = '#201F1E';
      r.format.fill.color = '#F3F2F1'; r.format.horizontalAlignment = 'Center'; r.format.verticalAlignment = 'Top';
      r.format.wrapText = true; r.numberFormat = '#,##0.###';
    }`,
  'Vietnamese text with quotes, backslashes and line breaks': `
    const text = ${JSON.stringify(TASK)};
    ws.getRange('A1:E400').formulas = Array.from({ length: 400 }, (_, i) => [i + 1, 'DV' + i, text, text + '\\n' + i, '']);`,
  'a long column in twenty slices': `ws.getRange('A1:A30000').values = Array.from({ length: 30000 }, (_, i) => [i * 7]);`,
  'numbers and dates': `
    ws.getRange('A1:L500').formulas = Array.from({ length: 500 }, (_, i) => Array.from({ length: 12 }, (_, j) => (i * 12 + j) * 1.25));`,
  'merges, widths, formulas': `
    for (let i = 0; i < 100; i++) {
      ws.getRange('A' + (i + 1) + ':C' + (i + 1)).merge(false);
      ws.getRange('D:D').format.columnWidth = 40 + i;
      ws.getRange('E' + (i + 1)).formulas = [['=SUM(F' + (i + 1) + ':Z' + (i + 1) + ')']];
    }`,
  'data validations: lists with Vietnamese prompts, dates': `
    const say = ${JSON.stringify(PROMPT)};
    for (let i = 0; i < 100; i++) {
      const list = ws.getRange('F' + (i + 9)).dataValidation;
      list.rule = { list: { inCellDropDown: true, source: 'Chưa thực hiện,Đang thực hiện,Hoàn thành' } }; list.ignoreBlanks = true;
      list.prompt = { showPrompt: true, title: 'Trạng thái', message: say };
      list.errorAlert = { showAlert: true, style: 'Stop', title: 'Sai giá trị', message: say };
      const date = ws.getRange('G' + (i + 9)).dataValidation;
      date.rule = { date: { formula1: '2000-01-01', formula2: '2100-12-31', operator: 'Between' } }; date.ignoreBlanks = true;
      date.errorAlert = { showAlert: true, style: 'Stop', title: '', message: '' };
    }`,
  'unlocked cells, then protection': `
    for (let i = 0; i < 300; i++) ws.getRange('B' + (i + 9) + ':D' + (i + 9)).format.protection.locked = false;
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });`,
  'conditional formats: custom rules and data bars': `
    for (let i = 0; i < 100; i++) {
      const c = ws.getRange('A' + (i + 9) + ':K' + (i + 9)).conditionalFormats.add('Custom');
      c.custom.rule.formula = '=AND($F' + (i + 9) + '<>"",$F' + (i + 9) + '<TODAY())';
      c.custom.format.fill.color = '#FDE7E9'; c.custom.format.font.color = '#A4262C'; c.custom.format.font.bold = true;
      c.stopIfTrue = true; c.priority = 2 * i;
      const d = ws.getRange('L' + (i + 9)).conditionalFormats.add('DataBar');
      d.dataBar.lowerBoundRule = { type: 'Number', formula: '0' }; d.dataBar.upperBoundRule = { type: 'Number', formula: '100' };
      d.dataBar.positiveFormat.fillColor = '#638EC6'; d.dataBar.positiveFormat.gradientFill = false; d.priority = 2 * i + 1;
    }`,
};

interface Measured {
  readonly office: number;
  readonly fake: number;
}

async function officeBytes(browser: Browser, body: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body></body></html>');
    // The script reads sessionStorage, which an about:blank document refuses; it still defines Excel.
    await page.addScriptTag({ path: OFFICE_JS }).catch(() => undefined);
    return await page.evaluate(async (src) => {
      const g = globalThis as unknown as {
        OfficeExtension: { HttpUtility: { setCustomSendRequestFunc(f: (req: { body: unknown }) => Promise<unknown>): void } };
        Excel: {
          RequestContext: new (url: string) => Context;
          run(context: Context, batch: (context: Context) => Promise<void>): Promise<void>;
        };
      };
      type Context = { workbook: { worksheets: { getItem(name: string): unknown } }; sync(): Promise<void> };
      const bodies: string[] = [];
      g.OfficeExtension.HttpUtility.setCustomSendRequestFunc((req) => {
        bodies.push(typeof req.body === 'string' ? req.body : JSON.stringify(req.body));
        return Promise.resolve({ statusCode: 200, headers: {}, body: JSON.stringify({ Results: [] }) });
      });
      // Inside Excel.run, as the add-in runs every batch: there Office.js keeps a reference to each range it makes.
      await g.Excel.run(new g.Excel.RequestContext('https://requests.invalid'), async (ctx) => {
        new Function('ws', src)(ctx.workbook.worksheets.getItem('S'));
        await ctx.sync().catch(() => undefined);
      });
      if (bodies.length !== 1) throw new Error(`${bodies.length} requests`);
      return new TextEncoder().encode(JSON.stringify(bodies[0])).length;
    }, body);
  } finally {
    await page.close();
  }
}

async function fakeBytes(body: string): Promise<number> {
  const fake = new FakeExcel({ sheets: ['S'], payloadLimit: Number.POSITIVE_INFINITY });
  await fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('S');
    (new Function('ws', body) as (ws: Excel.Worksheet) => void)(ws);
    await ctx.sync();
  });
  const request = fake.requests[0];
  if (fake.requests.length !== 1 || !request) throw new Error(`${fake.requests.length} requests`);
  return request.requestBytes;
}

describe('request sizes: the Excel fake against the Office.js client', () => {
  let browser: Browser | undefined;
  const measured = new Map<string, Measured>();

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (measured.size > 0) console.log([...measured].map(([k, m]) => `${k}: Office.js ${m.office} B, fake ${m.fake} B (${(m.fake / m.office).toFixed(2)}×)`).join('\n'));
  });

  for (const [name, body] of Object.entries(BATCHES)) {
    it(`${name}: the fake counts at least what Office.js sends, and at most 1.5 times`, async () => {
      if (!browser) throw new Error('no browser');
      const office = await officeBytes(browser, body);
      const fake = await fakeBytes(body);
      measured.set(name, { office, fake });
      expect(office).toBeGreaterThan(10_000);
      expect(fake).toBeGreaterThanOrEqual(office);
      expect(fake).toBeLessThanOrEqual(office * 1.5);
    }, 120_000);
  }
});
