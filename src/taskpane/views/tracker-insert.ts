/** The tracker view's "Chèn bảng theo dõi": the tracker inserted (or refreshed) for the chosen agency (tools chunk). */
import { insertTracker } from '../../app/insert-tracker';
import { t } from '../../domain/i18n';
import { findAgency } from '../../domain/roster-lookup';
import type { Controller } from '../controller';
import { canInsert } from '../state';
import { insertNotice, textNotice } from '../view-model';
import type { ShellContext } from './shell-context';

export function trackerInsert(ctx: ShellContext): Pick<Controller, 'insert'> {
  const { deps, dispatch, run, confirm, focusOn } = ctx;
  return {
    async insert() {
      const state = ctx.state();
      if (!canInsert(state) || state.busy) return;
      const agency = state.agencyCode === null ? undefined : findAgency(deps.roster, state.agencyCode);
      if (!agency) {
        dispatch({ type: 'notice', section: 'insert', notice: textNotice('error', (l) => t(l, 'pane.agency.required')) });
        focusOn('agency');
        return;
      }
      await run('insert', (l) => t(l, 'pane.insert.busy'), async () => {
        const port = deps.makePort();
        const result = await insertTracker(port, { pack: ctx.plan(), agency, now: new Date(deps.now()), confirm });
        if (!result.ok) {
          dispatch({ type: 'notice', section: 'insert', notice: textNotice('info', (l) => t(l, 'pane.insert.cancelled')) });
          return;
        }
        dispatch({ type: 'notice', section: 'insert', notice: insertNotice(result, agency, port.lastWriteSkipped) });
        dispatch({ type: 'check-stale' });
        await ctx.loadSummary();
      });
    },
  };
}
