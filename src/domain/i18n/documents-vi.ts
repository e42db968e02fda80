/**
 * Vietnamese messages of the pane's documents view ("Soạn văn bản") beyond its card: added to the catalog by the
 * documents chunk that shows them (documents-section.ts), so the pane's first load does without them. English ones
 * come with en.ts; the command line and the tests load everything with all.ts.
 */
export const documentsVi = {
  'documents.none': (p: { tracker: string; submissions: string }) =>
    `Sổ đang mở không có trang "${p.tracker}" (sổ của đơn vị) hay "${p.submissions}" (sổ tổng hợp). Chèn bảng theo dõi, hoặc tổng hợp các tệp của đơn vị, rồi bấm "Đọc sổ để soạn".`,
  'documents.kind.agency': 'Báo cáo của đơn vị (16b)',
  'documents.kind.province': 'Báo cáo tổng hợp của Sở (III.2.i)',
  'documents.kind.reminder': 'Công văn đôn đốc',
  'documents.drafting': 'Đang soạn văn bản…',
  'documents.downloaded': (p: { file: string }) => `Đã tải xuống tệp "${p.file}". Mở bằng Word, điền các chỗ để trống (…) rồi trình ký.`,
  'documents.showText': 'Không thấy tệp? Hiện nội dung để sao chép',
  'documents.blockedHost': 'Excel trên Mac và iPad không cho bổ trợ tải tệp xuống. Bấm "Sao chép" rồi dán vào một văn bản Word mới.',
  'documents.blocked': 'Excel này không cho tải tệp xuống. Bấm "Sao chép" rồi dán vào một văn bản Word mới.',
  'documents.tables': 'Bảng được dán thành các dòng cách nhau bằng Tab: chọn chúng rồi Chèn › Bảng › Chuyển đổi Văn bản thành Bảng.',
  'documents.text': (p: { what: string }) => `Nội dung: ${p.what}`,
  'documents.copied': 'Đã sao chép. Dán vào Word (Ctrl+V).',
  'documents.noTracker': (p: { sheet: string }) => `Sổ đang mở không có trang "${p.sheet}": chèn bảng theo dõi ở mục 1 rồi soạn lại.`,
  'documents.noAgency': 'Sổ không cho biết của đơn vị nào: chèn lại bảng theo dõi, chọn đúng đơn vị, rồi soạn lại.',
  'documents.notConsolidation': (p: { sheet: string }) => `Sổ đang mở không có trang "${p.sheet}": tổng hợp các tệp của đơn vị (mục Tổng hợp) rồi soạn lại.`,
  'documents.nobodyToRemind': 'Mọi đơn vị đã nộp đúng hạn: không có đơn vị nào cần đôn đốc.',
} as const;
