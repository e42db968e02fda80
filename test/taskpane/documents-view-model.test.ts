/** "Soạn văn bản": the view's state, which hosts get the text instead of a file, and what each outcome says. */
import { describe, expect, it } from 'vitest';
import { documentPlainText } from '../../src/app/documents/plain-text';
import { BLANK, heading, paragraph, type OfficialDocument } from '../../src/app/documents/model';
import { offeredBySheets } from '../../src/app/documents/workbook-documents';
import { useAllCatalogs } from '../../src/domain/i18n/all';
import { defaultPlanPack } from '../../src/packs';
import {
  blocksDownloads, deliveryNotice, failureNotice, initialDocuments, kindLabel, next, resumed, showsText, type Drafted,
} from '../../src/taskpane/documents-view-model';

useAllCatalogs();
const plan = defaultPlanPack();
const drafted = (delivery: Drafted['delivery']): Drafted => ({ kind: 'reminder', fileName: 'Cong-van.docx', text: 'Kính gửi', delivery });

describe('which documents a workbook offers', () => {
  it('an agency workbook (tracker or stamp) its report; a consolidation the province report and the letter; both when both', () => {
    expect(offeredBySheets([plan.trackerSheetName, '0801'], plan).kinds).toEqual(['agency']);
    expect(offeredBySheets(['_vtlt_meta', '0801'], plan).kinds).toEqual(['agency']);
    expect(offeredBySheets(['Theo dõi nộp báo cáo', 'Tổng hợp 0801'], plan).kinds).toEqual(['province', 'reminder']);
    expect(offeredBySheets([plan.trackerSheetName.toUpperCase(), 'theo dõi nộp báo cáo'], plan).kinds).toEqual(['agency', 'province', 'reminder']);
    expect(offeredBySheets(['Sheet1'], plan).kinds).toEqual([]);
  });
});

describe('the documents view state', () => {
  it('reading, then the offer; a workbook that gives nothing says which sheets it lacks', () => {
    const reading = next(initialDocuments, { type: 'reading' });
    expect(reading.working).toBe('reading');
    const none = next(reading, { type: 'offered', offered: offeredBySheets(['Sheet1'], plan), trackerSheet: plan.trackerSheetName });
    expect(none.working).toBeNull();
    expect(none.notice?.tone).toBe('info');
    expect(none.notice?.lines[0]?.('vi')).toContain(`"${plan.trackerSheetName}"`);
    expect(none.notice?.lines[0]?.('vi')).toContain('"Theo dõi nộp báo cáo"');
    const some = next(reading, { type: 'offered', offered: offeredBySheets([plan.trackerSheetName], plan), trackerSheet: plan.trackerSheetName });
    expect(some.notice).toBeNull();
  });

  it('a download shows no text until asked; a blocked one shows the text at once', () => {
    const s = next(next(initialDocuments, { type: 'drafting' }), { type: 'drafted', drafted: drafted('downloaded') });
    expect(s.working).toBeNull();
    expect(showsText(s.drafted)).toBe(false);
    expect(s.notice?.lines[0]?.('vi')).toBe('Đã tải xuống tệp "Cong-van.docx". Mở bằng Word, điền các chỗ để trống (…) rồi trình ký.');
    const shown = next(s, { type: 'show-text' });
    expect(showsText(shown.drafted)).toBe(true);
    expect(shown.drafted?.delivery).toBe('shown');
    for (const d of ['blocked', 'blocked-host'] as const) {
      const b = next(initialDocuments, { type: 'drafted', drafted: drafted(d) });
      expect(showsText(b.drafted)).toBe(true);
      expect(b.notice?.tone).toBe('warning');
      expect(b.notice?.lines.map((l) => l('vi')).join(' ')).toContain('Sao chép');
    }
    // "show-text" means nothing when the text is already there.
    const blocked = next(initialDocuments, { type: 'drafted', drafted: drafted('blocked') });
    expect(next(blocked, { type: 'show-text' })).toBe(blocked);
  });

  it('a view built again (another language) shows what the last one held, its notice in the new language, and is not busy', () => {
    expect(resumed(null)).toBe(initialDocuments);
    const done = next(initialDocuments, { type: 'drafted', drafted: drafted('downloaded') });
    const again = resumed(done);
    expect(again.drafted).toBe(done.drafted);
    expect(again.notice?.lines[0]?.('en')).toBe('"Cong-van.docx" was downloaded. Open it in Word, fill in the blanks (…) and have it signed.');
    expect(resumed(next(done, { type: 'reading' })).working).toBeNull();
  });

  it('a new drafting clears the last document; a failure keeps the offer', () => {
    const offered = next(initialDocuments, { type: 'offered', offered: offeredBySheets([plan.trackerSheetName], plan), trackerSheet: plan.trackerSheetName });
    const done = next(offered, { type: 'drafted', drafted: drafted('blocked') });
    expect(next(done, { type: 'drafting' }).drafted).toBeNull();
    const failed = next(next(done, { type: 'drafting' }), { type: 'failed', notice: failureNotice({ reason: 'nobody-to-remind' }) });
    expect(failed.offered?.kinds).toEqual(['agency']);
    expect(failed.working).toBeNull();
  });

  it('Excel on Mac and iPad get the text (their web views drop downloads); Windows and the web a file', () => {
    expect(blocksDownloads('Mac')).toBe(true);
    expect(blocksDownloads('iOS')).toBe(true);
    for (const p of ['PC', 'OfficeOnline', 'Universal', null, undefined]) expect(blocksDownloads(p)).toBe(false);
  });

  it('failures name the sheet and what to do, in both languages', () => {
    expect(failureNotice({ reason: 'no-tracker', sheet: 'Theo dõi KH' }).lines[0]?.('vi')).toBe('Sổ đang mở không có trang "Theo dõi KH": chèn bảng theo dõi ở mục 1 rồi soạn lại.');
    expect(failureNotice({ reason: 'not-consolidation', sheet: 'Theo dõi nộp báo cáo' }).lines[0]?.('en')).toContain('"Theo dõi nộp báo cáo"');
    expect(failureNotice({ reason: 'no-agency' }).tone).toBe('error');
    expect(deliveryNotice(drafted('blocked-host')).lines[0]?.('en')).toContain('Mac and iPad');
    expect(kindLabel('province')('vi')).toBe('Báo cáo tổng hợp của Sở (III.2.i)');
  });
});

