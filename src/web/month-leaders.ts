// The round's leaders beside the month calendar: a duty dropped on one puts him or her on that day
// (换人, judged and made as `rota swap --with`, src/web/month-drag.ts); while a duty is held each
// shows the rule that would break. With nothing held, a click finds the leader's days in the month.
// One tab stop (arrow keys move inside), as the calendar is, so 导出 stays a few Tabs from 排班.
import { leaderKey } from '../core/leaders.js';
import { h } from './dom.js';
import { dragLeaders } from './month-drag.js';
import type { Live } from './month-view.js';

export function leaderList(live: Live): HTMLElement {
  const leaders = live.ctx.round?.leaders ?? [];
  const list = h(
    'ul',
    { id: 'month-leaders', 'aria-labelledby': 'month-leaders-h' },
    ...leaders.map((l, i) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'leader', id: `leader-${i}`, 'data-leader': leaderKey(l), tabindex: i ? -1 : 0 },
          h('span', { class: 'who' }, l.name),
          ' ',
          h('span', { class: 'org' }, `${l.institution} ${l.title}`),
        ),
      ),
    ),
  );
  dragLeaders(live, list);
  return h(
    'div',
    { class: 'month-side' },
    h('h3', { id: 'month-leaders-h' }, '领导 换人 Leaders'),
    h(
      'p',
      { class: 'hint' },
      '把值班拖到一位领导上即由其接替（键盘：拿起后 Tab 到这里，上下键选人，回车）；未拿起值班时，点领导即查找其值班。Drop a duty on a leader to substitute (keys: Tab here, arrows, Enter).',
    ),
    list,
  );
}
