/**
 * The names of the two sheets a consolidation always writes: the roster and the submissions. Kept apart from the
 * modules that build those sheets so that telling a consolidation workbook by its sheet names (product-sheets.ts,
 * on the pane's first load) needs only the names.
 */
export const ROSTER_SHEET = 'Danh sách đơn vị';
export const SUBMISSION_SHEET = 'Theo dõi nộp báo cáo';
