/**
 * Every command's name, summary and option table (what `vtlt --help`, each command's help and its argument parser
 * read), apart from the commands themselves: the command line starts with these alone and loads only the command run
 * (main.ts), so `vtlt plan` never loads what consolidation or the Word documents need.
 */
import type { CommandDef, OptionDef } from './args';

/** The due-date options plan, tracker and consolidate share. */
const AS_OF_OPTION = {
  name: 'as-of', kind: 'value', arg: { vi: 'YYYY-MM-DD', en: 'YYYY-MM-DD' },
  help: { vi: 'ngày đối chiếu (mặc định: hôm nay theo giờ Việt Nam)', en: 'as-of date (default: today in Vietnam)' },
} as const;

const WINDOW_OPTION = {
  name: 'window', kind: 'value', arg: { vi: 'SỐ_NGÀY', en: 'DAYS' },
  help: { vi: 'số ngày báo "Sắp đến hạn" (mặc định 14)', en: 'days before the due date that count as "due soon" (default 14)' },
} as const;

const INCLUSIVE_OPTION = {
  name: 'inclusive', kind: 'flag',
  help: { vi: '"Trước ngày X" cho phép hoàn thành ngay trong ngày X (mặc định: hạn là X − 1)', en: '"before X" allows X itself (default: due on X − 1)' },
} as const;

const JSON_OPTION = { name: 'json', kind: 'flag', help: { vi: 'in kết quả dạng JSON', en: 'print JSON' } } as const;

export const PLAN_OPTION: OptionDef = {
  name: 'plan', kind: 'value', arg: { vi: 'KẾ-HOẠCH.json', en: 'PLAN.json' },
  help: {
    vi: 'kế hoạch dùng thay cho Kế hoạch 2026 đi kèm (tạo bằng "vtlt plan import")',
    en: 'the plan to use instead of the bundled 2026 plan (made with "vtlt plan import")',
  },
};

const ROSTER_OPTION: OptionDef = {
  name: 'roster', kind: 'value', arg: { vi: 'TỆP.tsv', en: 'FILE.tsv' },
  help: {
    vi: 'danh sách đơn vị (cột code, name, kind; tuỳ chọn nop_luu, cong_trinh)',
    en: 'the roster (columns code, name, kind; optional nop_luu, cong_trinh)',
  },
};

/** The placeholder of an .xlsx file argument. */
const FILE = { vi: 'TỆP.xlsx', en: 'FILE.xlsx' } as const;

/** The workbook plan sheet, tracker and forms write. */
const OUT_XLSX_OPTION: OptionDef = { name: 'out', kind: 'value', required: true, arg: FILE, help: { vi: 'tệp ghi ra', en: 'file to write' } };

const FIX_LEGACY_OPTIONS: readonly OptionDef[] = [
  {
    name: 'fix-legacy', kind: 'flag',
    help: {
      vi: 'chuyển các ô gõ bằng bảng mã cũ (TCVN3/VNI) sang Unicode, ghi ra tệp --out (chữ cũ được lưu để hoàn tác)',
      en: 'convert the cells typed in a legacy encoding (TCVN3/VNI) to Unicode, written to the --out file (the old text kept for undo)',
    },
  },
  { name: 'out', kind: 'value', arg: { vi: 'TỆP-MỚI.xlsx', en: 'NEW.xlsx' }, help: { vi: 'tệp ghi ra khi có --fix-legacy', en: 'file written with --fix-legacy' } },
];

export const PLAN_COMMAND: CommandDef = {
  name: 'plan',
  summary: { vi: 'Danh sách nhiệm vụ của Kế hoạch và tình trạng hạn', en: "The plan's tasks and their due state" },
  options: [
    AS_OF_OPTION, INCLUSIVE_OPTION, WINDOW_OPTION,
    {
      name: 'agency', kind: 'value', arg: { vi: 'MÃ', en: 'CODE' },
      help: { vi: 'chỉ các nhiệm vụ áp dụng cho đơn vị có mã này (theo danh sách đơn vị)', en: 'only the tasks that apply to this roster agency' },
    },
    PLAN_OPTION,
    JSON_OPTION,
  ],
};

