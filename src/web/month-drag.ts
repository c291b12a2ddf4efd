// Changing the calendar by moving a duty: onto another day's duty (the two are exchanged), onto a
// leader of the list beside the calendar (换人: he or she takes the day), onto 上个月/下个月 (the
// month turns and the duty stays held, so it is exchanged across months as within one).
// Mouse: drag, or click a duty to pick it up and click where it goes (no dragging needed). Keyboard:
// Space or Enter picks up, arrows choose another day, PageUp/PageDown turn the month, Tab reaches the
// leaders, Enter drops, Escape cancels. While a duty is held every other duty shown and every leader
// shows the rule the change would break, judged in the worker by the check `rota swap` makes
// (src/web/judge.ts); the worker answers with the rows changed, taken in as one edit (history.ts).
import { leaderKey } from '../core/leaders.js';
import { changeLine } from '../core/replan/diff.js';
import type { DutyRef, SubstituteChoice, SwapRequest, SwapVerdict } from '../core/replan/swap.js';
import type { Duty, Leader } from '../core/types.js';
import type { Ctx } from './context.js';
import { h } from './dom.js';
import { record } from './history.js';
import { judgeFor } from './judge.js';
import type { Live } from './month-view.js';
import { applyPatch } from './patch.js';
import { todayOf } from './state.js';
import { refusalForPage } from './words.js';
import type { SwapAnswer } from './worker.js';

interface Held {
  /** The timetable it was picked up from: an edit since lets it go. */
  of: Duty[];
  row: number;
  /** What exchanging it with each duty (by dutyKey) would break, asked month by month as they are shown. */
  verdicts: Map<string, SwapVerdict>;
  asked: Set<string>;
  /** What putting each leader (by leaderKey) on its day would break. */
  leaders?: Map<string, SubstituteChoice>;
  /** The element id of where it would go (a duty or a leader). */
  target?: string;
  /** Dropped on the month navigation: still held when the drag ends, for a click or a key to drop it. */
  kept?: boolean;
}

let held: Held | undefined;

export const isHeld = (): boolean => Boolean(held);

/** A drag over 上个月/下个月 this long turns the month (the drag goes on in the new month). */
const SPRING_MS = 600;

const dutyKey = (d: Duty) => `${d.date}\u0000${d.name}`;
const refOf = (d: Duty): DutyRef => ({ date: d.date, name: d.name });
const chips = () => [...document.querySelectorAll<HTMLElement>('#month-grid button.duty')];
const leaderButtons = () => [...document.querySelectorAll<HTMLElement>('#month-leaders button.leader')];
const dutyOf = (ctx: Ctx, chip: HTMLElement) => ctx.state.current![Number(chip.dataset.i)];
const leaderOf = (ctx: Ctx, b: HTMLElement) => ctx.round?.leaders.find((l) => leaderKey(l) === b.dataset.leader);
const label = (d: Duty) => `${d.date}（${d.weekday}）${d.kind} ${d.name}`;
const rules = (violations: Array<{ sentence: string }>) => [...new Set(violations.map((x) => `「${x.sentence}」`))].join('');
const judgeOf = (ctx: Ctx) => (ctx.config ? judgeFor(ctx.source, ctx.config, ctx.state.files) : undefined);

type Shown = { ok?: boolean; short: string; said: string };

/** What a duty shows while another is held, and what is said of it. */
function dutyVerdict(v: SwapVerdict | undefined): Shown {
  if (!v) return { short: '', said: '正在核对 checking' };
  if ('message' in v) return { ok: false, short: '✗ 不可', said: `不可 not allowed：${refusalForPage(v.message)}` };
  if (v.status === 'ok') return { ok: true, short: '✓ 可对调', said: '可以对调 allowed' };
  return {
    ok: false,
    short: `✗ 违反${rules(v.violations)}`,
    said: `不可：违反${rules(v.violations)} ${v.violations.map((x) => x.message).join('；')}`,
  };
}

/** What a leader shows while a duty is held. */
function leaderVerdict(h: Held, l: Leader): Shown {
  const d = h.of[h.row];
  if (leaderKey(l) === leaderKey(d)) return { short: '（本人）', said: '就是这一天的值班领导 already on this duty' };
  const c = h.leaders?.get(leaderKey(l));
  if (!c) return { short: '', said: '正在核对 checking' };
  if (!c.violations.length) return { ok: true, short: '✓ 可换', said: '可以换人 allowed' };
  return {
    ok: false,
    short: `✗ 违反${rules(c.violations)}`,
    said: `不可：违反${rules(c.violations)} ${c.violations.map((x) => x.message).join('；')}`,
  };
}

