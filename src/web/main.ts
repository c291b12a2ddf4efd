// The browser app's entry. The same script runs the page and, from a blob: URL of its own text, the
// planner's Web Worker (one copy of the code in the file, well inside the size budget).
import type { Problem } from '../core/types.js';
import { calendarView } from './calendar-view.js';
import type { Ctx, Ui } from './context.js';
import { h } from './dom.js';
import { exportView } from './export-view.js';
import { listsView, settingsView } from './files-view.js';
import { headerView } from './header-view.js';
import { routeJobs } from './jobs.js';
import { ledgerView } from './ledger-view.js';
import { monthView } from './month-view.js';
import { planView } from './plan-view.js';
import { problemsView } from './problems-view.js';
import { newProjectId } from './project-view.js';
import { reopenView } from './reopen-view.js';
import { replanView } from './replan-view.js';
import { roundOf } from './session.js';
import { type AppState, loadState, saveSoon, TOUCH_KEY } from './state.js';
import { timetableHead, timetableView } from './timetable-view.js';
import { forPage } from './words.js';
import { startWorker } from './worker.js';

declare const self: Parameters<typeof startWorker>[0];

/** Links to the steps on the page, first in it: a keyboard user reaches 排班, the timetable or 导出 in one Tab. */
function skipLinks(page: HTMLElement): HTMLElement {
  const targets = [
    ['plan-h', '跳到排班 skip to plan'],
    ['month-h', '跳到日历 skip to calendar'],
    ['timetable-caption', '跳到时间表 skip to timetable'],
    ['export-h', '跳到导出 skip to export'],
  ].filter(([id]) => page.querySelector(`#${id}`));
  return h(
    'nav',
    { class: 'skip', 'aria-label': '跳转 skip links' },
    h('ul', {}, ...targets.map(([id, text]) => h('li', {}, h('a', { href: `#${id}` }, text)))),
  );
}

/**
 * Puts `next` in `parent` in order without moving a child that stays (the timetable grid, kept over
 * redraws): a node taken out and put back is styled and laid out again, which for a year's table is
 * the whole cost of a redraw.
 */
function place(parent: HTMLElement, next: HTMLElement[]): void {
  const keep = new Set<Element>(next);
  for (const child of [...parent.children]) if (!keep.has(child)) child.remove();
  next.forEach((el, i) => {
    if (parent.children[i] !== el) parent.insertBefore(el, parent.children[i] ?? null);
  });
}

/** The round is read again only when what it is made of changed (a redraw for a message costs nothing). */
function roundCache(): (s: AppState) => ReturnType<typeof roundOf> {
  let key: unknown[] = [];
  let value: ReturnType<typeof roundOf> | undefined;
  return (s) => {
    const now = [s.files, s.kind, s.from, s.to, s.office];
    if (!value || now.some((x, i) => x !== key[i])) value = roundOf(s);
    key = now;
    return value;
  };
}

/**
 * A part of the page drawn again only when one of `key` changed (the settings' date boxes alone cost
 * an edit's redraw some 15 ms); its controls act through ctx.update and ctx.show, which stay the same.
 */
function kept(draw: (ctx: Ctx) => HTMLElement): (ctx: Ctx, key: unknown[]) => HTMLElement {
  let was: { key: unknown[]; el: HTMLElement } | undefined;
  return (ctx, key) => {
    if (!was || key.some((x, i) => x !== was?.key[i])) was = { key, el: draw(ctx) };
    return was.el;
  };
}

/**
 * What a part shows of the last message (by where it is, as messageView places it): the message, 'none'
 * where no message leaves the plan section its empty #message, else undefined. A part is drawn again for
 * its own messages only, and once more when the message moves elsewhere, so no stale #message stays behind.
 */
const messageIn = (ui: Ui, here: (at: string) => boolean) => (here(ui.message?.at ?? 'plan') ? (ui.message ?? 'none') : undefined);
const inFiles = (at: string) => at.startsWith('file-');

const settingsPart = kept((ctx) => {
  const settings = settingsView(ctx);
  const calendar = calendarView(ctx);
  if (calendar) settings.append(calendar);
  return settings;
});
const listsPart = kept(listsView);
// (the plan's report runs to some 160 elements and 5,000 px of text: drawn again on every edit, it was most of an edit's layout)
const planPart = kept(planView);

function startPage(source: string): void {
  const root = document.getElementById('app')!;
  let state: AppState = loadState();
  const ui: Ui = {};
  const round = roundCache();
  const main = h('main', {});
  const tab = newProjectId();
  // Another tab saved a change to this same project (its own copy: nothing here is overwritten).
  addEventListener('storage', (e) => {
    if (e.key !== TOUCH_KEY || !e.newValue) return;
    const touch = JSON.parse(e.newValue) as { project?: string; tab?: string };
    if (touch.project !== state.project || touch.tab === tab) return;
    ui.message = {
      text: '另一个标签页刚刚修改了同一个项目。两边各自保存，互不覆盖；要以哪一边为准，请在那一边「保存项目」后在此「打开项目」。This project was changed in another tab.',
      alert: true,
      at: 'project',
    };
    render();
  });
  const render = () => {
    const focused = ui.focus ?? document.activeElement?.id;
    ui.focus = undefined;
    const r = round(state);
    // A list not picked yet is the next step, not an error: said beside 排班 in the page's words.
    const missing = (p: Problem) => p.code === 'input.none';
    const ctx: Ctx = {
      state,
      ui,
      round: r.round,
      config: r.config,
      configFile: r.configFile,
      problems: r.problems.filter((p) => !missing(p)).map(forPage),
      missing: r.problems.filter(missing).map((p) => forPage(p).message),
      officeMissing: r.seedFields ?? [],
      source,
      update(change) {
        change(state);
        if (!state.project) state.project = newProjectId();
        saveSoon(state, tab);
        render();
      },
      show(change) {
        change(ui);
        render();
      },
    };
    const parts = [
      settingsPart(ctx, [ctx.round, ctx.config, state.files, state.kind, messageIn(ui, inFiles)]),
      listsPart(ctx, [state.files, messageIn(ui, inFiles)]),
      problemsView(ctx),
      planPart(ctx, [r, ui.planning, messageIn(ui, (at) => at === 'plan'), state.plan, state.replan, ui.bestEffort]),
      monthView(ctx),
      timetableHead(ctx),
      timetableView(ctx),
      replanView(ctx),
      exportView(ctx),
      reopenView(ctx),
      ledgerView(ctx),
    ];
    place(
      main,
      parts.filter((x): x is HTMLElement => Boolean(x)),
    );
    place(root, [skipLinks(main), headerView(ctx), main]);
    // (not again when it has it: focus() lays the page out there and then, in the edit's own task)
    const again = focused ? document.getElementById(focused) : null;
    if (again !== document.activeElement) again?.focus();
    state = ctx.state;
  };
  render();
}

if (typeof document === 'undefined') {
  startWorker(self);
  routeJobs(self);
} else startPage(document.currentScript?.textContent ?? '');
