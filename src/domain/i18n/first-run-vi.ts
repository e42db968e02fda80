/**
 * Vietnamese messages of the pane's first run (the two choices in a workbook new to the add-in) and of the way back
 * from a view: added to the catalog by the tools chunk that shows them (views/lazy.ts), so the pane's first load does
 * without them. English ones come with en.ts; the command line and the tests load everything with all.ts.
 */
export const firstRunVi = {
  'pane.view.back': 'Quay lại',
  'pane.start.heading': 'Bắt đầu',
  'pane.start.intro': 'Sổ làm việc này chưa có bảng theo dõi, biểu báo cáo hay số liệu tổng hợp nào. Bạn làm việc nào?',
  'pane.start.agency': 'Văn thư đơn vị',
  'pane.start.agencyHint': 'Chọn đơn vị, chèn bảng theo dõi nhiệm vụ và các biểu báo cáo trong một bước.',
  'pane.start.province': 'Sở Nội vụ',
  'pane.start.provinceHint': 'Tổng hợp báo cáo do các đơn vị gửi về.',
  'pane.start.skip': 'Bỏ qua',
  'pane.start.setUpIntro': (p: { year: string }) => `Chọn đơn vị của bạn: bảng theo dõi nhiệm vụ và các biểu báo cáo năm ${p.year} được chèn vào sổ này trong một bước.`,
  'pane.start.setUp': 'Chèn bảng theo dõi và biểu báo cáo',
  'pane.start.busy': 'Đang chèn bảng theo dõi và biểu báo cáo…',
  'pane.start.formsCancelled': 'Chưa chèn các biểu báo cáo (bạn đã chọn "Không"); bảng theo dõi đã được chèn. Chèn biểu ở thẻ "Biểu báo cáo" khi cần.',
} as const;
