/** What the settings view asks of the pane: editing the form, and applying it (the tracker inserted again with it). */
import { insertTracker } from '../../app/insert-tracker';
import { t } from '../../domain/i18n';
import type { RosterEntry } from '../../domain/roster';
import { findAgency } from '../../domain/roster-lookup';
import type { Controller } from '../controller';
import { canInsert } from '../state';
import { insertNotice, parseSettings, textNotice } from '../view-model';
import type { ShellContext } from './shell-context';

type SettingsActions = Pick<Controller, 'editSettings' | 'applySettings'>;

export function settingsActions(ctx: ShellContext): SettingsActions {
  const { deps, dispatch, run, confirm, focusOn } = ctx;
  const say = (notice: Parameters<typeof textNotice>) => dispatch({ type: 'notice', section: 'settings', notice: textNotice(...notice) });
  return {
    editSettings(patch) {
      dispatch({ type: 'settings-edit', patch });
    },
    async applySettings() {
      const state = ctx.state();
      if (!canInsert(state) || state.busy) return;
      const parsed = parseSettings(state.settings);
      if (!parsed.ok) {
        dispatch({ type: 'settings-errors', errors: parsed.errors });
        say(['error', (l) => t(l, 'pane.settings.fixErrors')]);
        focusOn(parsed.errors.asOf ? 'asof-text' : 'window');
        return;
      }
      dispatch({ type: 'settings-errors', errors: {} });
      const identity = state.summary.kind === 'ready' ? state.summary.summary.identity : null;
      if (!identity) return say(['error', (l) => t(l, 'pane.settings.needTracker')]);
      const agency: RosterEntry | undefined = findAgency(deps.roster, identity.agencyCode);
      if (!agency) {
        const p = { name: identity.agencyName, code: identity.agencyCode };
        return say(['error', (l) => t(l, 'pane.settings.unknownAgency', p)]);
      }
      await run('settings', (l) => t(l, 'pane.settings.applying'), async () => {
        const port = deps.makePort();
        const result = await insertTracker(port, {
          pack: ctx.plan(), agency, now: new Date(deps.now()), confirm,
          asOf: parsed.value.asOf, window: parsed.value.window, inclusiveBefore: parsed.value.inclusiveBefore,
        });
        if (!result.ok) return say(['info', (l) => t(l, 'pane.insert.cancelled')]);
        dispatch({ type: 'settings-saved' });
        const skipped = insertNotice(result, agency, port.lastWriteSkipped);
        dispatch({
          type: 'notice',
          section: 'settings',
          notice: { tone: skipped.tone, lines: [(l) => t(l, 'pane.settings.applied'), ...skipped.lines.slice(1)] },
        });
        await ctx.loadSummary();
      });
    },
  };
}
