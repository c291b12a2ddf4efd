// rota rollback: undo the last publication of a folder — the previous one (kept in `.<name>.rota/`)
// is switched in again, whole, and the one undone is kept, so a second rollback returns to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeOut } from './output.js';

export function registerRollback(cmd: Command): void {
  cmd
    .requiredOption('--out <dir>', '已发布的文件夹 the published folder to restore to its previous publication')
    .action(async (opts: { out: string }) => {
      const { rollbackFolder } = await import('../io/publish-folder.js');
      const generation = rollbackFolder(opts.out);
      writeOut(`${describe(opts.out, generation)}\n`);
    });
}

/** Which publication is in the folder now: its title, window and 发布 date from its timetable.json. */
function describe(out: string, generation: number): string {
  let what = '';
  try {
    const j = JSON.parse(readFileSync(join(out, 'timetable.json'), 'utf8'));
    const published = j.config?.published ? `，${j.config.published} 发布` : '';
    what = `：${j.title}（${j.from} 至 ${j.to}${published}）`;
  } catch {
    // A publication without a readable timetable.json (an older rota's) is still restored; it is named by number only.
  }
  return `已恢复 ${out} 的上一次发布（保存的第 ${generation} 份）${what}。Restored the previous publication of ${out} (kept copy gen-${generation}); run rota rollback --out ${out} again to undo this.`;
}