export const PLAN_IMPORT_COMMAND: CommandDef = {
  name: 'plan import',
  summary: {
    vi: 'Nhập Kế hoạch từ văn bản Word (.docx) hoặc trang tính "Kế hoạch" (.xlsx) thành tệp kế hoạch .json',
    en: 'Import a plan from its Word document (.docx) or its "Kế hoạch" sheet (.xlsx) into a plan file (.json)',
  },
  positional: { vi: 'TỆP.docx|TỆP.xlsx', en: 'FILE.docx|FILE.xlsx' },
  options: [
    { name: 'out', kind: 'value', required: true, arg: { vi: 'KẾ-HOẠCH.json', en: 'PLAN.json' }, help: { vi: 'tệp kế hoạch ghi ra', en: 'plan file to write' } },
    { name: 'year', kind: 'value', arg: { vi: 'NĂM', en: 'YEAR' }, help: { vi: 'năm của Kế hoạch (mặc định: theo văn bản)', en: "the plan's year (default: from the document)" } },
    { name: 'id', kind: 'value', arg: { vi: 'MÃ', en: 'ID' }, help: { vi: 'mã kế hoạch, ví dụ tn-vtlt-2027 (mặc định: theo tỉnh và năm)', en: 'plan id, e.g. tn-vtlt-2027 (default: from province and year)' } },
    {
      name: 'strict', kind: 'flag',
      help: { vi: 'không nhập khi có thời hạn không đọc được hoặc cơ quan không khớp danh sách', en: 'refuse the import when a deadline is unreadable or a body matches no agency' },
    },
    ROSTER_OPTION,
    JSON_OPTION,
  ],
  notes: {
    vi: 'Mã thoát: 0 đã ghi tệp kế hoạch; 1 không nhập (lỗi được liệt kê theo dòng); 2 sai cách dùng hoặc tệp không đọc được.',
    en: 'Exit codes: 0 plan file written; 1 not imported (errors listed by row); 2 wrong usage or unreadable file.',
  },
};

export const PLAN_SHEET_COMMAND: CommandDef = {
  name: 'plan sheet',
  summary: {
    vi: 'Ghi trang tính "Kế hoạch" để sửa hoặc dán bảng nhiệm vụ trong Excel, rồi nhập bằng "vtlt plan import"',
    en: 'Write the "Kế hoạch" sheet, to edit or paste the task table in Excel and import it with "vtlt plan import"',
  },
  options: [
    OUT_XLSX_OPTION,
    PLAN_OPTION,
    { name: 'empty', kind: 'flag', help: { vi: 'trang trống (không điền sẵn kế hoạch nào)', en: 'an empty sheet (no plan filled in)' } },
  ],
};

export const TRACKER_COMMAND: CommandDef = {
  name: 'tracker',
  summary: { vi: 'Ghi bảng theo dõi nhiệm vụ vào tệp .xlsx', en: 'Write the task tracker sheet into an .xlsx file' },
  options: [
    {
      name: 'agency', kind: 'value', required: true, arg: { vi: 'MÃ', en: 'CODE' },
      help: { vi: 'đơn vị (theo danh sách đơn vị), ví dụ SNV hoặc 05455', en: 'the agency (from the roster), e.g. SNV or 05455' },
    },
    OUT_XLSX_OPTION,
    {
      name: 'in', kind: 'value', arg: FILE,
      help: { vi: 'ghi vào sổ làm việc có sẵn, giữ nội dung đã nhập', en: 'write into an existing workbook, keeping what was typed' },
    },
    {
      ...AS_OF_OPTION,
      help: { vi: 'chốt "Ngày đối chiếu" ở ngày này (mặc định: =TODAY())', en: 'fix the as-of date to this day (default: =TODAY())' },
    },
    WINDOW_OPTION,
    INCLUSIVE_OPTION,
    {
      name: 'force', kind: 'flag',
      help: { vi: 'đồng ý ghi đè khi có dữ liệu ngoài bảng hoặc đổi đơn vị', en: 'agree to overwrite data outside the table or to change the agency' },
    },
    PLAN_OPTION,
  ],
};

