/**
 * Every catalog at once, synchronously: for the command line (its own lines in both languages, and English) and the
 * tests. The task pane never imports this module (it loads English lazily, and has no command-line lines).
 */
import { addMessages } from './index';
import { en } from './en';
import { cliEn } from './cli-en';
import { cliVi } from './cli-vi';
import { planImportEn } from './plan-import-en';
import { planImportVi } from './plan-import-vi';
import { reportEn } from './report-en';
import { reportVi } from './report-vi';
import { documentsVi } from './documents-vi';
import { planPaneVi } from './plan-pane-vi';
import { firstRunVi } from './first-run-vi';
import { useToolMessages } from './tool-messages';

let loaded = false;

export function useAllCatalogs(): void {
  if (loaded) return;
  useToolMessages();
  addMessages('vi', { ...cliVi, ...planImportVi, ...reportVi, ...documentsVi, ...planPaneVi, ...firstRunVi });
  addMessages('en', { ...en, ...cliEn, ...planImportEn, ...reportEn });
  loaded = true;
}
