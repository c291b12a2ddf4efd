// Presets: the three plans the seed names, as configurations of the one planner (seed 四、(一), 四、(二)).
// district: the district round (one 副处级-or-above leader a day at the centre, institution order).
// township: each 乡科级 leader receives (接访) or visits (下访) at least once a week.
// county: each 县处级 leader does so at least once a month, and receives at the centre once a quarter.
// A preset only fills defaults; every field of the configuration file still overrides it. The one
// planner reads a configuration through rulesetOf: numbers, never the preset's name.
import type { Config, Rotation } from './config.js';
import type { PlanConfig, Ruleset } from './engine/types.js';
import { DISTRICT_INSTITUTIONS, type Institution } from './institutions.js';
import { OFFICE_PRESET_IDS, OFFICE_PRESETS } from './office-presets.js';
import { SEED_RULES } from './rules.js';
import { slotLeaders } from './slots.js';
import type { Kind } from './types.js';

const rulesNamed = (...ids: string[]) => SEED_RULES.filter((r) => ids.includes(r.id));

/**
 * The presets a configuration may name: district (区级轮次), township (乡镇每周), county (县级每月), and
 * the offices of office-presets.ts: court (法院), procuratorate (检察院), department (局), prefecture (州、市).
 */
export const PRESET_IDS = ['district', 'township', 'county', ...OFFICE_PRESET_IDS] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** The three kinds of township office: 乡, 镇 and 街道 each name their institutions their own way. */
export const TOWNSHIP_KINDS = ['乡', '镇', '街道'] as const;
export type TownshipKind = (typeof TOWNSHIP_KINDS)[number];

/**
 * Each kind's Party committee, people's congress and government, with the names offices write for
 * them (纪委 is filed under the Party committee, whose member the 纪委书记 is). A 镇 or 街道 name is
 * never taken for a 乡 one: an office of another kind names its own in rota.json (rota init --kind).
 */
export const TOWNSHIP_INSTITUTIONS_BY_KIND: Record<TownshipKind, Institution[]> = {
  乡: [
    { name: '乡党委', aliases: ['党委', '中共*乡委员会', '乡纪委', '纪委'] },
    { name: '乡人大', aliases: ['人大', '乡人大主席团', '人大主席团'] },
    { name: '乡政府', aliases: ['政府', '乡人民政府', '*乡人民政府'] },
  ],
  镇: [
    { name: '镇党委', aliases: ['党委', '中共*镇委员会', '镇纪委', '纪委'] },
    { name: '镇人大', aliases: ['人大', '镇人大主席团', '人大主席团'] },
    { name: '镇政府', aliases: ['政府', '镇人民政府', '*镇人民政府'] },
  ],
  街道: [
    { name: '街道党工委', aliases: ['党工委', '街道党委', '中共*街道工作委员会', '街道纪工委', '纪工委', '街道纪委'] },
    { name: '街道人大工委', aliases: ['人大工委', '街道人大'] },
    { name: '街道办事处', aliases: ['办事处', '街道办', '*街道办事处'] },
  ],
};

/** The township preset's default: a 乡. */
export const TOWNSHIP_INSTITUTIONS: Institution[] = TOWNSHIP_INSTITUTIONS_BY_KIND.乡;

/** The township preset's words for an office of this kind: 乡（镇、街道）…轮值表 → 镇…轮值表, 乡人民群众… → 街道人民群众…. */
export const townshipWording = (text: string, kind: TownshipKind): string => text.replace('乡（镇、街道）', kind).replace(/^乡/, kind);

/**
 * A township round read with another kind's institutions: the title, place and office the preset gave
 * it in that kind's words (those the file wrote itself are kept).
 */
export function asTownshipKind(config: Config, kind: TownshipKind): Config {
  const preset = PRESET_OVERLAYS.township;
  const own = (text: string, given: string | undefined) => (text === given ? townshipWording(text, kind) : text);
  return {
    ...config,
    institutions: TOWNSHIP_INSTITUTIONS_BY_KIND[kind],
    title: own(config.title, preset.title),
    office: own(config.office, preset.office),
    place: { ...config.place, name: own(config.place.name, preset.place?.name) },
  };
}

