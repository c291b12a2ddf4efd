import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { say } from '../core/messages.js';
import { Exit } from './exit.js';
import { reportWritten, writeOut } from './output.js';

/** Example rows of the district template (fictional people): two per institution, so the example's 12 days plan as written. */
const DISTRICT_LEADERS: string[][] = [
  ['张三', '区委', '区委常委、政法委书记', '副处级', '政法、信访', '2024-12-16~2024-12-18', '李四', '0990-6200000'],
  ['王红', '区委', '区委常委、组织部部长', '副处级', '组织、人才', '', '赵敏', '0990-6200001'],
  ['刘强', '区人大', '区人大常委会副主任', '副处级', '城乡建设、环境保护', '', '孙丽', '0990-6200002'],
  ['古丽娜尔·艾买提', '区人大', '区人大常委会副主任', '副处级', '教育、科技、文化', '', '马超', '0990-6200003'],
  ['努尔兰·哈力木', '区政府', '副区长', '副处级', '征地拆迁、城市建设', '', '周平', '0990-6200004'],
  ['陈静', '区政府', '副区长', '副处级', '民政、劳动保障、医疗', '', '吴杰', '0990-6200005'],
  ['杨帆', '区政协', '区政协副主席', '副处级', '民族宗教、社会法制', '', '郑雪', '0990-6200006'],
  ['阿布都热合曼·吐尔逊', '区政协', '区政协副主席', '副处级', '经济、农业农村', '', '何磊', '0990-6200007'],
  ['林涛', '区人民法院', '区人民法院副院长', '副处级', '民事、执行', '', '高燕', '0990-6200008'],
  ['许文', '区人民法院', '区人民法院副院长', '副处级', '行政、刑事', '', '罗刚', '0990-6200009'],
  ['黄磊', '区人民检察院', '区人民检察院副检察长', '副处级', '控告申诉、公益诉讼', '', '谢芳', '0990-6200010'],
  ['买买提·依明', '区人民检察院', '区人民检察院副检察长', '副处级', '刑事检察、未成年人', '', '唐亮', '0990-6200011'],
];

/** Titles in a township office of each kind: secretary, deputy head, congress head. */
const TOWNSHIP_TITLES: Record<string, [string, string, string]> = {
  乡: ['党委书记', '副乡长', '人大主席'],
  镇: ['党委书记', '副镇长', '人大主席'],
  街道: ['党工委书记', '办事处副主任', '人大工委主任'],
};

/** Example rows of the township template for an office of this kind (its institutions: Party, congress, government). */
function townshipLeaders(kind: string, [party, congress, government]: string[]): string[][] {
  const [secretary, deputy, chair] = TOWNSHIP_TITLES[kind];
  return [
    ['王五', party, secretary, '正科级', '党委全面工作', '', '刘六', '0990-6900001'],
    ['阿依古丽·买买提', government, deputy, '副科级', '农业农村、水利', '2025-01-13~2025-01-17', '赵七', '0990-6900002'],
    ['陈八', congress, chair, '正科级', '人大工作、民族团结', '', '孙九', '0990-6900003'],
    ['李十', government, deputy, '副科级', '教育、民政、劳动保障', '', '周一', '0990-6900004'],
  ];
}

/**
 * The 公告's texts (rota.json "announcement"): 文号 and booking deadline left blank for the office to fill,
 * the rest as the seed round publishes it, with the level's own words.
 */
function announcementTemplate(level: string) {
  return {
    number: '',
    basis: '《信访工作条例》',
    scope: `各族人民群众根据自身利益诉求，向分管相关工作的${level}领导反映诉求`,
    exclusions: [
      '已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的',
      '已经办结或者经复查、复核终结，又以同一事实和理由提出的',
      '已经受理、正在办理且仍在办理期限内的',
    ],
    booking: { where: '', by: '', bring: '', phone: '' },
    representatives: 5,
  };
}

const COUNTY_LEADERS: string[][] = DISTRICT_LEADERS.slice(0, 6).map((row) => [...row.slice(0, 5), '', ...row.slice(6)]);

const EXAMPLE_SITES: string[][] = [
  ['示例村', '村', '某乡示例村村委会', '1', '农业农村、水利'],
  ['示例社区', '社区', '某街道示例社区服务中心', '1', '民政、劳动保障'],
];

