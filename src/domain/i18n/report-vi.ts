/** Vietnamese messages of `vtlt report` (drafting the official documents); part of the vi catalog. */
export const reportVi = {
  'report.what.agency': 'báo cáo của đơn vị (nhiệm vụ 16b)',
  'report.what.province': 'báo cáo của Sở Nội vụ (mục III.2.i)',
  'report.what.reminder': 'công văn đôn đốc các đơn vị chưa gửi báo cáo',
  'report.written': (p: { what: string; file: string }) => `Đã soạn ${p.what}: ${p.file}`,
  'report.blanks':
    'Các chỗ để trống "…" (số văn bản, ngày ban hành, người ký, nhiệm vụ năm sau, kiến nghị) do người có thẩm quyền quyết định và điền trước khi trình ký.',
  'report.reminderCounts': (p: { missing: number; late: number }) =>
    `Gửi ${p.missing} đơn vị chưa nộp báo cáo; nêu tên ${p.late} đơn vị nộp chậm.`,
  'report.noTracker': (p: { file: string; sheet: string }) =>
    `Tệp "${p.file}" không có trang "${p.sheet}" (bảng theo dõi nhiệm vụ). Chèn bảng theo dõi bằng "vtlt tracker", điền rồi soạn lại báo cáo.`,
  'report.noAgency': (p: { file: string }) =>
    `Không xác định được đơn vị của tệp "${p.file}" (không có dấu nhận diện, không có dòng "Đơn vị: …" trên bảng theo dõi). Tạo lại bảng theo dõi bằng "vtlt tracker --agency MÃ".`,
  'report.notConsolidation': (p: { file: string; sheet: string }) =>
    `Tệp "${p.file}" không phải sổ tổng hợp: không có trang "${p.sheet}" với các cột "Mã đơn vị", "Tên đơn vị", "Tình trạng". Tạo sổ tổng hợp bằng "vtlt consolidate" rồi soạn lại.`,
  'report.nobodyToRemind': (p: { file: string }) =>
    `Theo sổ tổng hợp "${p.file}", mọi đơn vị đã gửi báo cáo đúng hạn: không cần công văn đôn đốc.`,
  'report.outNotDocx': (p: { file: string }) => `Tệp ra "${p.file}" phải có đuôi .docx.`,
  'report.needWorkbook': (p: { kind: string }) =>
    `Cần đúng một tệp sổ làm việc (.xlsx), ví dụ: vtlt report ${p.kind} SO.xlsx --out VAN-BAN.docx`,
  'report.unknownKind': (p: { kind: string }) =>
    `Không có loại văn bản "${p.kind}". Chọn: agency (báo cáo của đơn vị), province (báo cáo của Sở Nội vụ), reminder (công văn đôn đốc).`,
} as const;

type Widen<T> = T extends string ? string : T;
export type ReportCatalog = { readonly [K in keyof typeof reportVi]: Widen<(typeof reportVi)[K]> };