export const FORMS_COMMAND: CommandDef = {
  name: 'forms',
  summary: {
    vi: 'Ghi các biểu báo cáo thống kê năm (0801–0813) vào tệp .xlsx',
    en: 'Write the annual statistical report forms (0801–0813) into an .xlsx file',
  },
  options: [
    {
      name: 'agency', kind: 'value', required: true, arg: { vi: 'MÃ', en: 'CODE' },
      help: { vi: 'đơn vị báo cáo (theo danh sách đơn vị), ví dụ SNV hoặc 05455', en: 'reporting agency (from the roster), e.g. SNV or 05455' },
    },
    {
      name: 'year', kind: 'value', required: true, arg: { vi: 'NĂM', en: 'YEAR' },
      help: { vi: 'năm báo cáo, ví dụ 2025 cho báo cáo nộp tháng 02/2026', en: 'reporting year, e.g. 2025 for the report due in 02/2026' },
    },
    OUT_XLSX_OPTION,
    {
      name: 'forms', kind: 'value', arg: { vi: 'MÃ,MÃ', en: 'CODE,CODE' },
      help: { vi: 'chỉ các biểu này (mặc định: tất cả các biểu của gói), ví dụ 0804,0808', en: 'only these forms (default: every form of the pack), e.g. 0804,0808' },
    },
    {
      name: 'pack', kind: 'value', arg: { vi: 'TỆP.json', en: 'FILE.json' },
      help: { vi: 'gói biểu mẫu thay cho gói tham khảo đi kèm', en: 'a form pack instead of the bundled reference pack' },
    },
    {
      name: 'in', kind: 'value', arg: FILE,
      help: {
        vi: 'ghi vào sổ làm việc có sẵn (ví dụ sổ đã có bảng theo dõi), giữ số liệu đã nhập',
        en: 'write into an existing workbook (e.g. one with the tracker), keeping the figures typed',
      },
    },
    {
      name: 'force', kind: 'flag',
      help: {
        vi: 'đồng ý khi đổi đơn vị, ghi đè trang tính khác, có số liệu không còn chỗ trong biểu mới, hoặc xoá ô nhập ngoài bảng',
        en: 'agree to change the agency, overwrite another sheet, drop figures the new forms have no place for, or clear cells typed outside the table',
      },
    },
    PLAN_OPTION,
  ],
};

export const VALIDATE_COMMAND: CommandDef = {
  name: 'validate',
  summary: { vi: 'Kiểm tra sổ làm việc đã điền, chỉ rõ ô có lỗi', en: 'Check filled workbooks and point at every problem' },
  positional: { vi: 'TỆP.xlsx|THƯ_MỤC|"MẪU*.xlsx"...', en: 'FILE.xlsx|FOLDER|"PATTERN*.xlsx"...' },
  options: [
    {
      name: 'partial', kind: 'flag',
      help: { vi: 'chỉ kiểm tra các trang đã có (không báo thiếu bảng theo dõi hay biểu)', en: 'check only the sheets present (no finding for a missing tracker or form)' },
    },
    {
      name: 'previous', kind: 'value', arg: FILE,
      help: {
        vi: 'so sánh với sổ năm trước của cùng đơn vị (thay đổi quá 2 lần là cảnh báo)',
        en: "compare with the same agency's workbook of the previous year (a change over 2 times is a warning)",
      },
    },
    { name: 'year', kind: 'value', arg: { vi: 'NĂM', en: 'YEAR' }, help: { vi: 'năm báo cáo cần kiểm tra', en: 'the reporting year to check' } },
    ROSTER_OPTION,
    JSON_OPTION,
    PLAN_OPTION,
    ...FIX_LEGACY_OPTIONS,
  ],
  notes: {
    vi: 'Mã thoát: 0 không có lỗi; 1 có tệp có lỗi; 2 có tệp không đọc được (hoặc tham số sai).',
    en: 'Exit codes: 0 no errors; 1 some file has errors; 2 some file could not be read (or a usage mistake).',
  },
};

export const CONSOLIDATE_COMMAND: CommandDef = {
  name: 'consolidate',
  summary: {
    vi: 'Tổng hợp các sổ đơn vị gửi về vào một sổ tổng hợp .xlsx',
    en: 'Add up the workbooks agencies returned into a consolidation .xlsx workbook',
  },
  positional: { vi: 'TỆP|THƯ_MỤC|"MẪU*.xlsx"...', en: 'FILE|FOLDER|"PATTERN*.xlsx"...' },
  options: [
    {
      name: 'out', kind: 'value', required: true, arg: FILE,
      help: {
        vi: 'sổ tổng hợp ghi ra; nếu đã có, các trang kết quả được thay mới và "Danh sách đơn vị" trong đó được dùng',
        en: 'the consolidation workbook to write; if it exists, its result sheets are replaced and its "Danh sách đơn vị" is used',
      },
    },
    ROSTER_OPTION,
    AS_OF_OPTION,
    { name: 'year', kind: 'value', arg: { vi: 'NĂM', en: 'YEAR' }, help: { vi: 'năm báo cáo thống kê (mặc định theo Kế hoạch)', en: 'statistics year (default: the plan\'s)' } },
    WINDOW_OPTION,
    INCLUSIVE_OPTION,
    {
      name: 'admit-warnings', kind: 'flag',
      help: { vi: 'tính cả tệp chỉ có cảnh báo (không có lỗi) vào số tổng hợp', en: 'count files with warnings only (no errors) in the totals' },
    },
    JSON_OPTION,
    PLAN_OPTION,
  ],
  notes: {
    vi: 'Mã thoát: 0 đã tổng hợp mọi tệp đọc được; 2 có tệp hoặc đường dẫn không đọc được (đã ghi phần đọc được) hoặc tham số sai.',
    en: 'Exit codes: 0 every file read was consolidated; 2 some file or path could not be read (what could be read was written) or a usage mistake.',
  },
};

