// The clerk's own project file: 保存 downloads one .rota file (JSON) with everything the page holds —
// settings, the lists picked, the plan, the edits, 今天 and the publication baseline with its log —
// and 打开 reads one back, in this tab or on another PC. It is the copy to keep, send and back up;
// the browser keeps the work only in this tab (src/web/state.ts).
import { problem } from '../core/messages.js';
import { formatProblem } from '../core/problems.js';
import { locate } from '../io/config-parse.js';
import type { Ctx } from './context.js';
import { h, messageView } from './dom.js';
import { download } from './export-view.js';
import { type AppState, emptyState, stateFromJson, stateJson } from './state.js';

const FORMAT = 'rota-project';

/** A new project's id: random, so two projects never share one. */
export function newProjectId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function save(ctx: Ctx): void {
  if (!ctx.state.project) ctx.state.project = newProjectId();
  const text = `{"format":"${FORMAT}","version":1,"state":${stateJson(ctx.state)}}\n`;
  const name = `${(ctx.round?.config.title ?? '排班').replace(/[\\/:*?"<>|]/g, '_')}.rota`;
  download({ path: name, content: new TextEncoder().encode(text) });
  ctx.show((ui) => {
    ui.message = { text: `已保存 saved ${name}（含名单和联系电话，请妥善保管）`, alert: false, at: 'project' };
    ui.focus = 'message';
  });
}

/** The state in a .rota file's text, or the problem with its file, line and field. */
export function projectFrom(text: string, file: string): { state?: AppState; problem?: string } {
  const bad = (detail: string, at: { line?: number; field?: string }) =>
    formatProblem(problem('project.unreadable', { detail }, { file, ...at }));
  let raw: { format?: unknown; state?: unknown };
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problem: bad((e as Error).message, { line: locate(text, (e as Error).message)?.line }) };
  }
  if (raw?.format !== FORMAT) return { problem: bad('不是 rota 的项目文件 not a rota project', { field: 'format' }) };
  const state = raw.state && typeof raw.state === 'object' ? stateFromJson(JSON.stringify(raw.state)) : undefined;
  if (!state || !Array.isArray(state.files)) return { problem: bad('没有 "state" not a project state', { field: 'state' }) };
  return { state: { ...emptyState(), ...state } };
}

async function open(ctx: Ctx, list: FileList | null): Promise<void> {
  const f = list?.[0];
  if (!f) return;
  const read = projectFrom(await f.text(), f.name);
  ctx.show((ui) => {
    ui.message = read.state
      ? { text: `已打开项目 opened ${f.name}`, alert: false, at: 'project' }
      : { text: `无法打开 cannot open：${read.problem}`, alert: true, at: 'project' };
    ui.focus = 'message';
    ui.editing = undefined;
    ui.cleared = undefined;
  });
  if (!read.state) return;
  const opened = read.state;
  ctx.update((s) => {
    for (const k of Object.keys(s) as Array<keyof AppState>) delete s[k];
    Object.assign(s, opened, { project: opened.project ?? newProjectId() });
  });
}

export function projectView(ctx: Ctx): HTMLElement {
  return h(
    'div',
    { class: 'project' },
    h('button', { type: 'button', id: 'save-project', onclick: () => save(ctx) }, '保存项目 ', h('span', { lang: 'en' }, 'save project')),
    h('label', { for: 'open-project' }, '打开项目'),
    h('span', { lang: 'en' }, ' open project (.rota) '),
    h('input', {
      type: 'file',
      id: 'open-project',
      accept: '.rota,application/json',
      onchange: (e) => void open(ctx, (e.target as HTMLInputElement).files),
    }),
    messageView(ctx.ui.message, 'project'),
  );
}
