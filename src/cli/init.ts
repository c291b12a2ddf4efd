import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Exit } from './exit.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('生成可编辑的示例配置和名单模板 write a ready-to-edit configuration and leaders.csv template')
    .argument('[dir]', 'target folder', '.')
    .option('--force', 'overwrite existing files')
    .action(async (dir: string, opts: { force?: boolean }) => {
      const { SEED_CONFIG } = await import('../core/config.js');
      const { CONFIG_SCHEMA } = await import('../core/config-schema.js');
      const { LEADER_COLUMNS } = await import('../core/leaders.js');
      const { HOLIDAY_COLUMNS } = await import('../core/holiday-overrides.js');
      const { toExcelCsv } = await import('../io/csv-write.js');
      const { writeAllOrNone } = await import('../io/atomic-write.js');
      const { leaders: _l, history: _h, institutions: _i, rules: _r, ...visible } = SEED_CONFIG;
      const config = { $schema: './rota.schema.json', ...visible, leaders: ['leaders.csv'], history: [], holidays: 'holidays.csv' };
      const files = [
        { path: 'rota.json', content: `${JSON.stringify(config, null, 2)}\n` },
        { path: 'rota.schema.json', content: `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n` },
        {
          path: 'leaders.csv',
          content: await toExcelCsv(LEADER_COLUMNS.map((c) => c.headers[0]), [
            ['张三', '区委', '区委常委、政法委书记', '副处级', '政法、信访', '2024-12-16~2024-12-18', '李四', '0990-6200000'],
          ]),
        },
        {
          path: 'holidays.csv',
          content: await toExcelCsv(HOLIDAY_COLUMNS.map((c) => c.headers[0]), [['2024-12-20', '休息', '本地活动（示例，可删除）']]),
        },
      ];
      const existing = files.map((f) => join(dir, f.path)).filter((p) => existsSync(p));
      if (existing.length && !opts.force) {
        throw new Exit(2, `already there: ${existing.join(', ')}; use --force to overwrite`);
      }
      for (const p of writeAllOrNone(dir, files)) process.stdout.write(`wrote ${p}\n`);
      process.stdout.write('下一步 next: 编辑 leaders.csv 和 rota.json，然后运行 rota leaders -c rota.json 检查名单。\n');
    });
}