function say(text: string): void {
  const live = document.getElementById('month-live');
  if (live) live.textContent = text;
}

function paint(el: HTMLElement, s: Shown | undefined): void {
  if (s?.ok === undefined) delete el.dataset.verdict;
  else el.dataset.verdict = s.ok ? 'ok' : 'bad';
  const span = el.querySelector('.verdict');
  if (!s?.short) span?.remove();
  else (span ?? el.appendChild(h('span', { class: 'verdict' }))).textContent = ` ${s.short}`;
}

/** The held duty, its target and every verdict known, on the duties and leaders shown (all cleared when nothing is held). */
function markAll(ctx: Ctx): void {
  for (const c of chips()) {
    const mine = held?.row === Number(c.dataset.i);
    c.classList.toggle('held', mine);
    c.classList.toggle('target', Boolean(held) && held?.target === c.id);
    if (mine) c.setAttribute('aria-pressed', 'true');
    else c.removeAttribute('aria-pressed');
    paint(c, held && !mine ? dutyVerdict(held.verdicts.get(dutyKey(dutyOf(ctx, c)))) : undefined);
  }
  for (const b of leaderButtons()) {
    const l = leaderOf(ctx, b);
    b.classList.toggle('target', Boolean(held) && held?.target === b.id);
    paint(b, held && l ? leaderVerdict(held, l) : undefined);
  }
}

/** What is said of the target. */
function sayTarget(ctx: Ctx): void {
  const el = held?.target ? document.getElementById(held.target) : null;
  if (!held || !el) return;
  if (el.matches('button.leader')) {
    const l = leaderOf(ctx, el);
    if (l) say(`换成 substitute ${l.name}（${l.institution}）：${leaderVerdict(held, l).said}`);
  } else {
    const d = dutyOf(ctx, el);
    say(`对调到 exchange with ${label(d)}：${dutyVerdict(held.verdicts.get(dutyKey(d))).said}`);
  }
}

/** The verdicts of the duties shown not yet asked of the worker (a month turned while holding asks again). */
function askShown(ctx: Ctx): void {
  const me = held;
  const judge = judgeOf(ctx);
  if (!me || !judge) return;
  const mine = dutyKey(me.of[me.row]);
  const targets = chips()
    .map((c) => dutyOf(ctx, c))
    .filter((d) => dutyKey(d) !== mine && !me.asked.has(dutyKey(d)));
  if (!targets.length) return;
  for (const d of targets) me.asked.add(dutyKey(d));
  judge.verdicts(me.of, refOf(me.of[me.row]), targets.map(refOf), todayOf(ctx.state)).then(
    (verdicts) => {
      for (const [i, d] of targets.entries()) me.verdicts.set(dutyKey(d), verdicts[i]);
      if (held !== me) return;
      markAll(ctx);
      sayTarget(ctx);
    },
    () => {},
  );
}

function lift(ctx: Ctx, chip: HTMLElement): void {
  const me: Held = { of: ctx.state.current!, row: Number(chip.dataset.i), verdicts: new Map(), asked: new Set() };
  held = me;
  say(`已拿起 picked up ${label(me.of[me.row])}。用方向键选另一天（PageUp/PageDown 翻月），回车放下；或按 Tab 到领导名单换人；Esc 取消。`);
  markAll(ctx);
  askShown(ctx);
  judgeOf(ctx)
    ?.choices(me.of, refOf(me.of[me.row]))
    .then(
      (list) => {
        me.leaders = new Map(list.map((c) => [leaderKey(c.leader), c]));
        if (held !== me) return;
        markAll(ctx);
        sayTarget(ctx);
      },
      () => {},
    );
}

function aim(ctx: Ctx, el: HTMLElement): void {
  if (!held || held.row === Number(el.dataset.i ?? -1)) return;
  held.target = el.id;
  for (const x of [...chips(), ...leaderButtons()]) x.classList.toggle('target', x === el);
  sayTarget(ctx);
}

function cancel(ctx: Ctx): void {
  const me = held;
  held = undefined;
  markAll(ctx);
  if (!me) return;
  document.querySelector<HTMLElement>(`#month-grid button.duty[data-i="${me.row}"]`)?.focus();
  say(`已放回 cancelled ${label(me.of[me.row])}`);
}

/** The held duty let go of, when it still belongs to the timetable shown. */
function release(ctx: Ctx): Duty | undefined {
  const me = held;
  held = undefined;
  markAll(ctx);
  return me && me.of === ctx.state.current ? me.of[me.row] : undefined;
}

