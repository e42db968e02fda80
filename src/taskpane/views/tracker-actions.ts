/**
 * What the tracker view asks of the pane on the first load: the agency, refreshing the summary, going to a task's row.
 * Inserting the tracker is in tracker-insert.ts (with the tools chunk: the tracker's layout is not part of the first load).
 */
import { t } from '../../domain/i18n';
import type { Controller } from '../controller';
import { textNotice } from '../view-model';
import type { ShellContext } from './shell-context';

type TrackerActions = Pick<Controller, 'pickAgency' | 'refresh' | 'select'>;

export function trackerActions(ctx: ShellContext): TrackerActions {
  const { deps, dispatch, run } = ctx;
  return {
    pickAgency(code) {
      dispatch({ type: 'agency', code });
      for (const section of ['insert', 'setup'] as const) {
        if (code !== null && ctx.state().notices[section]?.tone === 'error') dispatch({ type: 'notice', section, notice: null });
      }
    },
    async refresh() {
      await run('summary', (l) => t(l, 'pane.summary.refreshing'), async () => {
        await ctx.loadSummary();
        dispatch({ type: 'notice', section: 'summary', notice: textNotice('success', (l) => t(l, 'pane.summary.updated')) });
      });
    },
    async select(range) {
      const state = ctx.state();
      if (state.busy || state.summary.kind !== 'ready') return;
      const sheet = state.summary.summary.sheetName;
      try {
        await deps.makePort().selectRange(sheet, range);
        dispatch({ type: 'notice', section: 'summary', notice: null });
      } catch {
        dispatch({ type: 'notice', section: 'summary', notice: textNotice('error', (l) => t(l, 'pane.summary.selectFailed')) });
      }
    },
  };
}
