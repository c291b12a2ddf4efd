// The page's title, the promise that nothing leaves the PC, and the button that forgets everything:
// it asks first, and what it forgot can be put back (撤销) until the page is closed.
import type { Ctx } from './context.js';
import { h, messageView } from './dom.js';
import { projectView } from './project-view.js';
import { type AppState, clearState, emptyState } from './state.js';

const EMPTY: Partial<AppState> = {
  plan: undefined,
  baseline: undefined,
  current: undefined,
  replan: undefined,
  step: undefined,
  history: undefined,
};

function clear(ctx: Ctx): void {
  const before = structuredClone(ctx.state);
  clearState();
  ctx.show((ui) => {
    ui.confirmClear = false;
    ui.cleared = before;
    ui.editing = undefined;
    ui.message = { text: '已清除全部内容。可按「撤销」恢复。Everything was cleared; 撤销 puts it back.', alert: false, at: 'clear' };
    ui.focus = 'undo-clear';
  });
  ctx.update((s) => Object.assign(s, emptyState(), EMPTY));
}

function undo(ctx: Ctx): void {
  const before = ctx.ui.cleared;
  if (!before) return;
  ctx.show((ui) => {
    ui.cleared = undefined;
    ui.message = { text: '已恢复 restored', alert: false, at: 'clear' };
    ui.focus = 'clear';
  });
  ctx.update((s) => Object.assign(s, EMPTY, before));
}

function clearControls(ctx: Ctx): HTMLElement {
  const { ui } = ctx;
  const button = (id: string, text: string, en: string, onclick: () => void) =>
    h('button', { type: 'button', id, onclick }, `${text} `, h('span', { lang: 'en' }, en));
  if (ui.confirmClear) {
    return h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-clear' },
      h('p', { id: 'confirm-clear' }, '清除全部文件、设置、安排表和调整？清除后在关闭页面前仍可撤销。Clear everything?'),
      button('confirm-clear-yes', '确定清除', 'clear everything', () => clear(ctx)),
      button('confirm-clear-no', '取消', 'keep', () =>
        ctx.show((u) => {
          u.confirmClear = false;
          u.focus = 'clear';
        }),
      ),
    );
  }
  return h(
    'div',
    {},
    button('clear', '清除', 'clear all', () =>
      ctx.show((u) => {
        u.confirmClear = true;
        u.focus = 'confirm-clear-no';
      }),
    ),
    ui.cleared ? button('undo-clear', '撤销', 'undo clear', () => undo(ctx)) : undefined,
    messageView(ui.message, 'clear'),
  );
}

export function headerView(ctx: Ctx): HTMLElement {
  return h(
    'header',
    {},
    h('h1', {}, '排班助手 ', h('span', { lang: 'en' }, 'rota')),
    h(
      'p',
      {},
      '领导干部接访、下访排班：选择名单，排班，调整，导出。所有数据只在本机处理，不会发送到任何地方；浏览器只在本标签页中保留（刷新不丢），要长期保存、备份或换电脑，请「保存项目」得到 .rota 文件。',
      h(
        'span',
        { lang: 'en' },
        ' Nothing is sent anywhere; the browser keeps the work in this tab only: 保存项目 gives the .rota file to keep.',
      ),
    ),
    projectView(ctx),
    clearControls(ctx),
  );
}
