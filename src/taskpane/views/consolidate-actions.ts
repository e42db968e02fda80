/**
 * What the consolidation view asks of the pane (Sở Nội vụ): the files chosen (the File objects stay here, the state
 * holds their names), the as-of date, running — the engine is a chunk of its own, loaded on the first run — with
 * progress and Cancel, and copying the reminder.
 */
import { t } from '../../domain/i18n';
import { inputFile, loadConsolidationEngine, type ConsolidationEngine } from '../consolidation';
import type { Controller } from '../controller';
import { canInsert } from '../state';
import { type Text, textNotice } from '../view-model';
import type { ShellContext } from './shell-context';

type ConsolidateActions = Pick<Controller, 'chooseFiles' | 'editConsolidate' | 'consolidate' | 'cancelConsolidate'>;

export function consolidateActions(ctx: ShellContext): ConsolidateActions {
  const { deps, dispatch, run, toolsFor, focusOn } = ctx;
  let pickedFiles: readonly File[] = [];
  let abort: AbortController | null = null;
  let engine: Promise<ConsolidationEngine> | null = null;
  const say = (...lines: Text[]) => dispatch({ type: 'notice', section: 'consolidate', notice: textNotice('error', ...lines) });

  const loadEngine = async (): Promise<ConsolidationEngine | null> => {
    try {
      engine ??= (deps.loadConsolidation ?? loadConsolidationEngine)();
      return await engine;
    } catch {
      engine = null;
      say((l) => t(l, 'pane.consolidate.loadFailed'));
      return null;
    }
  };

  return {
    chooseFiles(files) {
      pickedFiles = files;
      dispatch({ type: 'consolidate-edit', patch: { files: files.map((f) => f.name) } });
      if (ctx.state().notices.consolidate?.tone === 'error') dispatch({ type: 'notice', section: 'consolidate', notice: null });
    },
    editConsolidate(patch) {
      dispatch({ type: 'consolidate-edit', patch });
    },
    async consolidate() {
      if (!canInsert(ctx.state()) || ctx.state().busy) return;
      const tk = await toolsFor('consolidate');
      if (!tk) return;
      const asOf = tk.model.parseDayText(ctx.state().consolidate.asOfText);
      dispatch({ type: 'consolidate-error', error: asOf.ok ? null : asOf.error });
      if (pickedFiles.length === 0 || !asOf.ok) {
        const lines: Text[] = [];
        if (pickedFiles.length === 0) lines.push((l) => t(l, 'pane.consolidate.needFiles'));
        if (!asOf.ok) lines.push(asOf.error);
        say(...lines);
        focusOn(pickedFiles.length === 0 ? 'consolidate-files' : 'consolidate-asof');
        return;
      }
      const files = pickedFiles;
      const controller = new AbortController();
      abort = controller;
      dispatch({ type: 'consolidate-result', result: null });
      await run('consolidate', (l) => t(l, 'pane.consolidate.loading'), async () => {
        const loaded = await loadEngine();
        if (!loaded) return;
        dispatch({ type: 'busy', section: 'consolidate', text: (l) => t(l, 'pane.consolidate.reading') });
        dispatch({ type: 'consolidate-progress', progress: { done: 0, total: files.length } });
        try {
          const state = ctx.state();
          const summary = await loaded.run(deps.makePort(), {
            files: files.map(inputFile),
            planPack: ctx.plan(),
            formPack: state.forms.pack ?? tk.defaultFormPack(),
            knownPacks: ctx.knownPacks(tk),
            defaultRoster: deps.roster,
            asOf: asOf.day,
            admitWarnings: state.consolidate.admitWarnings,
            lang: state.lang,
            signal: controller.signal,
            onProgress: (done, total, file) => {
              dispatch({ type: 'busy', section: 'consolidate', text: tk.model.progressText(done, total, file) });
              dispatch({ type: 'consolidate-progress', progress: { done, total } });
            },
          });
          dispatch({ type: 'consolidate-result', result: summary });
          dispatch({ type: 'notice', section: 'consolidate', notice: tk.model.consolidationNotice(summary) });
        } finally {
          dispatch({ type: 'consolidate-progress', progress: null });
        }
      });
      abort = null;
    },
    cancelConsolidate() {
      if (!abort || abort.signal.aborted) return;
      abort.abort();
      dispatch({ type: 'consolidate-cancelling' });
    },
  };
}
