/**
 * The catalogs load per language: Vietnamese is there from the start, English when asked (a chunk of its own in the
 * pane), the command line's lines and the tools' messages only where they are used. Both languages hold the same keys.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { vi } from '../../src/domain/i18n/vi';
import { en } from '../../src/domain/i18n/en';
import { cliVi } from '../../src/domain/i18n/cli-vi';
import { cliEn } from '../../src/domain/i18n/cli-en';
import { planImportVi } from '../../src/domain/i18n/plan-import-vi';
import { planImportEn } from '../../src/domain/i18n/plan-import-en';
import { validationVi } from '../../src/domain/i18n/validation-vi';
import { formsVi } from '../../src/domain/i18n/forms-vi';
import { filesVi } from '../../src/domain/i18n/files-vi';
import { reportVi } from '../../src/domain/i18n/report-vi';
import { reportEn } from '../../src/domain/i18n/report-en';
import { documentsVi } from '../../src/domain/i18n/documents-vi';
import { planPaneVi } from '../../src/domain/i18n/plan-pane-vi';
import { firstRunVi } from '../../src/domain/i18n/first-run-vi';
import { paneToolsVi } from '../../src/domain/i18n/pane-tools-vi';

type I18n = typeof import('../../src/domain/i18n');

/** The catalogs module as a host that has loaded nothing else finds it (the test set-up loads every catalog). */
async function freshCatalogs(): Promise<I18n> {
  vitest.resetModules();
  return import('../../src/domain/i18n');
}

describe('catalogs by language', () => {
  it('English and Vietnamese hold the same keys, parts included', () => {
    const viKeys = Object.keys({ ...vi, ...cliVi, ...planImportVi, ...validationVi, ...formsVi, ...filesVi, ...reportVi, ...documentsVi, ...planPaneVi, ...firstRunVi, ...paneToolsVi }).sort();
    const enKeys = Object.keys({ ...en, ...cliEn, ...planImportEn, ...reportEn }).sort();
    expect(enKeys).toEqual(viKeys);
  });

  it('at start only Vietnamese is there, without the command line, tools and files parts; English loads when asked', async () => {
    const i18n = await freshCatalogs();
    expect(i18n.hasCatalog('vi')).toBe(true);
    expect(i18n.hasCatalog('en')).toBe(false);
    expect(i18n.t('en', 'pane.confirm.yes')).toBe(vi['pane.confirm.yes']);
    for (const key of ['cli.usageCommand', 'cli.unknownCommand', 'plan.header.id', 'report.what.agency', 'issue.stamp-missing', 'forms.question.overwrite', 'file.empty', 'documents.copied', 'pane.plan.line', 'pane.start.heading', 'pane.check.button'] as const) {
      expect(Object.keys(i18n.catalog('vi'))).not.toContain(key);
    }
    await i18n.loadCatalog('en');
    expect(i18n.hasCatalog('en')).toBe(true);
    expect(i18n.t('en', 'pane.confirm.yes')).toBe(en['pane.confirm.yes']);
    expect(i18n.t('en', 'file.empty')).toBe(en['file.empty']);
  });

  it('the tools add their Vietnamese messages when they load', async () => {
    const i18n = await freshCatalogs();
    expect(i18n.t('vi', 'file.empty')).toBe('file.empty');
    const { useToolMessages } = await import('../../src/domain/i18n/tool-messages');
    useToolMessages();
    expect(i18n.t('vi', 'file.empty')).toBe(filesVi['file.empty']);
    expect(Object.keys(i18n.catalog('vi'))).toEqual(expect.arrayContaining(Object.keys(validationVi)));
  });

  it('the command line loads everything at once', async () => {
    const i18n = await freshCatalogs();
    const { useAllCatalogs } = await import('../../src/domain/i18n/all');
    useAllCatalogs();
    expect(i18n.t('vi', 'cli.usageCommand')).toBe(cliVi['cli.usageCommand']);
    expect(i18n.t('en', 'cli.usageCommand')).toBe(cliEn['cli.usageCommand']);
    expect(Object.keys(i18n.catalog('vi'))).toEqual(expect.arrayContaining(['issue.stamp-missing', 'planImport.docx.not-zip']));
  });
});
