// Exchanging two days in the calendar, by mouse (drag a duty onto another day's) or by keyboard
// (Space or Enter picks a duty up, arrows choose the other day, Enter drops, Escape cancels). While a
// duty is held, every other duty of the month shows the rule the exchange would break, judged in the
// worker by the same check `rota swap` makes (src/web/judge.ts); the drawn table is changed in place.
import { changeLine } from '../core/replan/diff.js';
import type { DutyRef, SwapResult, SwapVerdict } from '../core/replan/swap.js';
import type { Ctx } from './context.js';
import { h } from './dom.js';
import { record } from './history.js';
import { judgeFor } from './judge.js';
import { todayOf } from './state.js';

interface Held {
  from: HTMLElement;
  verdicts: Map<HTMLElement, SwapVerdict>;
  target?: HTMLElement;
}

let held: Held | undefined;

const chipsOf = (table: HTMLElement) => [...table.querySelectorAll<HTMLElement>('button.duty')];
const refOf = (ctx: Ctx, chip: HTMLElement): DutyRef => {
  const d = ctx.state.current![Number(chip.dataset.i)];
  return { date: d.date, name: d.name };
};
const label = (ctx: Ctx, chip: HTMLElement) => {
  const d = ctx.state.current![Number(chip.dataset.i)];
  return `${d.date}（${d.weekday}）${d.kind} ${d.name}`;
};
const rules = (v: Extract<SwapVerdict, { violations: unknown }>) => [...new Set(v.violations.map((x) => `「${x.sentence}」`))].join('');

/** What a target shows, and what is said of it. */
function verdictText(v: SwapVerdict | undefined): { short: string; said: string } {
  if (!v) return { short: '', said: '正在核对 checking' };
  if ('message' in v) return { short: '✗ 不可', said: `不可 not allowed：${v.message}` };
  if (v.status === 'ok') return { short: '✓ 可对调', said: '可以对调 allowed' };
  return { short: `✗ 违反${rules(v)}`, said: `不可：违反${rules(v)} ${v.violations.map((x) => x.message).join('；')}` };
}

function say(text: string): void {
  const live = document.getElementById('month-live');
  if (live) live.textContent = text;
}

function mark(chip: HTMLElement, v: SwapVerdict): void {
  chip.dataset.verdict = v.status === 'ok' ? 'ok' : 'bad';
  chip.querySelector('.verdict')?.remove();
  chip.append(h('span', { class: 'verdict' }, ` ${verdictText(v).short}`));
}

function clean(table: HTMLElement): void {
  for (const c of chipsOf(table)) {
    c.classList.remove('held', 'target');
    delete c.dataset.verdict;
    c.removeAttribute('aria-pressed');
    c.querySelector('.verdict')?.remove();
  }
}

function lift(ctx: Ctx, table: HTMLElement, chip: HTMLElement): void {
  if (held) clean(table);
  const me: Held = { from: chip, verdicts: new Map() };
  held = me;
  chip.classList.add('held');
  chip.setAttribute('aria-pressed', 'true');
  say(`已拿起 picked up ${label(ctx, chip)}。用方向键选另一天，回车放下，Esc 取消。`);
  const { config } = ctx;
  if (!config) return;
  const targets = chipsOf(table).filter((c) => c !== chip);
  judgeFor(ctx.source, config, ctx.state.files)
    .verdicts(
      ctx.state.current!,
      refOf(ctx, chip),
      targets.map((c) => refOf(ctx, c)),
      todayOf(ctx.state),
    )
    .then(
      (verdicts) => {
        if (held !== me) return;
        targets.forEach((c, i) => {
          me.verdicts.set(c, verdicts[i]);
          mark(c, verdicts[i]);
        });
        if (me.target) aim(ctx, me.target);
      },
      () => {},
    );
}

function aim(ctx: Ctx, chip: HTMLElement): void {
  if (!held || chip === held.from) return;
  held.target?.classList.remove('target');
  held.target = chip;
  chip.classList.add('target');
  say(`对调到 exchange with ${label(ctx, chip)}：${verdictText(held.verdicts.get(chip)).said}`);
}

function cancel(ctx: Ctx, table: HTMLElement): void {
  const from = held?.from;
  held = undefined;
  clean(table);
  from?.focus();
  if (from) say(`已放回 cancelled ${label(ctx, from)}`);
}

