import { describe, expect, it } from 'vitest';
import { mustDay } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { insertTracker } from '../../src/app/insert-tracker';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { handleRefreshCommand, refreshOverdue, type RefreshOverdueDeps } from '../../src/commands/refresh-overdue';
import { type NoticeDialog, noticeUrl, readNotice, showNoticeDialog } from '../../src/commands/notice';
import { WorkbookAccessError } from '../../src/app/workbook-access-error';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { catalog } from '../../src/domain/i18n';

const pack = defaultPlanPack();
const roster = defaultRoster();
const now = new Date('2026-03-01T03:00:00Z');

function rowOf(wb: FileWorkbook, id: string): number {
  return wb.grid(pack.trackerSheetName)!.values.findIndex((row) => row[0] === id) + 1;
}

describe('refreshOverdue (the ribbon command)', () => {
  it('re-inserts the tracker for the stamped agency, keeps the entries, then recalculates', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: findAgency(roster, '05455')!, now, confirm: async () => false, asOf: mustDay(2026, 2, 1), window: 5 });
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    ws.getCell(rowOf(wb, '2'), TRACKER_COL.status).value = 'Đang thực hiện';
    ws.getCell(rowOf(wb, '2'), TRACKER_COL.content).value = 'sửa nhầm';
    let recalculated = 0;
    const outcome = await refreshOverdue({ port: wb, pack, roster, now, recalculate: async () => void recalculated++ });
    expect(outcome).toBe('refreshed');
    expect(recalculated).toBe(1);
    const ws2 = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    expect(ws2.getCell(rowOf(wb, '2'), TRACKER_COL.status).value).toBe('Đang thực hiện');
    expect(String(ws2.getCell(rowOf(wb, '2'), TRACKER_COL.content).value)).toContain(pack.tasks[1]!.content);
    expect(ws2.getCell('E4').value).toBe(5);
  });

  it('answers every question "no": cells typed outside the table stay, and it only recalculates', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: findAgency(roster, 'SNV')!, now, confirm: async () => false });
    wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell('P10').value = 'của tôi';
    let recalculated = 0;
    const outcome = await refreshOverdue({ port: wb, pack, roster, now, recalculate: async () => void recalculated++ });
    expect(outcome).toBe('declined');
    expect(recalculated).toBe(1);
    expect(wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell('P10').value).toBe('của tôi');
  });

  it('does nothing in a workbook without a tracker', async () => {
    const wb = FileWorkbook.create();
    wb.workbook.addWorksheet(pack.trackerSheetName).getCell('A1').value = 'Bảng lương';
    let recalculated = 0;
    let writes = 0;
    const port = { read: wb.read.bind(wb), write: async () => void writes++ };
    expect(await refreshOverdue({ port, pack, roster, now, recalculate: async () => void recalculated++ })).toBe('no-tracker');
    expect([recalculated, writes]).toEqual([0, 0]);
  });
});

describe('the "Làm mới hạn" button tells what went wrong and always completes (issue 10.8)', () => {
  function harness(makeDeps: () => RefreshOverdueDeps, opts: { lang?: 'vi' | 'en'; showFails?: boolean } = {}) {
    const shown: { title: string; text: string }[] = [];
    let completed = 0;
    const run = () =>
      handleRefreshCommand(
        { completed: () => void completed++ },
        () => opts.lang ?? 'vi',
        async (title, text) => {
          shown.push({ title, text });
          if (opts.showFails) throw new Error('dialog blocked');
        },
        makeDeps,
      );
    return { run, shown, completed: () => completed };
  }
  const withTracker = async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: findAgency(roster, '05455')!, now, confirm: async () => false });
    return wb;
  };

  it('a sheet protected with a password: the message names it, nothing is recalculated, completed() once', async () => {
    const wb = await withTracker();
    let recalculated = 0;
    const port = { read: wb.read.bind(wb), write: async () => Promise.reject(new WorkbookAccessError({ kind: 'sheet-password', sheet: pack.trackerSheetName })) };
    const h = harness(() => ({ port, pack, roster, now, recalculate: async () => void recalculated++ }));
    await h.run();
    expect(h.completed()).toBe(1);
    expect(recalculated).toBe(0);
    expect(h.shown).toEqual([
      {
        title: 'Làm mới hạn',
        text: `Làm mới hạn không thành công. Trang "${pack.trackerSheetName}" đang được bảo vệ bằng mật khẩu: hãy bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính; Excel tiếng Anh: Review → Unprotect Sheet) rồi thử lại. Bổ trợ chưa ghi gì vào sổ.`,
      },
    ]);
  });

  it('an Excel error, a pack that does not load, and a message that cannot be shown: completed() is still called once', async () => {
    const excelError = Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' });
    const failing = harness(() => ({ port: { read: async () => Promise.reject(excelError), write: async () => undefined }, pack, roster, now, recalculate: async () => undefined }), { lang: 'en' });
    await failing.run();
    expect(failing.completed()).toBe(1);
    expect(failing.shown[0]?.text).toBe(`Refresh deadlines did not succeed. ${catalog('en')['pane.error.cellEdit']}`);

    const badPack = harness(() => {
      throw new Error('pack does not parse');
    });
    await badPack.run();
    expect(badPack.completed()).toBe(1);
    expect(badPack.shown[0]?.text).toBe(`Làm mới hạn không thành công. ${catalog('vi')['pane.error.generic']}`);

    const blocked = harness(() => {
      throw new Error('pack does not parse');
    }, { showFails: true });
    await expect(blocked.run()).resolves.toBeUndefined();
    expect(blocked.completed()).toBe(1);
  });

  it('says why nothing was re-inserted (no tracker); says nothing after a clean refresh', async () => {
    const empty = FileWorkbook.create();
    const none = harness(() => ({ port: empty, pack, roster, now, recalculate: async () => undefined }));
    await none.run();
    expect(none.shown.map((m) => m.text)).toEqual([catalog('vi')['pane.command.noTracker']]);
    expect(none.completed()).toBe(1);

    const wb = await withTracker();
    const clean = harness(() => ({ port: wb, pack, roster, now, recalculate: async () => undefined }));
    await clean.run();
    expect(clean.shown).toEqual([]);
    expect(clean.completed()).toBe(1);
  });
});

