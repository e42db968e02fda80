/** Vietnamese messages of the forms area (part of the vi catalog). */
export const formsVi = {
  'forms.badYear': (p: { value: string; max: number }) =>
    `Năm báo cáo "${p.value}" không hợp lệ: cần năm gồm 4 chữ số, từ 2000 đến ${p.max} (ví dụ --year 2025 cho báo cáo nộp tháng 02/2026).`,
  'forms.unknownForm': (p: { code: string; known: string }) =>
    `Không có biểu "${p.code}" trong gói biểu mẫu. Các biểu có: ${p.known}.`,
  'forms.noForms': 'Tuỳ chọn --forms cần ít nhất một mã biểu, ví dụ --forms 0804,0808.',
  'forms.packNotFound': (p: { file: string }) => `Không tìm thấy gói biểu mẫu "${p.file}". Kiểm tra lại đường dẫn.`,
  'forms.packUnreadable': (p: { file: string; reason: string }) =>
    `Không đọc được gói biểu mẫu "${p.file}" (${p.reason}). Kiểm tra lại đường dẫn và quyền đọc tệp.`,
  'forms.packInvalid': (p: { file: string; errors: string }) =>
    `Gói biểu mẫu "${p.file}" không hợp lệ:\n${p.errors}`,
  'forms.written': (p: { count: number; codes: string; year: number; agency: string; code: string; out: string }) =>
    `Đã ghi ${p.count} biểu (${p.codes}) năm ${p.year} cho ${p.agency} (${p.code}) vào ${p.out}.`,
  'forms.kept': (p: { count: number }) => `Giữ ${p.count} số liệu đã nhập.`,
  'forms.pack': (p: { title: string; id: string; version: string }) => `Gói biểu mẫu: ${p.title} (${p.id} ${p.version}).`,
  'forms.notice': (p: { notice: string }) => `Lưu ý: ${p.notice}.`,
  'forms.unplaced.heading': (p: { count: number }) => `${p.count} số liệu không còn vị trí trong biểu mới:`,
  'forms.unplaced.item': (p: { form: string; row: string; col: number; value: string; cell: string; reason: string }) =>
    `  Biểu ${p.form}, dòng ${p.row}, cột ${p.col} (ô ${p.cell}): ${p.value} — ${p.reason}`,
  'forms.unplaced.reason.row': 'biểu mới không còn dòng này',
  'forms.unplaced.reason.column': 'biểu mới không còn cột này',
  'forms.unplaced.reason.total': 'ô này nay là ô tổng (tính bằng công thức)',
  'forms.unplaced.reason.na': 'ô này nay không nhận số liệu ("x")',
  'forms.notWritten': 'Không ghi gì. Thêm --force để đồng ý.',
  'forms.question.agency': (p: { oldName: string; oldCode: string; name: string; code: string }) =>
    `Sổ làm việc này đang mang thông tin của đơn vị "${p.oldName}" (mã ${p.oldCode}). Chuyển sang đơn vị "${p.name}" (mã ${p.code})?`,
  'forms.question.overwrite': (p: { sheet: string }) =>
    `Trang tính "${p.sheet}" đã có dữ liệu nhưng không phải biểu ${p.sheet}. Ghi đè toàn bộ trang tính này?`,
  'forms.question.unplaced': (p: { count: number; list: string }) =>
    `${p.count} số liệu đã nhập không còn vị trí trong biểu mới và sẽ không được ghi lại:\n${p.list}\nTiếp tục?`,
  'forms.question.foreign': (p: { count: number; cells: string }) =>
    `Trên các biểu có ${p.count} ô do người dùng nhập ngoài bảng số liệu, dòng địa danh, ngày tháng và tên người ký (${p.cells}); ` +
    'các ô này sẽ bị xoá khi ghi lại biểu. Tiếp tục?',
} as const;

type WidenForms<T> = T extends string ? string : T;
export type FormsCatalog = { readonly [K in keyof typeof formsVi]: WidenForms<(typeof formsVi)[K]> };
