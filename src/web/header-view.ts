// The page's title, the promise that nothing leaves the PC, and the button that forgets everything.
import type { Ctx } from './context.js';
import { h } from './dom.js';
import { clearState, emptyState } from './state.js';

export function headerView(ctx: Ctx): HTMLElement {
  return h(
    'header',
    {},
    h('h1', {}, '排班助手 ', h('span', { lang: 'en' }, 'rota')),
    h(
      'p',
      {},
      '领导干部接访、下访排班：选择名单，排班，调整，导出。所有数据只在本机浏览器中处理和保存，不会发送到任何地方。',
      h('span', { lang: 'en' }, ' Everything stays in this browser on this PC; nothing is sent anywhere.'),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'clear',
        onclick: () => {
          clearState();
          ctx.update((s) =>
            Object.assign(s, emptyState(), {
              plan: undefined,
              baseline: undefined,
              current: undefined,
              replan: undefined,
              step: undefined,
            }),
          );
        },
      },
      '清除 ',
      h('span', { lang: 'en' }, 'clear all'),
    ),
  );
}
