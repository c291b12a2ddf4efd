// The browser app's entry. The same script runs the page and, from a blob: URL of its own text, the
// planner's Web Worker (one copy of the code in the file, well inside the size budget).
import { calendarView } from './calendar-view.js';
import type { Ctx, Ui } from './context.js';
import { exportView } from './export-view.js';
import { listsView, settingsView } from './files-view.js';
import { headerView } from './header-view.js';
import { planView } from './plan-view.js';
import { problemsView } from './problems-view.js';
import { reopenView } from './reopen-view.js';
import { replanView } from './replan-view.js';
import { roundOf } from './session.js';
import { type AppState, loadState, saveState } from './state.js';
import { startWorker } from './worker.js';

declare const self: Parameters<typeof startWorker>[0];

function startPage(source: string): void {
  const root = document.getElementById('app')!;
  let state: AppState = loadState();
  const ui: Ui = {};
  const render = () => {
    const focused = document.activeElement?.id;
    const r = roundOf(state);
    const ctx: Ctx = {
      state,
      ui,
      round: r.round,
      config: r.config,
      configFile: r.configFile,
      problems: r.problems,
      source,
      update(change) {
        change(state);
        saveState(state);
        render();
      },
      show(change) {
        change(ui);
        render();
      },
    };
    const settings = settingsView(ctx);
    const calendar = calendarView(ctx);
    if (calendar) settings.append(calendar);
    root.replaceChildren(
      headerView(ctx),
      settings,
      listsView(ctx),
      ...[problemsView(ctx), planView(ctx), replanView(ctx), exportView(ctx), reopenView(ctx)].filter((x): x is HTMLElement => Boolean(x)),
    );
    const again = focused ? document.getElementById(focused) : null;
    again?.focus();
    state = ctx.state;
  };
  render();
}

if (typeof document === 'undefined') startWorker(self);
else startPage(document.currentScript?.textContent ?? '');