/** Defaults of the rotation block when a file gives only part of it. */
export const ROTATION_DEFAULTS: Rotation = {
  reception: { min: 1, max: 2 },
  visits: { min: 0, max: 2 },
  maxPerWeek: 2,
  quotaRules: ['township-weekly'],
  siteGapDays: 30,
  decompose: 'week',
};

/** What each preset changes in the seed's configuration (undefined: the field is removed). */
export const PRESET_OVERLAYS: Record<PresetId, Partial<Config>> = {
  district: {},
  township: {
    title: '乡（镇、街道）领导干部接访、下访轮值表',
    from: '2025-01-01',
    to: '2025-01-31',
    place: { name: '乡人民群众信访接待室', address: '' },
    contact: { name: '', phone: '' },
    office: '乡信访工作联席会议办公室',
    published: undefined,
    institutions: TOWNSHIP_INSTITUTIONS,
    order: { mode: 'none', start: 0 },
    eligibleRanks: ['正科级', '副科级'],
    rules: rulesNamed('township-weekly'),
    rotation: ROTATION_DEFAULTS,
  },
  county: {
    title: '县处级领导干部接访、下访月度安排表',
    from: '2025-01-01',
    to: '2025-03-31',
    published: undefined,
    institutions: DISTRICT_INSTITUTIONS,
    order: { mode: 'none', start: 0 },
    eligibleRanks: ['正处级', '副处级'],
    rules: rulesNamed('county-monthly', 'district-quarterly'),
    rotation: {
      reception: { min: 1, max: 1 },
      visits: { min: 0, max: 2 },
      maxPerWeek: 1,
      quotaRules: ['county-monthly', 'district-quarterly'],
      siteGapDays: 45,
      decompose: 'month',
    },
  },
  court: OFFICE_PRESETS.court.overlay,
  procuratorate: OFFICE_PRESETS.procuratorate.overlay,
  department: OFFICE_PRESETS.department.overlay,
  prefecture: OFFICE_PRESETS.prefecture.overlay,
};

/** Rules the district round serves first (seed 四、(一): 副处级以上每季度接访不少于一次). */
export const DISTRICT_QUOTA_RULE_IDS = ['district-quarterly'];

/**
 * The planner's parameters for a configuration. The district round is the rotation with one 接访
 * place a day (perDay), no 下访, a per-round maximum (maxPerLeader), its quarterly quota, and
 * independent components (one per institution of the order); a rotation block gives the township's
 * and county's 接访 and 下访 ranges, weekly maximum, quotas and week/month pieces.
 */
export function rulesetOf(config: PlanConfig): Ruleset {
  const rules = config.rules ?? [];
  const named = (ids: string[]) => ids.flatMap((id) => rules.filter((r) => r.id === id));
  const r = config.rotation;
  // Slots fix each duty day's count of each kind: every slot filled (src/core/slots.ts).
  const exactly = (kind: Kind) => {
    const n = slotLeaders(config.slots!, kind);
    return { min: n, max: n };
  };
  if (!r) {
    return {
      reception: config.slots ? exactly('接访') : { min: config.perDay, max: config.perDay },
      visits: config.slots ? exactly('下访') : { min: 0, max: 0 },
      maxPerRound: config.maxPerLeader,
      quotaRules: named(DISTRICT_QUOTA_RULE_IDS),
      siteGapDays: ROTATION_DEFAULTS.siteGapDays,
      strategy: 'components',
      tieRange: 64,
    };
  }
  return {
    reception: config.slots ? exactly('接访') : r.reception,
    visits: config.slots ? exactly('下访') : r.visits,
    maxPerWeek: r.maxPerWeek,
    quotaRules: named(r.quotaRules),
    siteGapDays: r.siteGapDays,
    strategy: r.decompose,
    // The rotation has more levels above the tie-break, so its range stays narrow.
    tieRange: 8,
  };
}
