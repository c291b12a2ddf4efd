// rota rollback: undo the last publication of a folder — the previous one (kept in `.<name>.rota/`)
// is published again as a new publication (SEQUENCE rising, a dated notice), and the one undone is
// kept, so a second rollback returns to it.
import type { Command } from 'commander';
import { reportProblems } from './exit.js';
import { reportWritten, writeOut } from './output.js';
import { todayOption } from './today.js';

export function registerRollback(cmd: Command): void {
  cmd
    .requiredOption('--out <dir>', '已发布的文件夹 the published folder to restore to its previous publication')
    .option('--today <date>', '今天的日期：此前的安排不能改动 days before it never change; default: today in Beijing time')
    .action(async (opts: { out: string; today?: string }) => {
      const [{ rollback }, { readBytes }] = await Promise.all([import('../app/publish-out.js'), import('../io/read-file.js')]);
      const r = await rollback(opts.out, todayOption(opts.today), readBytes);
      reportProblems(r.problems);
      reportWritten(r.written);
      const c = r.publication!.config;
      writeOut(
        `已恢复 ${opts.out} 的上一次发布（保存的第 ${r.generation} 份）：${c.title}（${c.from} 至 ${c.to}，${r.publication!.entry.date} 发布，第 ${r.publication!.entry.number} 次发布）。` +
          `Restored the previous publication of ${opts.out} (kept copy gen-${r.generation}) as publication ${r.publication!.entry.number}; run rota rollback --out ${opts.out} again to undo this.\n`,
      );
    });
}
