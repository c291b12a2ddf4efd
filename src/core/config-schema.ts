// The published JSON Schema of the configuration file; `rota init` writes it beside rota.json
// so editors (VS Code, WebStorm) complete and check the fields. Mirrors validateConfig.
import { REGION_IDS } from './holidays/regions.js';
import { PRESET_IDS } from './presets.js';
import { DUTY_MODES, DUTY_ROLES } from './slots.js';
import { KINDS, RANKS } from './types.js';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' };
const hhmm = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };
const strings = { type: 'array', items: { type: 'string' } };
/** Who a rule or a serveOn entry names: every given dimension must match (titles: posts such as 院长). */
const who = {
  type: 'object',
  additionalProperties: false,
  properties: { ranks: { type: 'array', items: { enum: RANKS } }, titles: strings, institutions: strings, names: strings },
};
const perDayRange = {
  type: 'object',
  additionalProperties: false,
  properties: { min: { type: 'integer', minimum: 0, maximum: 20 }, max: { type: 'integer', minimum: 0, maximum: 20 } },
};

export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'rota 接访排班配置 configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    title: { type: 'string', minLength: 1, maxLength: 1000, description: '标题，如 克拉玛依区2024年第四轮领导干部接访安排表' },
    from: { ...date, description: '起始日期 first day of the round' },
    to: { ...date, description: '结束日期 last day of the round' },
    region: { enum: REGION_IDS, description: '地区：national 全国；xinjiang 加新疆肉孜节、古尔邦节' },
    holidays: { type: 'string', description: '节假日覆盖文件 CSV (日期, 类型 休息|上班, 名称)' },
    leaders: { ...strings, description: '领导名单 CSV files' },
    history: { ...strings, description: '已有接访记录 duty records so far (timetable CSV format)' },
    place: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, address: { type: 'string' } },
      description: '接访地点',
    },
    contact: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, phone: { type: 'string' } },
      description: '联系人及电话',
    },
    office: { type: 'string', minLength: 1, maxLength: 1000, description: '发布单位' },
    published: { ...date, description: '发布日期' },
    hours: {
      oneOf: [
        { type: 'null' },
        { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: hhmm, end: hhmm } },
      ],
      description: '接访时间（北京时间）；null 表示全天',
    },
    institutions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1 }, aliases: strings },
      },
      description: '单位及轮值顺序 institutions in duty order',
    },
    rankAliases: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RANKS.map((r) => [r, strings])),
      description: '级别的其他写法（补充默认的 副县级=副处级 等） other spellings of each rank',
    },
    order: {
      type: 'object',
      additionalProperties: false,
      properties: { mode: { enum: ['cycle', 'blocks', 'none'] }, start: { type: 'integer', minimum: 0, maximum: 1000 } },
      description: '轮值方式：cycle 逐日轮换；blocks 每单位连续若干天；none 不分单位（乡镇、县级轮值）；start 从第几个单位开始',
    },
    eligibleRanks: { type: 'array', minItems: 1, items: { enum: RANKS }, description: '可排班级别' },
    perDay: { type: 'integer', minimum: 1, maximum: 20, description: '每个工作日接访领导人数' },
    maxPerLeader: { type: 'integer', minimum: 1, maximum: 1000, description: '每位领导本轮最多接访次数' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kinds', 'period', 'min'],
        properties: {
          id: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          who,
          kinds: { type: 'array', minItems: 1, items: { enum: KINDS } },
          period: { enum: ['week', 'month', 'quarter', 'year'] },
          min: { type: 'integer', minimum: 0, maximum: 1000 },
          max: { type: 'integer', minimum: 0, maximum: 1000 },
        },
      },
      description: '频次规则 quota rules',
    },
    seed: { type: 'integer', minimum: 0, maximum: 2147483647, description: '随机种子（同输入同结果）' },
    preset: {
      enum: PRESET_IDS,
      description:
        '预设 preset: district 区级轮次；township 乡科级每周；county 县处级每月；court 法院；procuratorate 检察院；department 局；prefecture 州、市（文件中的字段仍可覆盖）',
    },
    pattern: {
      type: 'string',
      minLength: 1,
      maxLength: 1000,
      description:
        '接访日：每个工作日（默认）、每周三、每周一和周四、每月15日（遇节假日顺延）、每月8日和25日（遇节假日取消）、每月第一个和第四个星期三、2024-06-27，或 FREQ=WEEKLY;BYDAY=WE；遇节假日默认顺延 duty days (docs/patterns.md)',
    },
    serveOn: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['who'],
        properties: {
          who,
          months: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1, maximum: 12 } },
          weekdays: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1, maximum: 7 } },
        },
      },
      description:
        '谁在哪些日子接访：如 {"who": {"titles": ["县委书记"]}, "months": [1, 3, 5, 7, 9, 11]}；{"who": {"ranks": ["正处级"]}, "weekdays": [1]} who serves fixed by date',
    },
    units: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'fields'],
        properties: { name: { type: 'string', minLength: 1 }, fields: { type: 'array', items: { type: 'string', minLength: 1 } } },
      },
      description:
        '陪同单位：单位及其业务领域，如 {"name": "区人社局", "fields": ["劳动保障", "就业"]}；接访时由分管相关领域的单位负责人陪同 co-receivers',
    },
    slots: {
      type: 'array',
      minItems: 1,
      maxItems: 12,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          session: { type: 'string', minLength: 1, maxLength: 1000, description: '时段，如 上午、下午' },
          hours: {
            type: 'object',
            additionalProperties: false,
            required: ['start', 'end'],
            properties: { start: hhmm, end: hhmm },
            description: '这个时段的接访时间',
          },
          place: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1 }, address: { type: 'string' } },
            description: '地点，如 信访接待大厅、诉讼服务中心（默认 place）',
          },
          kind: { enum: KINDS, description: '接访（默认）或 下访' },
          mode: { enum: DUTY_MODES, description: '方式：视频接访、电话接访、集中接访、约访' },
          role: { enum: DUTY_ROLES, description: '角色：主接访、陪同、带班、联合接访' },
          leaders: { type: 'integer', minimum: 1, maximum: 20, description: '几名领导（默认 1）' },
          who: { ...who, description: '谁可以担任，如 {"titles": ["院长"]}（默认：本轮名单中任何人）' },
        },
      },
      description:
        '每个接访日的时段：上午/下午、几个地点、视频接访、带班 + 主接访、联合接访…；每天各类人数为各时段 leaders 之和（不再写 perDay、rotation.reception/visits） slots of every duty day',
    },
    sites: { type: 'string', description: '下访地点 CSV (名称, 类型 村|社区, 地址, 每月至少, 相关分管)' },
    rotation: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            reception: { ...perDayRange, description: '每个工作日中心接访人数 接访 places per working day' },
            visits: { ...perDayRange, description: '每个工作日下访人数 下访 slots per working day' },
            maxPerWeek: { type: 'integer', minimum: 1, maximum: 14, description: '每名领导每周最多活动次数 at most K per leader per week' },
            quotaRules: { ...strings, description: '作为配额满足的规则 id rules met as quotas' },
            siteGapDays: {
              type: 'integer',
              minimum: 1,
              maximum: 366,
              description: '每个下访点两次下访最多间隔天数 longest gap between visits to a site',
            },
            decompose: { enum: ['week', 'month', 'whole'], description: '分解方式：按周、按月或整体求解' },
          },
        },
      ],
      description: '接访、下访轮值（乡镇每周、县级每月）；null 表示区级轮次',
    },
    announcement: {
      type: 'object',
      additionalProperties: false,
      properties: {
        title: { type: 'string', maxLength: 1000, description: '公告标题（默认：关于公布{title}的公告）' },
        number: { type: 'string', maxLength: 1000, description: '文号，如 克信联办〔2024〕12号' },
        basis: { type: 'string', maxLength: 1000, description: '依据，如 《信访工作条例》' },
        scope: { type: 'string', maxLength: 1000, description: '接访范围' },
        exclusions: { type: 'array', items: { type: 'string', maxLength: 1000 }, description: '不予接访的事项，每项一句' },
        booking: {
          type: 'object',
          additionalProperties: false,
          properties: {
            where: { type: 'string', maxLength: 1000, description: '预约地点' },
            by: { type: 'string', maxLength: 1000, description: '预约截止，如 接访日前一个工作日17:00前' },
            bring: { type: 'string', maxLength: 1000, description: '来访须携带的材料' },
            phone: { type: 'string', maxLength: 1000, description: '预约电话' },
          },
          description: '提前预约（约访）的方式',
        },
        representatives: { type: 'integer', minimum: 1, maximum: 100, description: '多人反映相同诉求时最多来访人数（默认 5）' },
      },
      description: '公告的文字：文号、依据、接访范围、不予接访事项、预约方式、代表人数；未写的部分不出现在公告中',
    },
  },
} as const;
