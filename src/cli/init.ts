import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { say } from '../core/messages.js';
import { Exit } from './exit.js';

/** Example rows of the leaders template, per preset (fictional people). */
const EXAMPLE_LEADERS: Record<string, string[][]> = {
  district: [['张三', '区委', '区委常委、政法委书记', '副处级', '政法、信访', '2024-12-16~2024-12-18', '李四', '0990-6200000']],
  township: [
    ['王五', '乡党委', '党委书记', '正科级', '党委全面工作', '', '刘六', '0990-6900001'],
    ['阿依古丽·买买提', '乡政府', '副乡长', '副科级', '农业农村、水利', '2025-01-13~2025-01-17', '赵七', '0990-6900002'],
    ['陈八', '乡人大', '人大主席', '正科级', '人大工作、民族团结', '', '孙九', '0990-6900003'],
    ['李十', '乡政府', '副乡长', '副科级', '教育、民政、劳动保障', '', '周一', '0990-6900004'],
  ],
  county: [
    ['张三', '区委', '区委常委、政法委书记', '副处级', '政法、信访', '2025-01-13~2025-01-17', '李四', '0990-6200000'],
    ['努尔兰·哈力木', '区政府', '副区长', '副处级', '征地拆迁、城市建设', '', '王五', '0990-6200001'],
  ],
};

const EXAMPLE_SITES: string[][] = [
  ['示例村', '村', '某乡示例村村委会', '1', '农业农村、水利'],
  ['示例社区', '社区', '某街道示例社区服务中心', '1', '民政、劳动保障'],
];

export function registerInit(cmd: Command): void {
  cmd
    .argument('[dir]', 'target folder', '.')
    .option('--preset <id>', '预设 preset: district 区级轮次 | township 乡镇每周接访下访 | county 县处级每月接访下访', 'district')
    .option('--force', 'overwrite existing files')
    .action(async (dir: string, opts: { force?: boolean; preset: string }) => {
      const { SEED_CONFIG, presetConfig } = await import('../core/config.js');
      const { PRESET_IDS } = await import('../core/presets.js');
      if (!(PRESET_IDS as readonly string[]).includes(opts.preset)) {
        throw new Exit(2, say('option.choice', { option: '--preset', choices: PRESET_IDS, got: opts.preset }));
      }
      const preset = opts.preset as (typeof PRESET_IDS)[number];
      const { CONFIG_SCHEMA } = await import('../core/config-schema.js');
      const { LEADER_COLUMNS } = await import('../core/leaders.js');
      const { HOLIDAY_COLUMNS } = await import('../core/holiday-overrides.js');
      const { SITE_COLUMNS } = await import('../core/sites.js');
      const { toExcelCsv } = await import('../io/csv-write.js');
      const { writeAllOrNone } = await import('../io/atomic-write.js');
      const rotation = preset !== 'district';
      let config: Record<string, unknown>;
      if (!rotation) {
        const { leaders: _l, history: _h, institutions: _i, rules: _r, ...visible } = SEED_CONFIG;
        config = { $schema: './rota.schema.json', ...visible, leaders: ['leaders.csv'], history: [], holidays: 'holidays.csv' };
      } else {
        // Only what a clerk edits; the preset fills the rest (institutions, ranks, rules, rotation).
        const p = presetConfig(preset);
        config = {
          $schema: './rota.schema.json',
          preset,
          title: p.title,
          from: p.from,
          to: p.to,
          region: p.region,
          leaders: ['leaders.csv'],
          sites: 'sites.csv',
          history: [],
          holidays: 'holidays.csv',
          place: p.place,
          contact: p.contact,
          office: p.office,
          hours: p.hours ?? null,
          rotation: p.rotation,
        };
      }
      const files = [
        { path: 'rota.json', content: `${JSON.stringify(config, null, 2)}\n` },
        { path: 'rota.schema.json', content: `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n` },
        {
          path: 'leaders.csv',
          content: await toExcelCsv(
            LEADER_COLUMNS.map((c) => c.headers[0]),
            EXAMPLE_LEADERS[preset],
          ),
        },
        {
          path: 'holidays.csv',
          content: await toExcelCsv(
            HOLIDAY_COLUMNS.map((c) => c.headers[0]),
            [[rotation ? '2025-01-20' : '2024-12-20', '休息', '本地活动（示例，可删除）']],
          ),
        },
        ...(rotation
          ? [
              {
                path: 'sites.csv',
                content: await toExcelCsv(
                  SITE_COLUMNS.map((c) => c.headers[0]),
                  EXAMPLE_SITES,
                ),
              },
            ]
          : []),
      ];
      const existing = files.map((f) => join(dir, f.path)).filter((p) => existsSync(p));
      if (existing.length && !opts.force) {
        throw new Exit(2, say('init.exists', { files: existing }));
      }
      for (const p of writeAllOrNone(dir, files)) process.stdout.write(`wrote ${p}\n`);
      process.stdout.write(
        rotation
          ? '下一步 next: 编辑 leaders.csv、sites.csv 和 rota.json，然后运行 rota plan -c rota.json。\n'
          : '下一步 next: 编辑 leaders.csv 和 rota.json，然后运行 rota leaders -c rota.json 检查名单。\n',
      );
    });
}
