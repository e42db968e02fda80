/**
 * Entry point of the task pane. Puts the styles in, shows the pane at once, then asks Office where it runs.
 * Nothing heavy is imported here: reading agency files (ExcelJS) is loaded later, only when needed
 * (see consolidation.ts).
 */
// The style sheet is emitted as a file and linked from taskpane.html (the page's policy allows no <style> element).
import './taskpane.css';
import { loadCatalog, t, type Lang } from '../domain/i18n';
import { PRODUCT_VERSION } from '../domain/version';
import { ExcelWorkbook } from '../hosts/excel/excel-workbook';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';
import { defaultPlanPack, defaultRoster } from '../packs';
import { mountPane } from './app';
import { displayLanguage, documentSettings, officeTheme, startOffice } from './office-env';
import { chooseLang, loadSavedLang, saveLang } from './prefs';
import { routeFromHash, viewFromSearch } from './route';
import { settingsMemory } from './views/view-memory';
import { applyPaneTheme, followOfficeTheme } from './theme-follow';

/** Loads the messages of a language other than Vietnamese (a chunk of their own); Vietnamese ones if it cannot. */
async function useLanguage(lang: Lang): Promise<void> {
  await loadCatalog(lang).catch(() => undefined);
}

async function main(): Promise<void> {
  document.documentElement.dataset['mounted'] = 'true';

  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
  // Until Office answers, the remembered choice or Vietnamese; then Office's display language unless the user chose.
  const lang = loadSavedLang() ?? 'vi';
  await useLanguage(lang);
  let pack: PlanPack;
  let roster: Roster;
  try {
    pack = defaultPlanPack();
    roster = defaultRoster();
  } catch {
    root.textContent = t(lang, 'pane.error.badPack');
    return;
  }
  // taskpane.html?view=<id> (the ribbon's buttons) opens that view; ?view=help the help.
  const asked = viewFromSearch(window.location.search);
  const pane = mountPane({
    root,
    pack,
    roster,
    makePort: () => new ExcelWorkbook(),
    now: () => Date.now(),
    lang,
    saveLang,
    version: PRODUCT_VERSION,
    view: asked === 'help' ? null : asked,
    memory: settingsMemory(documentSettings),
  });

  // taskpane.html#help (the manifest's SupportUrl and LearnMoreUrl) opens the help, in Excel or in a browser.
  // ?view=help opens the help once; "Quay lại" (#) then leaves it as from #help.
  let opening = asked === 'help';
  const followAddress = () => {
    const route = routeFromHash(window.location.hash);
    pane.dispatch({ type: 'route', route: opening && route.view === 'main' ? { view: 'help', topic: null } : route });
    opening = false;
  };
  window.addEventListener('hashchange', followAddress);
  followAddress();

  const env = await startOffice();
  followOfficeTheme(officeTheme, (theme) => applyPaneTheme(document.documentElement, theme), { win: window, doc: document });
  const chosen = chooseLang(loadSavedLang(), displayLanguage());
  if (chosen !== pane.state().lang) {
    await useLanguage(chosen);
    pane.dispatch({ type: 'lang', lang: chosen });
  }
  pane.dispatch({ type: 'env', env });
  if (env.kind === 'excel') {
    // The start-up read and the tools chunk (the other views, the first run) at the same time.
    await Promise.all([pane.start(), pane.preload()]);
  }
}

main().catch(() => {
  // Last resort: a plain message, never a stack trace.
  const root = document.getElementById('app');
  if (root) root.textContent = t(loadSavedLang() ?? 'vi', 'pane.error.generic');
});