function exchange(ctx: Ctx, chip: HTMLElement): void {
  const a = release(ctx);
  const b = dutyOf(ctx, chip);
  if (!a || a === b) return;
  say(`正在对调 exchanging ${label(a)} ⇄ ${label(b)}`);
  change(
    ctx,
    { kind: 'swap', a: refOf(a), b: refOf(b) },
    { verb: '对调 exchange', label: `对调 ${a.date} ${a.name} ⇄ ${b.date} ${b.name}`, date: b.date, name: a.name },
  );
}

function substitute(ctx: Ctx, l: Leader): void {
  const a = release(ctx);
  if (!a) return;
  say(`正在换人 substituting ${label(a)} → ${l.name}`);
  change(
    ctx,
    { kind: 'substitute', a: refOf(a), name: l.name, institution: l.institution },
    { verb: '换人 substitute', label: `换人 ${a.date} ${a.name} → ${l.name}`, date: a.date, name: l.name },
  );
}

/** What a change is called, and the duty that takes the focus after it (its date and leader). */
interface What {
  verb: string;
  label: string;
  date: string;
  name: string;
}

/** The change judged and made in the worker (as `rota swap`); its rows taken in as one edit, or the refusal said. */
function change(ctx: Ctx, request: SwapRequest, what: What): void {
  const timetable = ctx.state.current!;
  judgeOf(ctx)
    ?.swap(timetable, request, todayOf(ctx.state))
    .then(
      (r) => take(ctx, timetable, r, what),
      (e: Error) => ctx.show((ui) => void (ui.message = { text: e.message, alert: true, at: 'month' })),
    );
}

function take(ctx: Ctx, timetable: Duty[], r: SwapAnswer, what: What): void {
  const rows = r.status === 'ok' && ctx.state.current === timetable ? applyPatch(timetable, r.patch, false) : undefined;
  const [zh, en] = what.verb.split(' ');
  if (!rows) {
    const why =
      r.status === 'broken'
        ? `违反${rules(r.violations)}：${r.violations.map((x) => x.message).join('；')}`
        : r.status === 'invalid'
          ? refusalForPage(r.message ?? '')
          : '时间表在核对期间已经改变，请再试一次。The timetable changed meanwhile; try again.';
    ctx.show((ui) => {
      ui.message = { text: `不能${zh} this ${en} is refused：${why}`, alert: true, at: 'month' };
      ui.focus = 'message';
    });
    return;
  }
  const n = rows.filter((d) => d.date === what.date).findIndex((d) => d.name === what.name);
  const warn = r.quotaWarnings.map((w) => `${w.name}（${w.institution}）${w.period} 将只有 ${w.count} 次，应不少于 ${w.min} 次`).join('；');
  ctx.ui.message = {
    text: `已${zh} ${en}d：${r.changes.map(changeLine).join('；')}${warn ? `（提醒 note：${warn}）` : ''}`,
    alert: false,
    at: 'month',
  };
  ctx.ui.month = what.date.slice(0, 7);
  ctx.ui.monthCursor = `m-${what.date}-${Math.max(0, n)}`;
  ctx.ui.focus = ctx.ui.monthCursor;
  record(ctx, what.label, (s) => {
    s.current = rows;
    s.step = 'edit';
    s.replan = undefined;
  });
}

/** After each redraw: a duty held over an edit is let go; otherwise the month shown gets its verdicts. */
export function heldRedrawn(ctx: Ctx): void {
  if (held && held.of !== ctx.state.current) {
    held = undefined;
    markAll(ctx);
  }
  if (!held) return;
  markAll(ctx);
  askShown(ctx);
}

/** The duty the arrow key goes to: the next or previous one, or the first of the day a week away. */
function next(table: HTMLElement, from: HTMLElement, key: string): HTMLElement | undefined {
  const all = chips();
  const i = all.indexOf(from);
  if (key === 'ArrowRight') return all[i + 1];
  if (key === 'ArrowLeft') return all[i - 1];
  const cell = from.closest('td')!;
  const row = cell.parentElement as HTMLTableRowElement;
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const step = key === 'ArrowDown' ? 1 : -1;
  for (let r = rows.indexOf(row) + step; r >= 0 && r < rows.length; r += step) {
    const c = rows[r].cells[cell.cellIndex].querySelector<HTMLElement>('button.duty');
    if (c) return c;
  }
  return undefined;
}

