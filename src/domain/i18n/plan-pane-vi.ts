/**
 * Vietnamese messages of the pane's plan choice ("Kế hoạch" in the insert section): added to the catalog by the tools
 * chunk that shows it (plan-section.ts), so the pane's first load does without them. English ones come with en.ts; the
 * command line and the tests load everything with all.ts.
 */
export const planPaneVi = {
  'pane.plan.line': (p: { title: string; year: number }) => `Kế hoạch: ${p.title} (năm ${p.year}).`,
  'pane.plan.from': (p: { file: string }) => `Nạp từ tệp "${p.file}".`,
  'pane.plan.choose': 'Chọn kế hoạch (JSON)',
  'pane.plan.useDefault': 'Dùng kế hoạch đi kèm',
  'pane.plan.loaded': (p: { file: string; count: number }) => `Đã nạp kế hoạch từ tệp "${p.file}": ${p.count} nhiệm vụ.`,
  'pane.plan.invalid': (p: { file: string }) =>
    `Tệp "${p.file}" không phải kế hoạch hợp lệ (tạo bằng "vtlt plan import") nên không được dùng. Các chỗ cần sửa:`,
  'pane.plan.notJson': (p: { file: string }) => `Tệp "${p.file}" không phải tệp JSON. Chọn tệp do "vtlt plan import" tạo.`,
  'pane.plan.unreadable': (p: { file: string }) => `Không đọc được tệp "${p.file}". Chọn lại tệp.`,
  'pane.plan.default': 'Đã trở lại kế hoạch đi kèm.',
} as const;