export function registerInit(cmd: Command): void {
  cmd
    .argument('[dir]', '目标文件夹 target folder', '.')
    .option(
      '--preset <id>',
      '预设 preset: district 区级轮次 | township 乡镇每周接访下访 | county 县处级每月接访下访 | court 法院院领导接访日 | procuratorate 检察长接待日 | department 局领导接访日 | prefecture 州（市）级领导接访日',
      'district',
    )
    .option('--kind <kind>', '乡镇类型（仅 township）：乡 | 镇 | 街道，决定单位名称 which kind of township office (names its institutions)')
    .option('--force', '覆盖已有文件 overwrite existing files')
    .action(async (dir: string, opts: { force?: boolean; preset: string; kind?: string }) => {
      const { SEED_CONFIG, presetConfig } = await import('../core/config.js');
      const { PRESET_IDS } = await import('../core/presets.js');
      if (!(PRESET_IDS as readonly string[]).includes(opts.preset)) {
        throw new Exit(2, say('option.choice', { option: '--preset', choices: PRESET_IDS, got: opts.preset }));
      }
      const preset = opts.preset as (typeof PRESET_IDS)[number];
      const { TOWNSHIP_INSTITUTIONS_BY_KIND, TOWNSHIP_KINDS } = await import('../core/presets.js');
      if (opts.kind !== undefined && preset !== 'township')
        throw new Exit(2, say('option.conflict', { option: '--kind', other: `--preset ${preset}` }));
      const kind = (opts.kind ?? '乡') as (typeof TOWNSHIP_KINDS)[number];
      if (!TOWNSHIP_KINDS.includes(kind)) throw new Exit(2, say('option.choice', { option: '--kind', choices: TOWNSHIP_KINDS, got: kind }));
      const institutions = TOWNSHIP_INSTITUTIONS_BY_KIND[kind];
      const { CONFIG_SCHEMA } = await import('../core/config-schema.js');
      const { LEADER_TEMPLATE } = await import('../core/leaders.js');
      const { HOLIDAY_COLUMNS } = await import('../core/holiday-overrides.js');
      const { SITE_COLUMNS } = await import('../core/sites.js');
      const { toExcelCsv } = await import('../io/csv-write.js');
      const { writeAllOrNone } = await import('../io/atomic-write.js');
      const { OFFICE_PRESETS } = await import('../core/office-presets.js');
      const office = preset in OFFICE_PRESETS ? OFFICE_PRESETS[preset as keyof typeof OFFICE_PRESETS] : undefined;
      const rotation = preset !== 'district';
      // Sites only where the preset plans 下访 (a court's or a department's reception days have none).
      const withSites = rotation && presetConfig(preset).rotation!.visits.max > 0;
      let config: Record<string, unknown>;
      if (!rotation) {
        const { leaders: _l, history: _h, institutions: _i, rules: _r, ...visible } = SEED_CONFIG;
        config = {
          $schema: './rota.schema.json',
          ...visible,
          leaders: ['leaders.csv'],
          history: [],
          holidays: 'holidays.csv',
          announcement: announcementTemplate('区'),
        };
      } else {
        // Only what a clerk edits; the preset fills the rest (institutions, ranks, rules, rotation).
        const p = presetConfig(preset);
        // A township office of any kind writes its own institutions, so nothing is filed under another kind's names.
        const { townshipWording } = await import('../core/presets.js');
        const own = (text: string) => (preset === 'township' ? townshipWording(text, kind) : text);
        config = {
          $schema: './rota.schema.json',
          preset,
          title: own(p.title),
          from: p.from,
          to: p.to,
          region: p.region,
          leaders: ['leaders.csv'],
          ...(withSites ? { sites: 'sites.csv' } : {}),
          history: [],
          holidays: 'holidays.csv',
          place: { ...p.place, name: own(p.place.name) },
          contact: p.contact,
          office: own(p.office),
          hours: p.hours ?? null,
          ...(preset === 'township' ? { institutions } : {}),
          ...(office ? { institutions: p.institutions, pattern: p.pattern } : {}),
          rotation: p.rotation,
          announcement: announcementTemplate(preset === 'township' ? kind : '县'),
        };
      }
      const files = [
        { path: 'rota.json', content: `${JSON.stringify(config, null, 2)}\n` },
        { path: 'rota.schema.json', content: `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n` },
        {
          path: 'leaders.csv',
          content: await toExcelCsv(
            LEADER_TEMPLATE,
            office
              ? office.example.map((row, i) => [...row, '', '', `0990-68000${String(i).padStart(2, '0')}`])
              : preset === 'district'
                ? DISTRICT_LEADERS
                : preset === 'county'
                  ? COUNTY_LEADERS
                  : townshipLeaders(
                      kind,
                      institutions.map((i) => i.name),
                    ),
          ),
        },
        {
          path: 'holidays.csv',
          // Header only: an example row would silently take a working day away from the first plan.
          content: await toExcelCsv(
            HOLIDAY_COLUMNS.map((c) => c.headers[0]),
            [],
          ),
        },
        ...(withSites
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
      reportWritten(writeAllOrNone(dir, files));
      writeOut(
        `下一步 next: 编辑 leaders.csv${withSites ? '、sites.csv' : ''} 和 rota.json（示例可直接试排：rota plan -c rota.json）；` +
          '本地放假或调休上班的日子写进 holidays.csv（日期, 类型 休息|上班, 名称），然后运行 rota leaders -c rota.json 检查名单。\n' +
          'Edit the lists and rota.json; local days off or extra working days go in holidays.csv.\n',
      );
    });
}
