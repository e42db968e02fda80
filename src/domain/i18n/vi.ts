/**
 * Vietnamese messages: the reference catalog. Every other language must have exactly these keys.
 * Some parts of the reference are not in this object: the command line's own lines (cli-vi.ts), its plan import's
 * (plan-import-vi.ts) and its reports' (report-vi.ts), which only the command line loads, and the messages of the
 * pane's tools (validation findings, report forms, agency files: validation-vi.ts, forms-vi.ts, files-vi.ts), loaded
 * with the chunks that show them (tool-messages.ts). The command line and the tests load them all (all.ts). A part the
 * pane starts to use must be added to this object, or loaded with the chunk that uses it.
 */
import type { formsVi } from './forms-vi';
import type { filesVi } from './files-vi';
import type { cliVi } from './cli-vi';
import { paneVi } from './pane-vi';
import type { validationVi } from './validation-vi';
import type { planImportVi } from './plan-import-vi';
import type { reportVi } from './report-vi';
import type { documentsVi } from './documents-vi';
import type { planPaneVi } from './plan-pane-vi';
import type { firstRunVi } from './first-run-vi';
import type { paneToolsVi } from './pane-tools-vi';

export const vi = {
  ...paneVi,
  'app.title': 'Văn thư – Lưu trữ 2026',
  'tracker.question.agency': (p: { fromName: string; fromCode: string; toName: string; toCode: string }) =>
    `Sổ làm việc này đang mang thông tin của đơn vị "${p.fromName}" (mã ${p.fromCode}). Chuyển sang đơn vị "${p.toName}" (mã ${p.toCode})?`,
  'tracker.question.notTracker': (p: { sheet: string }) =>
    `Trang tính "${p.sheet}" đã có dữ liệu nhưng không phải bảng theo dõi. Ghi đè toàn bộ trang tính này?`,
  'tracker.question.foreign': (p: { sheet: string; count: number; cells: string }) =>
    `Trang tính "${p.sheet}" có ${p.count} ô do người dùng nhập ngoài bảng (${p.cells}); các ô này sẽ bị xoá khi làm mới. Tiếp tục?`,
  'state.overdue': 'Quá hạn',
  'state.due-soon': 'Sắp đến hạn',
  'state.on-track': 'Trong hạn',
  'state.not-open': 'Chưa đến kỳ',
  'state.recurring': 'Thường xuyên',
  'state.done-on-time': 'Hoàn thành đúng hạn',
  'state.done-late': 'Hoàn thành quá hạn',
  'state.not-applicable': 'Không áp dụng',
} as const;

type Widen<T> = T extends string ? string : T;
type Reference = typeof vi & typeof cliVi & typeof validationVi & typeof planImportVi & typeof formsVi & typeof filesVi & typeof reportVi & typeof documentsVi & typeof planPaneVi & typeof firstRunVi & typeof paneToolsVi;
export type Catalog = { readonly [K in keyof Reference]: Widen<Reference[K]> };
export type MessageKey = keyof Catalog;
/** The messages every host holds: all but the command line's own lines (its plan import's and reports' included). */
export type CoreCatalog = Omit<Catalog, keyof typeof cliVi | keyof typeof planImportVi | keyof typeof reportVi>;