/** What the exchange did, as the page says it; the duty moved keeps the focus on its new day. */
function done(ctx: Ctx, a: DutyRef, b: DutyRef, r: SwapResult): void {
  if (r.status !== 'ok') {
    const why =
      r.status === 'broken'
        ? `违反${[...new Set(r.violations.map((x) => `「${x.sentence}」`))].join('')}：${r.violations.map((x) => x.message).join('；')}`
        : r.message;
    ctx.show((ui) => {
      ui.message = { text: `不能对调 this exchange is refused：${why}`, alert: true, at: 'month' };
      ui.focus = 'message';
    });
    return;
  }
  const timetable = r.timetable.map(({ source: _s, ...x }) => x);
  const n = timetable.filter((d) => d.date === b.date).findIndex((d) => d.name === a.name);
  const warn = r.quotaWarnings.map((w) => `${w.name}（${w.institution}）${w.period} 将只有 ${w.count} 次，应不少于 ${w.min} 次`).join('；');
  ctx.ui.message = {
    text: `已对调 exchanged：${r.changes.map(changeLine).join('；')}${warn ? `（提醒 note：${warn}）` : ''}`,
    alert: false,
    at: 'month',
  };
  ctx.ui.monthCursor = `m-${b.date}-${Math.max(0, n)}`;
  ctx.ui.focus = ctx.ui.monthCursor;
  record(ctx, `对调 ${a.date} ${a.name} ⇄ ${b.date} ${b.name}`, (s) => {
    s.current = timetable;
    s.step = 'edit';
    s.replan = undefined;
  });
}

function drop(ctx: Ctx, table: HTMLElement, chip: HTMLElement): void {
  const from = held?.from;
  held = undefined;
  clean(table);
  if (!from || chip === from || !ctx.config) return;
  const a = refOf(ctx, from);
  const b = refOf(ctx, chip);
  say(`正在对调 exchanging ${label(ctx, from)} ⇄ ${label(ctx, chip)}`);
  judgeFor(ctx.source, ctx.config, ctx.state.files)
    .swap(ctx.state.current!, { kind: 'swap', a, b }, todayOf(ctx.state))
    .then(
      (r) => done(ctx, a, b, r),
      (e: Error) => ctx.show((ui) => void (ui.message = { text: e.message, alert: true, at: 'month' })),
    );
}

/** The chip the arrow key goes to: the next or previous one, or the first of the day a week away. */
function next(table: HTMLElement, from: HTMLElement, key: string): HTMLElement | undefined {
  const chips = chipsOf(table);
  const i = chips.indexOf(from);
  if (key === 'ArrowRight') return chips[i + 1];
  if (key === 'ArrowLeft') return chips[i - 1];
  const cell = from.closest('td')!;
  const row = cell.parentElement as HTMLTableRowElement;
  const rows = [...row.parentElement!.children] as HTMLTableRowElement[];
  const step = key === 'ArrowDown' ? 1 : -1;
  for (let r = rows.indexOf(row) + step; r >= 0 && r < rows.length; r += step) {
    const c = rows[r].cells[cell.cellIndex].querySelector<HTMLElement>('button.duty');
    if (c) return c;
  }
  return undefined;
}

function moveTo(ctx: Ctx, from: HTMLElement, to: HTMLElement): void {
  from.tabIndex = -1;
  to.tabIndex = 0;
  to.focus();
  ctx.ui.monthCursor = to.id;
  if (held) aim(ctx, to);
}

export function dragKeys(ctx: Ctx, table: HTMLElement): void {
  table.addEventListener('keydown', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('button.duty');
    if (!chip) return;
    if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      const to = next(table, chip, e.key);
      if (to) moveTo(ctx, chip, to);
    } else if (e.key === 'Escape' && held) {
      e.preventDefault();
      cancel(ctx, table);
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (!held) lift(ctx, table, chip);
      else if (chip === held.from) cancel(ctx, table);
      else drop(ctx, table, chip);
    }
  });
}

export function dragMouse(ctx: Ctx, table: HTMLElement): void {
  table.addEventListener('dragstart', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('button.duty');
    if (!chip) return;
    e.dataTransfer?.setData('text/plain', chip.id);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    lift(ctx, table, chip);
  });
  table.addEventListener('dragover', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('button.duty');
    if (!held || !chip || chip === held.from) return;
    e.preventDefault();
    if (held.target !== chip) aim(ctx, chip);
  });
  table.addEventListener('drop', (e) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('button.duty');
    if (!held || !chip) return;
    e.preventDefault();
    drop(ctx, table, chip);
  });
  table.addEventListener('dragend', () => {
    if (held) cancel(ctx, table);
  });
}
