/** The tracker view's "Chèn bảng theo dõi": the tracker inserted (or refreshed) for the chosen agency (tools chunk). */
import { insertTracker } from '../../app/insert-tracker';
import { t } from '../../domain/i18n';
import type { RosterEntry } from '../../domain/roster';
import { findAgency } from '../../domain/roster-lookup';
import type { Controller } from '../controller';
import { type Section, canInsert } from '../state';
import { insertNotice, textNotice } from '../view-model';
import type { ShellContext } from './shell-context';

/** The agency chosen to insert for; none chosen: said in `section`, and its picker (`focusKey`) focused. */
export function agencyToInsert(ctx: ShellContext, section: Section, focusKey: string): RosterEntry | null {
  const code = ctx.state().agencyCode;
  const agency = code === null ? undefined : findAgency(ctx.deps.roster, code);
  if (agency) return agency;
  ctx.dispatch({ type: 'notice', section, notice: textNotice('error', (l) => t(l, 'pane.agency.required')) });
  ctx.focusOn(focusKey);
  return null;
}

export function trackerInsert(ctx: ShellContext): Pick<Controller, 'insert'> {
  const { deps, dispatch, run, confirm } = ctx;
  return {
    async insert() {
      const state = ctx.state();
      if (!canInsert(state) || state.busy) return;
      const agency = agencyToInsert(ctx, 'insert', 'agency');
      if (!agency) return;
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
