/**
 * What the streamed-consolidation tests share: a request over agencies' returned workbooks, loading an output back,
 * and a sheet described as plain data (so the streamed and in-memory outputs can be compared sheet by sheet).
 */
import ExcelJS from 'exceljs';
import type { ConsolidateIntoRequest } from '../../../src/app/consolidate-into';
import { mustDay } from '../../../src/domain/calendar';
import { findAgency } from '../../../src/domain/roster';
import { openForReading } from '../../../src/hosts/xlsx/open-fast';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { defaultFormPack } from '../../../src/packs/forms';
import { agencyWorkbook } from '../../helpers/agency-workbook';

/** A consolidation as of 01/03/2026 of the workbooks the agencies `codes` returned (the i-th made 10+i/02/2026). */
export async function consolidationRequest(codes: readonly string[]): Promise<ConsolidateIntoRequest> {
  const plan = defaultPlanPack();
  const formPack = defaultFormPack();
  const roster = defaultRoster();
  const files = await Promise.all(
    codes.map(async (code, i) => {
      const made = await agencyWorkbook(findAgency(roster, code)!, new Date(Date.UTC(2026, 1, 10 + i, 3)), i + 1);
      const bytes = await made.workbook.toBuffer(new Date(Date.UTC(2026, 1, 12 + i, 3)));
      return { name: `${code}.xlsx`, read: async () => bytes };
    }),
  );
  return {
    files, planPack: plan, formPack, knownPacks: new Map([[plan.id, [plan.version]], [formPack.id, [formPack.version]]]),
    defaultRoster: roster, asOf: mustDay(2026, 3, 1), lang: 'vi',
    open: async (bytes) => {
      const opened = await openForReading(bytes);
      return opened.ok ? { ok: true, port: opened.port } : opened;
    },
  };
}

export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Everything a sheet shows or enforces, as plain data. */
export function describeSheet(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const s = cell.style;
      cells.push([cell.address, cell.type, cell.value, cell.note ?? null, s.font ?? null, s.fill ?? null, s.border ?? null, s.alignment ?? null, s.numFmt ?? null, s.protection ?? null]);
    });
  });
  const rows: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push([row.number, row.height ?? null, row.hidden]));
  const model = ws.model as unknown as Record<string, unknown>;
  const p = ws.pageSetup;
  return {
    name: ws.name,
    state: ws.state,
    cells,
    rows,
    columns: (ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false]),
    merges: [...(model['merges'] as string[])].sort(),
    validations: model['dataValidations'],
    conditional: model['conditionalFormattings'],
    views: ws.views,
    tab: ws.properties.tabColor ?? null,
    print: { o: p.orientation, w: p.fitToWidth, h: p.fitToHeight, f: p.fitToPage, t: p.printTitlesRow ?? null, tc: p.printTitlesColumn ?? null, m: p.margins, p: p.paperSize ?? null, c: p.horizontalCentered ?? false },
    protection: model['sheetProtection'] ?? null,
    images: ws.getImages().length,
  };
}
