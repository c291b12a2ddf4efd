// Offices beyond the seed's district: a court (院长接访日), a procuratorate (检察长接待日), a department
// (局领导接访日) and a prefecture or city (州、市; 厅局级 leaders). Each is data: its institutions, ranks,
// duty days, the rule in its own words, and an example leader list that `rota init --preset ID` writes
// and that plans as written. Who takes part is said by post (职务), not by rank: a county court's
// 副院长 is 正科级, and must not be judged by the township's weekly rule.
import type { Config, Rotation } from './config.js';
import type { Institution } from './institutions.js';
import type { Rule } from './types.js';

export const OFFICE_PRESET_IDS = ['court', 'procuratorate', 'department', 'prefecture'] as const;
export type OfficePresetId = (typeof OFFICE_PRESET_IDS)[number];

/** One reception a duty day, no 下访, a leader at most once a week, the office's own rule as the quota. */
const receptionOnly = (rule: string): Rotation => ({
  reception: { min: 1, max: 1 },
  visits: { min: 0, max: 0 },
  maxPerWeek: 1,
  quotaRules: [rule],
  siteGapDays: 30,
  decompose: 'month',
});

const monthly = (id: string, description: string, titles: string[]): Rule => ({
  id,
  description,
  who: { titles },
  kinds: ['接访'],
  period: 'month',
  min: 1,
});

interface OfficePreset {
  overlay: Partial<Config>;
  /** 姓名, 单位, 职务, 级别, 分管工作 of the example list (fictional people). */
  example: string[][];
}

const COMMON: Partial<Config> = {
  from: '2025-01-01',
  to: '2025-03-31',
  contact: { name: '', phone: '' },
  published: undefined,
  order: { mode: 'none', start: 0 },
};

const one = (name: string, aliases: string[]): Institution[] => [{ name, aliases }];

export const OFFICE_PRESETS: Record<OfficePresetId, OfficePreset> = {
  court: {
    overlay: {
      ...COMMON,
      title: '人民法院院领导接访日安排表',
      place: { name: '人民法院诉讼服务中心', address: '' },
      office: '人民法院',
      institutions: one('人民法院', ['法院', '*人民法院', '*法院']),
      eligibleRanks: ['正处级', '副处级', '正科级', '副科级'],
      pattern: '每周三',
      rules: [
        monthly('court-monthly', '院长、副院长、审判委员会专职委员每月在诉讼服务中心接访不少于一次', [
          '院长',
          '副院长',
          '审判委员会专职委员',
        ]),
      ],
      rotation: receptionOnly('court-monthly'),
    },
    example: [
      ['张明', '人民法院', '院长', '正处级', '全面工作'],
      ['李华', '人民法院', '副院长', '正科级', '民事审判、执行'],
      ['王芳', '人民法院', '副院长', '正科级', '刑事审判、行政审判'],
      ['赵强', '人民法院', '审判委员会专职委员', '正科级', '立案、诉讼服务'],
    ],
  },
  procuratorate: {
    overlay: {
      ...COMMON,
      title: '人民检察院检察长接待日安排表',
      place: { name: '人民检察院12309检察服务中心', address: '' },
      office: '人民检察院',
      institutions: one('人民检察院', ['检察院', '*人民检察院', '*检察院']),
      eligibleRanks: ['正处级', '副处级', '正科级', '副科级'],
      pattern: '每周一和周四',
      rules: [
        monthly('procuratorate-monthly', '检察长、副检察长、检察委员会专职委员每月接待群众来访不少于一次', [
          '检察长',
          '副检察长',
          '检察委员会专职委员',
        ]),
      ],
      rotation: receptionOnly('procuratorate-monthly'),
    },
    example: [
      ['孙伟', '人民检察院', '检察长', '正处级', '全面工作'],
      ['周静', '人民检察院', '副检察长', '正科级', '刑事检察、未成年人检察'],
      ['吴刚', '人民检察院', '副检察长', '正科级', '控告申诉、公益诉讼'],
      ['郑丽', '人民检察院', '检察委员会专职委员', '正科级', '民事行政检察'],
    ],
  },
  department: {
    overlay: {
      ...COMMON,
      title: '局领导接访日安排表',
      place: { name: '局信访接待室', address: '' },
      office: '局办公室',
      institutions: one('局机关', ['局', '*局']),
      eligibleRanks: ['正处级', '副处级', '正科级', '副科级'],
      pattern: '每周四',
      rules: [monthly('department-monthly', '局长、副局长每月接访群众不少于一次', ['局长', '副局长'])],
      rotation: receptionOnly('department-monthly'),
    },
    example: [
      ['钱进', '局机关', '局长', '正科级', '全面工作'],
      ['冯梅', '局机关', '副局长', '副科级', '社会保险、就业'],
      ['陈刚', '局机关', '副局长', '副科级', '劳动关系、仲裁'],
      ['褚燕', '局机关', '副局长', '副科级', '人事人才'],
    ],
  },
  prefecture: {
    overlay: {
      ...COMMON,
      title: '州（市）级领导干部接访日安排表',
      place: { name: '州（市）人民来访接待中心', address: '' },
      office: '州（市）信访工作联席会议办公室',
      institutions: [
        { name: '州委', aliases: ['市委', '中共*州委员会', '中共*市委员会'] },
        { name: '州人大', aliases: ['市人大', '州人大常委会', '市人大常委会'] },
        { name: '州政府', aliases: ['市政府', '州人民政府', '市人民政府'] },
        { name: '州政协', aliases: ['市政协'] },
        { name: '州中级人民法院', aliases: ['市中级人民法院', '中级人民法院', '中院'] },
        { name: '州人民检察院', aliases: ['市人民检察院'] },
      ],
      eligibleRanks: ['正厅级', '副厅级'],
      pattern: '每周三',
      rules: [
        {
          id: 'prefecture-quarterly',
          description: '州（市）级领导干部每季度到州（市）人民来访接待中心接访不少于一次',
          who: { ranks: ['正厅级', '副厅级'] },
          kinds: ['接访'],
          period: 'quarter',
          min: 1,
        },
      ],
      rotation: { ...receptionOnly('prefecture-quarterly'), decompose: 'whole' },
    },
    example: [
      ['蒋涛', '州委', '州委副书记', '副厅级', '党建、政法'],
      ['沈丽', '州人大', '州人大常委会副主任', '副厅级', '城乡建设、环境保护'],
      ['韩冰', '州政府', '副州长', '副厅级', '农业农村、水利'],
      ['杨帆', '州政府', '副州长', '副厅级', '教育、卫生健康'],
      ['朱军', '州政协', '州政协副主席', '副厅级', '民族宗教'],
      ['秦岚', '州中级人民法院', '院长', '副厅级', '审判、执行'],
    ],
  },
};
