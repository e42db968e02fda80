/**
 * Entry point of the task pane. Puts the styles in, shows the pane at once, then asks Office where it runs.
 * Nothing heavy is imported here: reading agency files (ExcelJS) is loaded later, only when needed
 * (see consolidation.ts).
 */
import css from './taskpane.css';
import { t } from '../domain/i18n';
import { PRODUCT_VERSION } from '../domain/version';
import { ExcelWorkbook } from '../hosts/excel/excel-workbook';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';
import { defaultPlanPack, defaultRoster } from '../packs';
import { mountPane } from './app';
import { officeTheme, onOfficeThemeChanged, startOffice } from './office-env';
import { loadLang, saveLang } from './prefs';
import { themeFromOffice } from './theme';

function applyTheme(): void {
  const theme = themeFromOffice(officeTheme());
  const root = document.documentElement;
  if (theme.scheme === null) delete root.dataset['theme'];
  else root.dataset['theme'] = theme.scheme;
  for (const name of ['--body-bg', '--fg1']) root.style.removeProperty(name);
  for (const [name, value] of Object.entries(theme.vars)) root.style.setProperty(name, value);
}

async function main(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  document.documentElement.dataset['mounted'] = 'true';

  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
  const lang = loadLang();
  let pack: PlanPack;
  let roster: Roster;
  try {
    pack = defaultPlanPack();
    roster = defaultRoster();
  } catch {
    root.textContent = t(lang, 'pane.error.badPack');
    return;
  }
  const pane = mountPane({
    root,
    pack,
    roster,
    makePort: () => new ExcelWorkbook(),
    now: () => Date.now(),
    lang,
    saveLang,
    version: PRODUCT_VERSION,
  });

  const env = await startOffice();
  applyTheme();
  onOfficeThemeChanged(applyTheme);
  pane.dispatch({ type: 'env', env });
  if (env.kind === 'excel') {
    await pane.refresh();
    await pane.preload();
  }
}

main().catch(() => {
  // Last resort: a plain message, never a stack trace.
  const root = document.getElementById('app');
  if (root) root.textContent = t(loadLang(), 'pane.error.generic');
});
