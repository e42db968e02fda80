/** What the page's controls ask of the pane (implemented in app.ts): every user action, by name. */
import type { Lang } from '../domain/i18n';
import type { CellAt } from '../app/highlight';
import type { PaneView } from './route';
import type { ConsolidateForm, PaneState } from './state';

export interface Controller {
  setLang(lang: Lang): void;

  // Views: a tab, the settings behind the gear and back, the first run's steps.
  showView(view: PaneView): void;
  /** Back from the settings to the tab they were opened from. */
  leaveSettings(): void;
  firstRun(step: 'choose' | 'agency'): void;
  /** The first run's "Văn thư đơn vị": the tracker and the report forms for the chosen agency, in one step. */
  setUpAgency(): Promise<void>;

  pickAgency(code: string | null): void;
  insert(): Promise<void>;
  refresh(): Promise<void>;
  select(range: string): Promise<void>;
  editSettings(patch: Partial<PaneState['settings']>): void;
  applySettings(): Promise<void>;
  /** The plan: one from a file ("vtlt plan import"), or the bundled one again. */
  loadPlan(file: File): Promise<void>;
  useDefaultPlan(): Promise<void>;

  // Report forms.
  selectForms(codes: readonly string[]): void;
  editFormsYear(text: string): void;
  loadFormPack(file: File): Promise<void>;
  useDefaultFormPack(): Promise<void>;
  insertForms(): Promise<void>;

  // Check.
  check(): Promise<void>;
  goToCell(target: CellAt): Promise<void>;
  highlight(): Promise<void>;
  clearHighlight(): Promise<void>;
  /** "Chuyển sang Unicode": the check's legacy-encoded cells, asked first; "Hoàn tác" gives their old text back. */
  convertLegacy(): Promise<void>;
  undoLegacy(): Promise<void>;

  // Consolidation.
  chooseFiles(files: readonly File[]): void;
  editConsolidate(patch: Partial<Pick<ConsolidateForm, 'asOfText' | 'admitWarnings'>>): void;
  consolidate(): Promise<void>;
  cancelConsolidate(): void;
  /** Copies the reminder; false when it could not (the text is then selected for the user to copy). */
  copyReminder(text: HTMLTextAreaElement): Promise<boolean>;
}