describe('the message dialog (commands.html?notice=…)', () => {
  const notice = { title: 'Làm mới hạn', text: 'Trang "Kế hoạch & <b>" có vùng … 7.020.000 ô', close: 'Đóng' };

  it('carries the message in its address and reads it back; anything else is not a notice', () => {
    const url = noticeUrl('https://tinh.gov.vn/vtlt/commands.html?_=1#x', notice);
    expect(url.startsWith('https://tinh.gov.vn/vtlt/commands.html?notice=')).toBe(true);
    expect(readNotice(new URL(url).search)).toEqual(notice);
    expect(readNotice('')).toBeNull();
    expect(readNotice('?notice=%5B1%2C2%5D')).toBeNull();
    expect(readNotice('?notice=not-json')).toBeNull();
  });

  it('resolves when its button is pressed (closing it), when the user closes it, and at once when it cannot open', async () => {
    const make = () => {
      const handlers: { message?: () => void; closed?: () => void } = {};
      let closed = 0;
      const dialog: NoticeDialog = { close: () => void closed++, onMessage: (h) => (handlers.message = h), onClosed: (h) => (handlers.closed = h) };
      return { handlers, dialog, closed: () => closed };
    };
    const a = make();
    const byButton = showNoticeDialog((_url, opened) => opened(a.dialog), 'https://h/commands.html', notice);
    a.handlers.message?.();
    await byButton;
    expect(a.closed()).toBe(1);

    const b = make();
    const byUser = showNoticeDialog((_url, opened) => opened(b.dialog), 'https://h/commands.html', notice);
    b.handlers.closed?.();
    await byUser;

    await showNoticeDialog((_url, opened) => opened(null), 'https://h/commands.html', notice);
    await showNoticeDialog(null, 'https://h/commands.html', notice);
    await showNoticeDialog(() => {
      throw new Error('12007');
    }, 'https://h/commands.html', notice);
    await showNoticeDialog(() => undefined, 'https://h/commands.html', notice, 5);
  });
});

describe('pane messages', () => {
  it('exist in both languages and are never empty', () => {
    const vi = catalog('vi');
    const en = catalog('en');
    const keys = Object.keys(vi).filter((k) => k.startsWith('pane.'));
    expect(keys.length).toBeGreaterThan(60);
    for (const k of keys) {
      for (const c of [vi, en]) {
        const m = (c as Record<string, unknown>)[k];
        const text = typeof m === 'function' ? (m as (p: unknown) => string)({ count: 1, days: 1, date: '01/01/2026', name: 'x', code: 'x', kind: 'x', value: 'x', host: 'x', agency: 'x', tasks: 1, kept: 0, features: 'x', id: '1', state: 'x', content: 'x', version: '1', fixed: false }) : m;
        expect(typeof text === 'string' && text.trim().length > 0, `${k}`).toBe(true);
      }
    }
    expect(keys).not.toContain('pane.placeholder');
  });

  it('are Vietnamese in NFC with the diacritics composed', () => {
    for (const [k, m] of Object.entries(catalog('vi'))) {
      if (k.startsWith('pane.') && typeof m === 'string') expect(m, k).toBe(m.normalize('NFC'));
    }
  });
});