describe('a document as plain text (the Copy fallback)', () => {
  const doc: OfficialDocument = {
    kind: 'letter',
    issuer: { parent: 'UBND TỈNH THÁI NGUYÊN', name: 'SỞ NỘI VỤ' },
    number: 'Số: …/SNV-…',
    letterSubject: 'V/v đôn đốc gửi báo cáo',
    placeAndDate: 'Thái Nguyên, ngày … tháng … năm …',
    addressees: ['Sở Tài chính', 'Sở Y tế'],
    body: [heading('I. MỤC'), paragraph('Đoạn một.'), { kind: 'table', header: ['STT', 'Tên'], rows: [['1', 'Sở\tTài chính']], widths: [1, 1] }],
    signature: { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: BLANK },
    recipients: ['- Như trên;', `- Lưu: VT, ${BLANK}.`],
    annex: { title: ['DANH SÁCH'], blocks: [{ kind: 'table', header: ['STT', 'Mã'], rows: [['1', 'SYT']], widths: [1, 1] }] },
  };

  it('the header, the subject, the addressees, the body, the signature, Nơi nhận and the annex, in order', () => {
    const text = documentPlainText(doc);
    expect(text.split('\n\n')).toEqual([
      'UBND TỈNH THÁI NGUYÊN\nSỞ NỘI VỤ\nSố: …/SNV-…\nV/v đôn đốc gửi báo cáo',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nThái Nguyên, ngày … tháng … năm …',
      'Kính gửi:\n- Sở Tài chính;\n- Sở Y tế;',
      'I. MỤC',
      'Đoạn một.',
      // Table cells by tabs; a tab inside a cell would split it, so it becomes a space.
      'STT\tTên\n1\tSở Tài chính',
      `KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Ký, họ tên, đóng dấu)\n${BLANK}`,
      `Nơi nhận:\n- Như trên;\n- Lưu: VT, ${BLANK}.`,
      'DANH SÁCH',
      'STT\tMã\n1\tSYT',
    ]);
  });

  it('one addressee on the "Kính gửi" line; a report shows its type and subject', () => {
    const report: OfficialDocument = { ...doc, kind: 'report', letterSubject: undefined, addressees: ['Sở Y tế'], title: { type: 'BÁO CÁO', subject: ['Kết quả', 'năm 2026'] } } as OfficialDocument;
    const text = documentPlainText(report);
    expect(text).toContain('Kính gửi: Sở Y tế.');
    expect(text).toContain('BÁO CÁO\nKết quả\nnăm 2026');
    expect(text).not.toContain('V/v');
  });
});
