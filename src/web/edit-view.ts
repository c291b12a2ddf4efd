// Step 4: another leader for a day. Every leader is offered: the valid ones first, best first (the
// swap logic's own order), then the others with the rule each would break; choosing one that breaks
// a rule is refused with the rule's sentence, as `rota swap` refuses it.
import { swapDuties } from '../app/swap.js';
import { changeLine } from '../core/replan/diff.js';
import type { SwapResult } from '../core/replan/swap.js';
import type { Duty, Leader } from '../core/types.js';
import type { Ctx } from './context.js';
import { h, messageView } from './dom.js';

interface Choice {
  leader: Leader;
  result: SwapResult;
}

const keyOf = (l: Pick<Leader, 'name' | 'institution'>) => `${l.institution}\u0000${l.name}`;

/** Every other leader with the outcome of putting him or her on the day; valid first, best first. */
export function choicesFor(ctx: Ctx, d: Duty): Choice[] {
  const round = ctx.round!;
  const timetable = ctx.state.current ?? [];
  const others = round.leaders.filter((l) => keyOf(l) !== keyOf(d));
  const choices = others.map((leader) => ({
    leader,
    result: swapDuties(round, timetable, {
      kind: 'substitute',
      a: { date: d.date, name: d.name },
      name: leader.name,
      institution: leader.institution,
    }),
  }));
  const ranked = choices.find((c) => c.result.status === 'broken')?.result.alternatives.filter((a) => a.kind === 'substitute') ?? [];
  const rank = (c: Choice) => {
    const i = ranked.findIndex((a) => keyOf(a.leader) === keyOf(c.leader));
    return i < 0 ? ranked.length : i;
  };
  const ok = choices.filter((c) => c.result.status === 'ok').sort((a, b) => rank(a) - rank(b));
  return [...ok, ...choices.filter((c) => c.result.status !== 'ok')];
}

const ruleText = (r: SwapResult) => [...new Set(r.violations.map((v) => `违反「${v.sentence}」`))].join('；');

function apply(ctx: Ctx, choice: Choice | undefined): void {
  if (!choice) return;
  const r = choice.result;
  if (r.status !== 'ok') {
    const detail = r.status === 'invalid' ? (r.message ?? '') : `${ruleText(r)}：${r.violations.map((v) => v.message).join('；')}`;
    ctx.show((ui) => {
      ui.message = { text: `不能这样调整 this change breaks a rule：${detail}`, alert: true };
    });
    return;
  }
  ctx.show((ui) => {
    ui.editing = undefined;
    ui.message = { text: `已调整 applied：${r.changes.map(changeLine).join('；')}`, alert: false };
  });
  ctx.update((s) => {
    s.current = r.timetable.map(({ source: _s, ...x }) => x);
    s.step = 'edit';
    s.replan = undefined;
  });
}

export function editPanel(ctx: Ctx, d: Duty): HTMLElement {
  const choices = choicesFor(ctx, d);
  const id = 'substitute';
  return h(
    'div',
    { class: 'edit', role: 'group', 'aria-labelledby': 'edit-h' },
    h('h3', { id: 'edit-h' }, `调整 ${d.date}（${d.weekday}）${d.kind}：${d.name} change ${d.date}`),
    h('label', { for: id }, `改由 another leader`),
    h(
      'select',
      { id },
      ...choices.map((c, i) =>
        h(
          'option',
          { value: i },
          `${c.result.status === 'ok' ? '✓ 可以' : '✗ 不可'} ${c.leader.name}（${c.leader.institution}，${c.leader.title}）${c.result.status === 'ok' ? '' : `：${ruleText(c.result)}`}`,
        ),
      ),
    ),
    h(
      'button',
      { type: 'button', id: 'apply', onclick: () => apply(ctx, choices[Number((document.getElementById(id) as HTMLSelectElement).value)]) },
      '确定调整 apply',
    ),
    messageView(ctx.ui.message),
    h(
      'button',
      {
        type: 'button',
        id: 'close-edit',
        onclick: () =>
          ctx.show((ui) => {
            ui.editing = undefined;
          }),
      },
      '关闭 close',
    ),
  );
}