/** Keys in the month: arrows move, PageUp/PageDown turn the month, Escape cancels. Space and Enter click. */
export function dragKeys(live: Live, table: HTMLElement, turn: (n: number) => void): void {
  table.addEventListener('keydown', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('button.duty');
    if (!chip) return;
    if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      const to = next(table, chip, e.key);
      to?.focus();
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      turn(e.key === 'PageDown' ? 1 : -1);
    } else if (e.key === 'Escape' && held) {
      e.preventDefault();
      cancel(live.ctx);
    }
  });
}

/** The duty focused (by arrow, Tab, click or a turned month) is the month's one tab stop, and the target of the one held. */
export function dragFocus(live: Live, table: HTMLElement): void {
  table.addEventListener('focusin', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('button.duty');
    if (!chip) return;
    for (const c of chips()) c.tabIndex = c === chip ? 0 : -1;
    live.ctx.ui.monthCursor = chip.id;
    aim(live.ctx, chip);
  });
}

/** A click (or Space, Enter) picks a duty up, drops the held one on it, or puts it back; dragging does the same. */
export function dragMouse(live: Live, table: HTMLElement): void {
  const chipOf = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>('button.duty');
  table.addEventListener('click', (e) => {
    const chip = chipOf(e);
    if (!chip) return;
    if (!held) lift(live.ctx, chip);
    else if (held.row === Number(chip.dataset.i)) cancel(live.ctx);
    else exchange(live.ctx, chip);
  });
  table.addEventListener('dragstart', (e) => {
    const chip = chipOf(e);
    if (!chip) return;
    e.dataTransfer?.setData('text/plain', chip.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    lift(live.ctx, chip);
  });
  table.addEventListener('dragover', (e) => {
    const chip = chipOf(e);
    if (!held || !chip || held.row === Number(chip.dataset.i)) return;
    e.preventDefault();
    if (held.target !== chip.id) aim(live.ctx, chip);
  });
  table.addEventListener('drop', (e) => {
    const chip = chipOf(e);
    if (!held || !chip) return;
    e.preventDefault();
    exchange(live.ctx, chip);
  });
  // (on the table the duty was dragged from, which a turned month has replaced: the listener is still there)
  table.addEventListener('dragend', () => {
    if (held && !held.kept) cancel(live.ctx);
  });
}

/** 上个月/下个月 as drop targets: dropped on, the month turns and the duty stays held; dragged over a while, the month turns under the drag. */
export function dragTurn(button: HTMLElement, go: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  button.addEventListener('dragover', (e) => {
    if (!held) return;
    e.preventDefault();
    timer ??= setTimeout(() => {
      stop();
      go();
    }, SPRING_MS);
  });
  button.addEventListener('dragleave', stop);
  button.addEventListener('drop', (e) => {
    if (!held) return;
    e.preventDefault();
    stop();
    held.kept = true;
    go();
    say(`已翻月，仍拿着 still holding ${label(held.of[held.row])}：点一天的值班或一位领导放下，Esc 取消。`);
  });
}

/** The leaders beside the calendar as drop targets (换人); with nothing held, a click finds the leader's days. */
export function dragLeaders(live: Live, list: HTMLElement): void {
  const leaderAt = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>('button.leader');
  list.addEventListener('click', (e) => {
    const b = leaderAt(e);
    const l = b && leaderOf(live.ctx, b);
    if (!b || !l) return;
    if (held) substitute(live.ctx, l);
    else
      live.ctx.show((ui) => {
        ui.search = l.name;
        ui.focus = b.id;
      });
  });
  list.addEventListener('focusin', (e) => {
    const b = leaderAt(e);
    if (!b) return;
    for (const x of leaderButtons()) x.tabIndex = x === b ? 0 : -1;
    if (held) aim(live.ctx, b);
  });
  list.addEventListener('dragover', (e) => {
    const b = leaderAt(e);
    if (!held || !b) return;
    e.preventDefault();
    if (held.target !== b.id) aim(live.ctx, b);
  });
  list.addEventListener('drop', (e) => {
    const b = leaderAt(e);
    const l = b && leaderOf(live.ctx, b);
    if (!held || !l) return;
    e.preventDefault();
    substitute(live.ctx, l);
  });
  list.addEventListener('keydown', (e) => {
    const all = leaderButtons();
    const i = all.indexOf(e.target as HTMLElement);
    const to = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, to))]?.focus();
    } else if (e.key === 'Escape' && held) {
      e.preventDefault();
      cancel(live.ctx);
    }
  });
}
