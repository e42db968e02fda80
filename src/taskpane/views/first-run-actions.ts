/**
 * The first run's "Văn thư đơn vị": the tracker and the report forms for the chosen agency in one step (set-up-agency.ts,
 * in the tools chunk, composing insertTracker and insertForms with at most one question), then the tracker view.
 */
import { t } from '../../domain/i18n';
import type { Controller } from '../controller';
import { canInsert } from '../state';
import { type Notice, insertNotice, textNotice } from '../view-model';
import type { ShellContext } from './shell-context';
import { agencyToInsert } from './tracker-insert';

const TONES: readonly Notice['tone'][] = ['info', 'success', 'warning', 'error'];

/** Both steps' lines in one notice, in the graver tone. */
function joined(a: Notice, b: Notice): Notice {
  return { tone: TONES[Math.max(TONES.indexOf(a.tone), TONES.indexOf(b.tone))]!, lines: [...a.lines, ...b.lines] };
}

export function firstRunActions(ctx: ShellContext, showView: Controller['showView']): Pick<Controller, 'setUpAgency'> {
  const { deps, dispatch, run, confirm } = ctx;
  return {
    async setUpAgency() {
      const state = ctx.state();
      if (!canInsert(state) || state.busy) return;
      const agency = agencyToInsert(ctx, 'setup', 'setup-agency');
      if (!agency) return;
      const tk = await ctx.toolsFor('setup');
      if (!tk) return;
      await run('setup', (l) => t(l, 'pane.start.busy'), async () => {
        const { setUpAgency } = await import(/* webpackChunkName: "tools" */ '../../app/set-up-agency');
        const year = tk.model.parseReportingYear(ctx.state().forms.yearText, deps.now());
        if (!year.ok) {
          dispatch({ type: 'notice', section: 'setup', notice: textNotice('error', year.error) });
          return;
        }
        const port = deps.makePort();
        let trackerSkipped: readonly string[] = [];
        const result = await setUpAgency(port, {
          planPack: ctx.plan(),
          formPack: ctx.state().forms.pack ?? tk.defaultFormPack(),
          agency,
          year: year.year,
          now: new Date(deps.now()),
          confirm,
          lang: ctx.state().lang,
          afterWrite: (step) => {
            if (step === 'tracker') trackerSkipped = [...port.lastWriteSkipped];
          },
        });
        if (!result.ok && result.reason === 'cancelled') {
          dispatch({ type: 'notice', section: 'setup', notice: textNotice('info', (l) => t(l, 'pane.insert.cancelled')) });
          return;
        }
        const tracker = insertNotice(result.tracker, agency, trackerSkipped);
        const forms = result.ok
          ? tk.model.formsInsertNotice(result.forms, agency, year.year, port.lastWriteSkipped, tk.describeUnplaced)
          : textNotice('warning', (l) => t(l, 'pane.start.formsCancelled'));
        dispatch({ type: 'notice', section: 'insert', notice: joined(tracker, forms) });
        dispatch({ type: 'check-stale' });
        await ctx.loadSummary();
        showView('tracker');
      });
    },
  };
}