const OUT_DOCX_OPTION: OptionDef = {
  name: 'out', kind: 'value', required: true, arg: { vi: 'VĂN-BẢN.docx', en: 'DOCUMENT.docx' },
  help: { vi: 'tệp Word ghi ra', en: 'the Word file to write' },
};

const REPORT_AS_OF_OPTION: OptionDef = {
  ...AS_OF_OPTION,
  help: {
    vi: 'ngày chốt số liệu báo cáo (mặc định: ngày đối chiếu ghi trên bảng theo dõi, hoặc hôm nay)',
    en: "the date the report is made as of (default: the tracker's own as-of date, or today)",
  },
};

const REPORT_AGENCY_COMMAND: CommandDef = {
  name: 'report agency',
  summary: {
    vi: 'Soạn báo cáo kết quả công tác văn thư, lưu trữ của đơn vị (nhiệm vụ 16b) từ sổ báo cáo của đơn vị',
    en: "Draft an agency's yearly records-and-archives report (task 16b) from its workbook",
  },
  positional: { vi: 'SỔ-ĐƠN-VỊ.xlsx', en: 'AGENCY.xlsx' },
  options: [OUT_DOCX_OPTION, REPORT_AS_OF_OPTION],
};

const REPORT_PROVINCE_COMMAND: CommandDef = {
  name: 'report province',
  summary: {
    vi: 'Soạn báo cáo tổng hợp của Sở Nội vụ (mục III.2.i) từ sổ tổng hợp',
    en: "Draft Sở Nội vụ's province report (duty III.2.i) from a consolidation workbook",
  },
  positional: { vi: 'TONG-HOP.xlsx', en: 'CONSOLIDATION.xlsx' },
  options: [OUT_DOCX_OPTION],
};

const REPORT_REMINDER_COMMAND: CommandDef = {
  name: 'report reminder',
  summary: {
    vi: 'Soạn công văn đôn đốc các đơn vị chưa gửi báo cáo, từ sổ tổng hợp',
    en: 'Draft the reminder letter to the agencies that have not reported, from a consolidation workbook',
  },
  positional: { vi: 'TONG-HOP.xlsx', en: 'CONSOLIDATION.xlsx' },
  options: [OUT_DOCX_OPTION],
  notes: {
    vi: 'Mã thoát: 0 đã soạn; 1 không có đơn vị nào cần đôn đốc (không ghi tệp); 2 tham số hoặc tệp không đúng.',
    en: 'Exit codes: 0 drafted; 1 nobody to remind (no file written); 2 a usage mistake or a wrong file.',
  },
};

export const REPORT_KINDS = { agency: REPORT_AGENCY_COMMAND, province: REPORT_PROVINCE_COMMAND, reminder: REPORT_REMINDER_COMMAND } as const;

/** The parent command: `vtlt report --help` lists the three kinds. */
export const REPORT_COMMAND: CommandDef = {
  name: 'report',
  summary: { vi: 'Soạn văn bản (.docx) theo Nghị định 30/2020/NĐ-CP: agency, province, reminder', en: 'Draft official documents (.docx, Decree 30/2020): agency, province, reminder' },
  positional: { vi: 'agency|province|reminder ...', en: 'agency|province|reminder ...' },
  options: [],
  notes: {
    vi: Object.values(REPORT_KINDS).map((d) => `  vtlt ${d.name} ${d.positional?.vi ?? ''} --out … — ${d.summary.vi}`).join('\n'),
    en: Object.values(REPORT_KINDS).map((d) => `  vtlt ${d.name} ${d.positional?.en ?? ''} --out … — ${d.summary.en}`).join('\n'),
  },
};
