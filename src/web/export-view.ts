// Step 5: the files the CLI writes, byte for byte. They are made in the page's kept Web Worker
// (src/web/export-job.ts): the page only sends the state and starts the downloads, so a township
// year's publication does not freeze it. The CSV is UTF-8 with BOM (GB18030 needs the CLI).
import type { OutFile } from '../io/atomic-write.js';
import type { Ctx } from './context.js';
import { h, messageView, section, showThenFocus } from './dom.js';
import type { ExportFile } from './export-job.js';
import { runJob } from './jobs.js';
import { officeView } from './office-view.js';
import { todayOf } from './state.js';

/** The files of the export, made in the worker, or the sentence saying why there are none. */
function filesOf(ctx: Ctx): Promise<ExportFile[] | string> {
  const { state, round } = ctx;
  if (!round || !state.current || !state.baseline) return Promise.resolve([]);
  const { step, current, baseline, plan, replan } = state;
  const input = { config: round.config, files: state.files, configFile: ctx.configFile, officeMissing: ctx.officeMissing };
  return runJob(ctx.source, 'export', { ...input, state: { step, current, baseline, plan, replan }, today: todayOf(state) });
}

export function download(f: OutFile): void {
  const type = f.path.endsWith('.html')
    ? 'text/html'
    : f.path.endsWith('.ics')
      ? 'text/calendar'
      : f.path.endsWith('.json')
        ? 'application/json'
        : 'text/plain';
  const url = URL.createObjectURL(new Blob([f.content as BlobPart], { type }));
  const a = h('a', { href: url, download: f.path.split('/').pop() ?? f.path, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Late: a busy PC may start the download seconds after the click, and a revoked URL fails it.
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
}

async function exportFiles(ctx: Ctx, pick: (path: string) => boolean, what: string): Promise<void> {
  const all = await filesOf(ctx).catch((e: Error) => `排班助手内部错误 internal error：${e.message}`);
  // Focus stays on the button (made anew by the redraw), given back after the page is laid out.
  const button = document.activeElement?.id ?? '';
  if (typeof all === 'string') {
    showThenFocus(
      ctx,
      (ui) => {
        ui.message = { text: `未导出 nothing exported：${all}`, alert: true, at: 'export' };
      },
      button,
    );
    return;
  }
  const files = all.filter((f) => pick(f.path));
  // One at a time, a moment apart: Chromium drops some of many downloads started in the same instant.
  for (const [i, f] of files.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 300));
    download({ path: f.path, content: f.bytes });
  }
  showThenFocus(
    ctx,
    (ui) => {
      ui.message = { text: `已导出 exported ${what}：${files.map((f) => f.path).join('、')}`, alert: false, at: 'export' };
    },
    button,
  );
}

export function exportView(ctx: Ctx): HTMLElement | undefined {
  if (!ctx.state.current?.length || !ctx.round) return undefined;
  const button = (id: string, text: string, pick: (p: string) => boolean) =>
    h('button', { type: 'button', id, onclick: () => void exportFiles(ctx, pick, text) }, text);
  const edited = ctx.state.step !== 'plan';
  return section(
    'export',
    '5 导出 Export',
    h(
      'p',
      {},
      '与命令行 rota 写出的文件逐字节相同；CSV 为带 BOM 的 UTF-8（Excel、WPS 可直接打开；GB18030 请用命令行）。The same bytes as the CLI writes; CSV in UTF-8 with BOM.',
    ),
    officeView(ctx),
    h(
      'p',
      { class: 'actions' },
      button('export-csv', '导出 CSV', (p) => p === 'timetable.csv'),
      button('export-html', '导出网页', (p) => p === 'timetable.html'),
      button('export-ics', '导出日历', (p) => p === 'timetable.ics'),
      button('export-leader-ics', '导出各人日历', (p) => p.startsWith('ics/')),
      button('export-json', '导出 JSON', (p) => p === 'timetable.json'),
      edited ? button('export-notice', '导出调整公告', (p) => p.startsWith('change-notice.')) : undefined,
    ),
    messageView(ctx.ui.message, 'export'),
  );
}
