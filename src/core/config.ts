// The round's configuration: its type, the seed's defaults, and validation that names the
// field and the allowed values. The JSON Schema in config-schema.ts describes the same shape.

import type { Unit } from './co-receivers.js';
import { addDays, FIRST_YEAR, inCalendarYears, isIsoDate, LAST_YEAR } from './dates.js';
import { REGION_IDS, type RegionId } from './holidays/regions.js';
import { DISTRICT_INSTITUTIONS, type Institution } from './institutions.js';
import { placed, problem } from './messages.js';
import { parsePattern } from './patterns.js';
import { PRESET_IDS, PRESET_OVERLAYS, type PresetId, ROTATION_DEFAULTS } from './presets.js';
import { RANK_ALIASES, type RankAliases } from './ranks.js';
import { SEED_RULES } from './rules.js';
import type { ServeOn } from './serve-on.js';
import { DUTY_MODES, DUTY_ROLES, type DutyMode, type DutyRole, type SlotSpec, slotLabel, slotLeaders } from './slots.js';
import type { IsoDate, Kind, Period, Problem, Rank, Rule } from './types.js';
import { KINDS, RANKS } from './types.js';

/** cycle / blocks: the seed's institution order; none: any institution on any day (township, county). */
export type OrderMode = 'cycle' | 'blocks' | 'none';

/** The weekly/monthly rotation of 接访 at the centre and 下访 to sites (seed 四、(二)); absent for the district round. */
export interface Rotation {
  /** 接访 places at the centre per working day (min … max; min 1 staffs every working day). */
  reception: { min: number; max: number };
  /** 下访 slots to sites per working day. */
  visits: { min: number; max: number };
  /** At most this many activities (接访 + 下访) per leader per ISO week. */
  maxPerWeek: number;
  /** Ids of `rules` the plan meets as quotas (the checker judges all of `rules`). */
  quotaRules: string[];
  /** No site should go longer than this many calendar days without a 下访. */
  siteGapDays: number;
  /** Solve week by week or month by month (fairness carried forward), or the whole horizon at once. */
  decompose: 'week' | 'month' | 'whole';
}

export interface Config {
  /** The preset whose defaults the file started from (district, township, county). */
  preset?: PresetId;
  title: string;
  from: IsoDate;
  to: IsoDate;
  region: RegionId;
  /** Path to the holidays override CSV (relative to the configuration file). */
  holidays?: string;
  /** Paths to leader lists (relative to the configuration file). */
  leaders: string[];
  /** Paths to duty records so far (relative to the configuration file). */
  history: string[];
  place: { name: string; address: string };
  contact: { name: string; phone: string };
  office: string;
  /** Date printed as the publishing date. */
  published?: IsoDate;
  /** Reception hours (HH:MM, Beijing time); none means all-day calendar events. */
  hours?: { start: string; end: string };
  institutions: Institution[];
  /** Other spellings of each rank (副县级 = 副处级 …); the file's entries add to the defaults. */
  rankAliases: RankAliases;
  order: { mode: OrderMode; start: number };
  eligibleRanks: Rank[];
  perDay: number;
  maxPerLeader: number;
  rules: Rule[];
  seed: number;
  /** 下访 sites CSV (名称, 类型, 地址, 每月至少, 相关分管), relative to the configuration file. */
  sites?: string;
  /** Present: plan the rotation of 接访 and 下访; absent: the district round. */
  rotation?: Rotation;
  /** 陪同单位: units and the fields each answers for; a 接访 is accompanied by those the leader's 分管工作 names. */
  units?: Unit[];
  /** Who serves fixed by date: 书记 in odd months, 正职 on Mondays … (src/core/serve-on.ts). */
  serveOn?: ServeOn[];
  /** The slots of every duty day (sessions, places, modes, roles); absent: one leader, one place, the round's hours. */
  slots?: SlotSpec[];
  /** Which days are duty days, as a notice writes it (每周三, 每月15日（遇节假日顺延）…); absent: every working day. */
  pattern?: string;
  /** What the published 公告 says beyond the timetable (文号, booking, scope …); absent parts are left out. */
  announcement?: Announcement;
}

/** The 公告's own texts, as offices write them; every field is optional. */
export interface Announcement {
  /** The 公告's title; default 关于公布{title}的公告. */
  title?: string;
  /** 文号, e.g. 克信联办〔2024〕12号. */
  number?: string;
  /** The legal basis named in the first sentence, e.g. 《信访工作条例》. */
  basis?: string;
  /** 接访范围: whom and which matters the leaders receive. */
  scope?: string;
  /** Matters not received (不予接访), one sentence each. */
  exclusions?: string[];
  /** How to book a visit in advance (约访). */
  booking?: { where?: string; by?: string; bring?: string; phone?: string };
  /** At most this many people come for one shared concern (the seed and 《信访工作条例》: 5). */
  representatives?: number;
}

export const SEED_CONFIG: Config = {
  title: '克拉玛依区2024年第四轮领导干部接访安排表',
  from: '2024-12-11',
  to: '2024-12-26',
  region: 'xinjiang',
  leaders: [],
  history: [],
  place: { name: '区人民群众信访服务中心', address: '克拉玛依市昆仑路585号' },
  contact: { name: '古丽博斯丹', phone: '0990-6245539' },
  office: '区信访工作联席会议办公室',
  published: '2024-12-09',
  hours: { start: '10:00', end: '14:00' },
  institutions: DISTRICT_INSTITUTIONS,
  rankAliases: RANK_ALIASES,
  order: { mode: 'cycle', start: 0 },
  eligibleRanks: ['正处级', '副处级'],
  perDay: 1,
  maxPerLeader: 1,
  rules: SEED_RULES,
  seed: 0,
};

const TOP_FIELDS = [
  '$schema',
  'title',
  'from',
  'to',
  'region',
  'holidays',
  'leaders',
  'history',
  'place',
  'contact',
  'office',
  'published',
  'hours',
  'institutions',
  'rankAliases',
  'order',
  'eligibleRanks',
  'perDay',
  'maxPerLeader',
  'rules',
  'seed',
  'preset',
  'sites',
  'rotation',
  'pattern',
  'announcement',
  'serveOn',
  'units',
  'slots',
] as const;
export const CONFIG_FIELDS: readonly string[] = TOP_FIELDS;
const PERIODS: Period[] = ['week', 'month', 'quarter', 'year'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value as the message shows it: cut, so a 20 MB string does not become a 20 MB message. */
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…（共 ${s.length} 字符 ${s.length} characters）` : s;
};

/** Longest text a field of the configuration takes (a title, an address, a portfolio). */
export const MAX_TEXT = 1000;
/** The longest round a plan takes: two years. Longer windows are split into rounds. */
export const MAX_WINDOW_DAYS = 731;
/** Upper bounds of the configuration's numbers: a few times what any round needs, far below what makes the planner's arithmetic inexact. */
export const NUMBER_LIMITS = {
  perDay: 20,
  maxPerLeader: 1000,
  seed: 2_147_483_647,
  'order.start': 1000,
  'rotation.reception': 20,
  'rotation.visits': 20,
  'rotation.maxPerWeek': 14,
  'rotation.siteGapDays': 366,
  'rules.min': 1000,
  'announcement.representatives': 100,
  /** Slots a duty day has: each set of restricted slots is a row of the plan, so a dozen at most. */
  slots: 12,
  'slots.leaders': 20,
} as const;
const longText = (v: unknown) => typeof v === 'string' && v.length > MAX_TEXT;

/**
 * A plan's window within two years; longer ones name how to split. Not part of validateConfig: rota
 * check may judge records of many years.
 */
export function windowProblems(c: Pick<Config, 'from' | 'to'>, file?: string): Problem[] {
  const days = Math.round((Date.parse(c.to) - Date.parse(c.from)) / 86_400_000) + 1;
  if (days <= MAX_WINDOW_DAYS) return [];
  // The same day a year later (1 March for 29 February): the first of the rounds the message proposes.
  const next = `${+c.from.slice(0, 4) + 1}${c.from.slice(4)}`;
  const split = isIsoDate(next) ? next : addDays(next.replace('-02-29', '-02-28'), 1);
  return [
    problem(
      'config.window-too-long',
      { max: MAX_WINDOW_DAYS, from: c.from, to: c.to, days, firstEnd: addDays(split, -1), next: split },
      { file, field: 'to' },
    ),
  ];
}

/** Validates a parsed configuration, filling defaults from the seed; every problem names its field. */
export function validateConfig(raw: unknown, file: string): { config?: Config; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (field: string, expected: string, expectedEn: string, got: unknown) =>
    problems.push(problem('config.invalid', { field, expected, expectedEn, got: show(got) }, { file, field }));
  if (!isObj(raw)) {
    bad('(top level)', '一个 JSON 对象 {…}', 'a JSON object', raw);
    return { problems };
  }
  for (const key of Object.keys(raw).sort()) {
    if (!(TOP_FIELDS as readonly string[]).includes(key)) {
      problems.push(
        problem('config.unknown-field', { field: key, known: TOP_FIELDS.filter((f) => f !== '$schema') }, { file, field: key }),
      );
    }
  }
  let c: Config = structuredClone(SEED_CONFIG);
  if (raw.preset !== undefined) {
    if (PRESET_IDS.includes(raw.preset as PresetId)) c = presetConfig(raw.preset as PresetId);
    else bad('preset', `${PRESET_IDS.join('、')} 之一`, `one of ${PRESET_IDS.join(', ')}`, raw.preset);
  }
  const str = (key: 'title' | 'office') => {
    if (raw[key] === undefined) return;
    if (typeof raw[key] === 'string' && raw[key] !== '' && !longText(raw[key])) c[key] = raw[key] as string;
    else bad(key, `不超过 ${MAX_TEXT} 字的非空文字`, `a non-empty string of at most ${MAX_TEXT} characters`, raw[key]);
  };
  str('title');
  str('office');
  for (const key of ['from', 'to', 'published'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'string' && isIsoDate(v) && inCalendarYears(v)) c[key] = v;
    else
      bad(
        key,
        `真实日期，写成 YYYY-MM-DD，年份在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间`,
        `a real date written YYYY-MM-DD in the years ${FIRST_YEAR} to ${LAST_YEAR}`,
        v,
      );
  }
  if (c.to < c.from) bad('to', `不早于 from（${c.from}）的日期`, `a date on or after from (${c.from})`, c.to);
  if (raw.region !== undefined) {
    if (REGION_IDS.includes(raw.region as RegionId)) c.region = raw.region as RegionId;
    else bad('region', `${REGION_IDS.join('、')} 之一`, `one of ${REGION_IDS.join(', ')}`, raw.region);
  }
  if (raw.holidays !== undefined) {
    if (typeof raw.holidays === 'string') c.holidays = raw.holidays;
    else bad('holidays', '节假日覆盖 CSV 文件的路径', 'a path to a holidays CSV', raw.holidays);
  }
  if (raw.sites !== undefined) {
    if (typeof raw.sites === 'string' && raw.sites !== '') c.sites = raw.sites;
    else
      bad(
        'sites',
        '下访地点 CSV 文件的路径（列：名称, 类型, 地址, 每月至少, 相关分管）',
        'a path to a 下访 sites CSV (名称, 类型, 地址, 每月至少, 相关分管)',
        raw.sites,
      );
  }
  for (const key of ['leaders', 'history'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) c[key] = v as string[];
    else bad(key, '文件路径的列表，如 ["leaders.csv"]', 'an array of file paths', v);
  }
  const pair = <K extends 'place' | 'contact'>(key: K, a: string, b: string) => {
    const v = raw[key];
    if (v === undefined) return;
    if (!isObj(v)) return bad(key, `含 ${a} 和 ${b} 的对象`, `an object with ${a} and ${b}`, v);
    for (const f of [a, b]) {
      if (v[f] === undefined) continue;
      if (typeof v[f] === 'string' && !longText(v[f])) (c[key] as Record<string, string>)[f] = v[f] as string;
      else bad(`${key}.${f}`, `不超过 ${MAX_TEXT} 字的文字`, `a string of at most ${MAX_TEXT} characters`, v[f]);
    }
    for (const f of Object.keys(v)) if (f !== a && f !== b) bad(`${key}.${f}`, `${a} 或 ${b}`, `one of ${a}, ${b}`, f);
  };
  pair('place', 'name', 'address');
  pair('contact', 'name', 'phone');
  if (raw.hours === null) delete c.hours;
  else if (raw.hours !== undefined) {
    const h = raw.hours as Obj;
    const hhmm = (v: unknown) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
    if (!isObj(h) || !hhmm(h.start) || !hhmm(h.end) || (h.end as string) <= (h.start as string)) {
      bad(
        'hours',
        'null 或 {"start": "HH:MM", "end": "HH:MM"}，结束晚于开始',
        'null or {"start": "HH:MM", "end": "HH:MM"} with end after start',
        raw.hours,
      );
    } else c.hours = { start: h.start as string, end: h.end as string };
  }
  if (raw.institutions !== undefined) {
    const v = raw.institutions;
    const ok =
      Array.isArray(v) &&
      v.length > 0 &&
      v.every(
        (i) =>
          isObj(i) &&
          typeof i.name === 'string' &&
          i.name !== '' &&
          !longText(i.name) &&
          (i.aliases === undefined || (Array.isArray(i.aliases) && i.aliases.every((a) => typeof a === 'string' && !longText(a)))),
      );
    if (ok) c.institutions = (v as Obj[]).map((i) => ({ name: i.name as string, aliases: (i.aliases as string[]) ?? [] }));
    else
      bad(
        'institutions',
        `按轮值顺序排列的非空列表 [{"name": "…", "aliases": ["…"]}]，名称不超过 ${MAX_TEXT} 字`,
        `a non-empty array of {"name": "…", "aliases": ["…"]} in duty order, names of at most ${MAX_TEXT} characters`,
        v,
      );
    const names = c.institutions.map((i) => i.name);
    const dup = names.find((n, k) => names.indexOf(n) !== k);
    if (dup) bad('institutions', '互不相同的单位名称', 'distinct institution names', dup);
  }
  if (raw.rankAliases !== undefined) {
    const v = raw.rankAliases;
    const ok =
      isObj(v) &&
      Object.entries(v).every(([k, xs]) => RANKS.includes(k as Rank) && Array.isArray(xs) && xs.every((x) => typeof x === 'string'));
    if (ok) for (const [k, xs] of Object.entries(v)) c.rankAliases[k as Rank] = [...c.rankAliases[k as Rank], ...(xs as string[])];
    else
      bad(
        'rankAliases',
        `{"副处级": ["副县级"]} 这样的对象，键为 ${RANKS.join('、')}`,
        `an object like {"副处级": ["副县级"]} keyed by ${RANKS.join(', ')}`,
        v,
      );
  }
  if (raw.order !== undefined) {
    const o = raw.order;
    if (!isObj(o))
      bad('order', '{"mode": "cycle" | "blocks" | "none", "start": 0} 这样的对象', '{"mode": "cycle" | "blocks" | "none", "start": 0}', o);
    else {
      if (o.mode !== undefined) {
        if (o.mode === 'cycle' || o.mode === 'blocks' || o.mode === 'none') c.order.mode = o.mode;
        else bad('order.mode', 'cycle、blocks、none 之一', 'one of cycle, blocks, none', o.mode);
      }
      if (o.start !== undefined) {
        if (Number.isInteger(o.start) && (o.start as number) >= 0 && (o.start as number) <= NUMBER_LIMITS['order.start'])
          c.order.start = o.start as number;
        else
          bad(
            'order.start',
            `0 至 ${NUMBER_LIMITS['order.start']} 的整数（从顺序中的第几个单位开始）`,
            `a whole number from 0 to ${NUMBER_LIMITS['order.start']} (the position in the order to begin with)`,
            o.start,
          );
      }
    }
  }
  if (raw.eligibleRanks !== undefined) {
    const v = raw.eligibleRanks;
    if (Array.isArray(v) && v.length > 0 && v.every((r) => RANKS.includes(r as Rank))) c.eligibleRanks = v as Rank[];
    else bad('eligibleRanks', `由 ${RANKS.join('、')} 组成的非空列表`, `a non-empty array of ${RANKS.join(', ')}`, v);
  }
  for (const key of ['perDay', 'maxPerLeader', 'seed'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    const min = key === 'seed' ? 0 : 1;
    const max = NUMBER_LIMITS[key];
    if (Number.isInteger(v) && (v as number) >= min && (v as number) <= max) c[key] = v as number;
    else bad(key, `${min} 至 ${max} 的整数`, `a whole number from ${min} to ${max}`, v);
  }
  if (raw.rules !== undefined) {
    if (!Array.isArray(raw.rules)) bad('rules', '规则列表', 'an array of rules', raw.rules);
    else c.rules = raw.rules.flatMap((r, k) => validateRule(r, `rules[${k}]`, bad));
  }
  if (raw.pattern !== undefined) {
    const read = typeof raw.pattern === 'string' && !longText(raw.pattern) ? parsePattern(raw.pattern) : undefined;
    if (read?.pattern) c.pattern = raw.pattern as string;
    else if (read?.error) problems.push(placed(read.error, { file, field: 'pattern' }));
    else bad('pattern', '接访日的写法，如 "每周三"', 'a duty-day pattern such as "每周三"', raw.pattern);
  }
  if (raw.serveOn !== undefined) {
    if (!Array.isArray(raw.serveOn))
      bad('serveOn', '列表 [{"who": {…}, "months": [1, 3], "weekdays": [1]}]', 'an array of entries', raw.serveOn);
    else c.serveOn = raw.serveOn.flatMap((e, k) => validateServeOn(e, `serveOn[${k}]`, bad));
  }
  if (raw.units !== undefined) {
    const v = raw.units;
    const text = (x: unknown) => typeof x === 'string' && x !== '' && !longText(x);
    const ok =
      Array.isArray(v) &&
      v.every(
        (u) =>
          isObj(u) &&
          text(u.name) &&
          Array.isArray(u.fields) &&
          u.fields.every(text) &&
          Object.keys(u).every((k) => k === 'name' || k === 'fields'),
      );
    if (ok) c.units = (v as Obj[]).map((u) => ({ name: u.name as string, fields: u.fields as string[] }));
    else
      bad(
        'units',
        '陪同单位及其业务领域的列表 [{"name": "区人社局", "fields": ["劳动保障", "就业"]}]',
        'an array of {"name": "…", "fields": ["…"]} (units and the fields they answer for)',
        v,
      );
  }
  if (raw.rotation === null) delete c.rotation;
  else if (raw.rotation !== undefined) validateRotation(raw.rotation, c, bad);
  if (raw.announcement !== undefined) validateAnnouncement(raw.announcement, c, bad);
  if (raw.slots !== undefined)
    validateSlots(raw, c, bad, (field, a) => problems.push(problem('config.slots-conflict', a, { file, field })));
  if (c.rotation) {
    const ids = c.rules.map((x) => x.id);
    const unknown = c.rotation.quotaRules.filter((id) => !ids.includes(id));
    if (unknown.length)
      bad('rotation.quotaRules', `rules 中已有的 id（${ids.join('、')}）`, `ids among the rules (${ids.join(', ')})`, unknown);
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { config: c, problems };
}

/**
 * The seed's configuration with a preset's defaults laid over it (district, township or county).
 * @example
 * const township = { ...presetConfig('township'), leaders: ['乡领导.csv'] };
 */
export function presetConfig(id: PresetId): Config {
  const c = { ...structuredClone(SEED_CONFIG), ...structuredClone(PRESET_OVERLAYS[id]) } as Config & Record<string, unknown>;
  for (const k of Object.keys(c)) if (c[k] === undefined) delete c[k];
  if (id !== 'district') c.preset = id;
  return c;
}

const ANNOUNCEMENT_TEXTS = ['title', 'number', 'basis', 'scope'] as const;
const BOOKING_FIELDS = ['where', 'by', 'bring', 'phone'] as const;

/** The 公告's texts: strings of at most MAX_TEXT characters, exclusions a list of them, representatives a small whole number. */
function validateAnnouncement(v: unknown, c: Config, bad: (f: string, e: string, en: string, g: unknown) => void): void {
  if (!isObj(v)) {
    bad('announcement', '对象 {"number": "…", "scope": "…", …}', 'an object {"number": "…", "scope": "…", …}', v);
    return;
  }
  const text = (x: unknown) => typeof x === 'string' && !longText(x);
  const a: Announcement = {};
  const textBad = (field: string, got: unknown) =>
    bad(field, `不超过 ${MAX_TEXT} 字的文字`, `a string of at most ${MAX_TEXT} characters`, got);
  const known = [...ANNOUNCEMENT_TEXTS, 'exclusions', 'booking', 'representatives'];
  for (const f of Object.keys(v)) {
    if (!known.includes(f)) bad(`announcement.${f}`, `${known.join('、')} 之一`, `one of ${known.join(', ')}`, f);
  }
  for (const f of ANNOUNCEMENT_TEXTS) {
    if (v[f] === undefined) continue;
    if (text(v[f])) a[f] = v[f] as string;
    else textBad(`announcement.${f}`, v[f]);
  }
  if (v.exclusions !== undefined) {
    if (Array.isArray(v.exclusions) && v.exclusions.every(text)) a.exclusions = v.exclusions as string[];
    else
      bad(
        'announcement.exclusions',
        `不予接访事项的列表，每项不超过 ${MAX_TEXT} 字`,
        `an array of matters not received, each at most ${MAX_TEXT} characters`,
        v.exclusions,
      );
  }
  const b = v.booking;
  if (b !== undefined) {
    if (!isObj(b)) bad('announcement.booking', `含 ${BOOKING_FIELDS.join('、')} 的对象`, `an object with ${BOOKING_FIELDS.join(', ')}`, b);
    else {
      a.booking = {};
      for (const f of Object.keys(b)) {
        if (!(BOOKING_FIELDS as readonly string[]).includes(f))
          bad(`announcement.booking.${f}`, `${BOOKING_FIELDS.join('、')} 之一`, `one of ${BOOKING_FIELDS.join(', ')}`, f);
      }
      for (const f of BOOKING_FIELDS) {
        if (b[f] === undefined) continue;
        if (text(b[f])) a.booking[f] = b[f] as string;
        else textBad(`announcement.booking.${f}`, b[f]);
      }
    }
  }
  if (v.representatives !== undefined) {
    const n = v.representatives;
    if (Number.isInteger(n) && (n as number) >= 1 && (n as number) <= NUMBER_LIMITS['announcement.representatives'])
      a.representatives = n as number;
    else
      bad(
        'announcement.representatives',
        `1 至 ${NUMBER_LIMITS['announcement.representatives']} 的整数（多人反映相同诉求时最多来访人数）`,
        `a whole number from 1 to ${NUMBER_LIMITS['announcement.representatives']} (most people one shared concern may send)`,
        n,
      );
  }
  c.announcement = a;
}

const DECOMPOSE = ['week', 'month', 'whole'] as const;

/** The rotation block: fields given override the preset's (or the defaults'); names the field at fault. */
function validateRotation(v: unknown, c: Config, bad: (f: string, e: string, en: string, g: unknown) => void): void {
  if (!isObj(v)) {
    bad('rotation', '对象（区级轮次写 null）', 'an object (or null for the district round)', v);
    return;
  }
  const r: Rotation = structuredClone(c.rotation ?? ROTATION_DEFAULTS);
  const whole = (x: unknown, min: number, max: number) => Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
  for (const f of Object.keys(v)) {
    if (!['reception', 'visits', 'maxPerWeek', 'quotaRules', 'siteGapDays', 'decompose'].includes(f)) {
      bad(
        `rotation.${f}`,
        'reception、visits、maxPerWeek、quotaRules、siteGapDays、decompose 之一',
        'one of reception, visits, maxPerWeek, quotaRules, siteGapDays, decompose',
        f,
      );
    }
  }
  for (const key of ['reception', 'visits'] as const) {
    const x = v[key];
    if (x === undefined) continue;
    if (!isObj(x)) {
      bad(`rotation.${key}`, '每个工作日的 {"min": n, "max": m}', '{"min": n, "max": m} per working day', x);
      continue;
    }
    const min = x.min ?? r[key].min,
      max = x.max ?? r[key].max;
    const top = NUMBER_LIMITS[`rotation.${key}`];
    if (!whole(min, 0, top)) bad(`rotation.${key}.min`, `0 至 ${top} 的整数`, `a whole number from 0 to ${top}`, x.min);
    else if (!whole(max, 0, top) || (max as number) < (min as number))
      bad(`rotation.${key}.max`, `min（${min}）至 ${top} 的整数`, `a whole number from min (${min}) to ${top}`, x.max);
    else r[key] = { min: min as number, max: max as number };
  }
  if (r.reception.max + r.visits.max === 0)
    bad(
      'rotation.visits.max',
      '每天至少能安排一项活动（reception.max + visits.max ≥ 1）',
      'room for at least one activity a day (reception.max + visits.max ≥ 1)',
      0,
    );
  for (const key of ['maxPerWeek', 'siteGapDays'] as const) {
    if (v[key] === undefined) continue;
    const top = NUMBER_LIMITS[`rotation.${key}`];
    if (whole(v[key], 1, top)) r[key] = v[key] as number;
    else bad(`rotation.${key}`, `1 至 ${top} 的整数`, `a whole number from 1 to ${top}`, v[key]);
  }
  if (v.quotaRules !== undefined) {
    if (Array.isArray(v.quotaRules) && v.quotaRules.every((x) => typeof x === 'string')) r.quotaRules = v.quotaRules as string[];
    else bad('rotation.quotaRules', '规则 id 的列表', 'an array of rule ids', v.quotaRules);
  }
  if (v.decompose !== undefined) {
    if (DECOMPOSE.includes(v.decompose as Rotation['decompose'])) r.decompose = v.decompose as Rotation['decompose'];
    else bad('rotation.decompose', `${DECOMPOSE.join('、')} 之一`, `one of ${DECOMPOSE.join(', ')}`, v.decompose);
  }
  c.rotation = r;
}

/** One serveOn entry: who as a rule's who, months 1–12 and weekdays 1–7 (at least one of the two). */
function validateServeOn(e: unknown, at: string, bad: (f: string, e: string, en: string, g: unknown) => void): ServeOn[] {
  const ints = (x: unknown, top: number) =>
    Array.isArray(x) && x.length > 0 && x.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= top);
  if (!isObj(e) || (e.months === undefined && e.weekdays === undefined)) {
    bad(
      at,
      '{"who": {…}, "months": [1, 3, 5], "weekdays": [1]}（months、weekdays 至少写一个）',
      'an entry with who and months and/or weekdays',
      e,
    );
    return [];
  }
  const who = validateRule({ id: at, who: e.who ?? {}, kinds: ['接访'], period: 'month', min: 0 }, at, bad)[0]?.who;
  let ok = who !== undefined;
  for (const [f, top] of [
    ['months', 12],
    ['weekdays', 7],
  ] as const) {
    if (e[f] !== undefined && !ints(e[f], top)) {
      ok = false;
      bad(`${at}.${f}`, `1 至 ${top} 的整数列表`, `a list of whole numbers from 1 to ${top}`, e[f]);
    }
  }
  for (const f of Object.keys(e))
    if (!['who', 'months', 'weekdays'].includes(f)) {
      ok = false;
      bad(`${at}.${f}`, 'who、months、weekdays 之一', 'one of who, months, weekdays', f);
    }
  if (!ok) return [];
  return [
    { who: who!, ...(e.months ? { months: e.months as number[] } : {}), ...(e.weekdays ? { weekdays: e.weekdays as number[] } : {}) },
  ];
}

function validateRule(r: unknown, at: string, bad: (f: string, e: string, en: string, g: unknown) => void): Rule[] {
  if (!isObj(r)) {
    bad(at, '规则对象', 'a rule object', r);
    return [];
  }
  let ok = true;
  const fail = (f: string, e: string, en: string, g: unknown) => {
    ok = false;
    bad(`${at}.${f}`, e, en, g);
  };
  if (typeof r.id !== 'string' || r.id === '' || longText(r.id))
    fail('id', `不超过 ${MAX_TEXT} 字的非空文字`, `a non-empty string of at most ${MAX_TEXT} characters`, r.id);
  if (r.description !== undefined && (typeof r.description !== 'string' || longText(r.description)))
    fail('description', `不超过 ${MAX_TEXT} 字的文字`, `a string of at most ${MAX_TEXT} characters`, r.description);
  const who = r.who ?? {};
  if (!isObj(who))
    fail('who', '含 ranks、titles、institutions、names 的对象', 'an object with ranks, titles, institutions and/or names', who);
  else {
    for (const f of Object.keys(who)) {
      if (!['ranks', 'titles', 'institutions', 'names'].includes(f))
        fail(`who.${f}`, 'ranks、titles、institutions、names 之一', 'one of ranks, titles, institutions, names', f);
      else if (!Array.isArray(who[f]) || !(who[f] as unknown[]).every((x) => typeof x === 'string')) {
        fail(`who.${f}`, '文字列表', 'an array of strings', who[f]);
      }
    }
    if (Array.isArray(who.ranks) && !who.ranks.every((x) => RANKS.includes(x as Rank))) {
      fail('who.ranks', `${RANKS.join('、')} 中的级别`, `ranks among ${RANKS.join(', ')}`, who.ranks);
    }
  }
  if (!Array.isArray(r.kinds) || r.kinds.length === 0 || !r.kinds.every((k) => KINDS.includes(k as Kind))) {
    fail('kinds', '由 接访、下访 组成的非空列表', 'a non-empty array of 接访, 下访', r.kinds);
  }
  if (!PERIODS.includes(r.period as Period)) fail('period', `${PERIODS.join('、')} 之一`, `one of ${PERIODS.join(', ')}`, r.period);
  const top = NUMBER_LIMITS['rules.min'];
  if (!Number.isInteger(r.min) || (r.min as number) < 0 || (r.min as number) > top)
    fail('min', `0 至 ${top} 的整数`, `a whole number from 0 to ${top}`, r.min);
  if (r.max !== undefined && (!Number.isInteger(r.max) || (r.max as number) < (r.min as number) || (r.max as number) > top)) {
    fail('max', `min 至 ${top} 的整数`, `a whole number from min to ${top}`, r.max);
  }
  if (!ok) return [];
  return [
    {
      id: r.id as string,
      description: (r.description as string | undefined) ?? `${r.id}`,
      who: who as Rule['who'],
      kinds: r.kinds as Kind[],
      period: r.period as Period,
      min: r.min as number,
      ...(r.max !== undefined ? { max: r.max as number } : {}),
    },
  ];
}

const SLOT_FIELDS = ['session', 'hours', 'place', 'kind', 'mode', 'role', 'leaders', 'who'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
type Bad = (f: string, e: string, en: string, g: unknown) => void;

/**
 * rota.json `slots`: each slot's fields, no two slots a timetable could not tell apart, and the
 * per-day counts they fix (Σ leaders of the 接访 slots, of the 下访 slots) not contradicted by a
 * perDay or rotation.reception / rotation.visits the file also writes. Slots replace those counts.
 */
function validateSlots(raw: Obj, c: Config, bad: Bad, conflict: (field: string, a: SlotConflict) => void): void {
  const v = raw.slots;
  const top = NUMBER_LIMITS.slots;
  if (!Array.isArray(v) || v.length === 0 || v.length > top) {
    bad('slots', `1 至 ${top} 个时段的列表 [{"session": "上午", "leaders": 1}]`, `an array of 1 to ${top} slots`, v);
    return;
  }
  const slots = v.flatMap((s, k) => validateSlot(s, `slots[${k}]`, bad));
  if (slots.length !== v.length) return;
  const seen = new Map<string, number>();
  slots.forEach((s, k) => {
    const key = JSON.stringify([s.kind, s.session, s.place?.name, s.mode, s.role]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, k);
    else
      bad(
        `slots[${k}]`,
        `与 slots[${first}] 不同的 时段、地点、方式或角色（相同的合为一个，写 "leaders": ${s.leaders + slots[first].leaders}）`,
        `a session, place, mode or role other than slots[${first}]'s (merge equal slots into one with more leaders)`,
        slotLabel(s),
      );
  });
  for (const kind of KINDS) {
    const n = slotLeaders(slots, kind);
    if (n > NUMBER_LIMITS.perDay)
      bad('slots', `每天${kind}合计不超过 ${NUMBER_LIMITS.perDay} 名领导`, `at most ${NUMBER_LIMITS.perDay} leaders a day per kind`, n);
  }
  const receiving = slotLeaders(slots, '接访');
  if (raw.perDay !== undefined && raw.perDay !== receiving)
    conflict('perDay', { field: 'perDay', written: show(raw.perDay), kind: '接访', leaders: receiving });
  const r = isObj(raw.rotation) ? raw.rotation : {};
  for (const [key, kind] of [
    ['reception', '接访'],
    ['visits', '下访'],
  ] as const) {
    const n = slotLeaders(slots, kind);
    const x = r[key];
    if (isObj(x) && ((x.min !== undefined && x.min !== n) || (x.max !== undefined && x.max !== n)))
      conflict(`rotation.${key}`, { field: `rotation.${key}`, written: show(x), kind, leaders: n });
  }
  c.slots = slots;
}

export interface SlotConflict {
  field: string;
  written: string;
  kind: Kind;
  leaders: number;
}

function validateSlot(s: unknown, at: string, bad: Bad): SlotSpec[] {
  if (!isObj(s)) {
    bad(at, '时段对象 {"session": "上午", "hours": {…}, "leaders": 1}', 'a slot object', s);
    return [];
  }
  let ok = true;
  const fail: Bad = (f, e, en, g) => {
    ok = false;
    bad(f, e, en, g);
  };
  for (const f of Object.keys(s))
    if (!SLOT_FIELDS.includes(f)) fail(`${at}.${f}`, `${SLOT_FIELDS.join('、')} 之一`, `one of ${SLOT_FIELDS.join(', ')}`, f);
  const text = (x: unknown) => typeof x === 'string' && x !== '' && !longText(x);
  const out: SlotSpec = { kind: '接访', leaders: 1 };
  if (s.kind !== undefined) {
    if (KINDS.includes(s.kind as Kind)) out.kind = s.kind as Kind;
    else fail(`${at}.kind`, '接访 或 下访', '接访 or 下访', s.kind);
  }
  const top = NUMBER_LIMITS['slots.leaders'];
  if (s.leaders !== undefined) {
    if (Number.isInteger(s.leaders) && (s.leaders as number) >= 1 && (s.leaders as number) <= top) out.leaders = s.leaders as number;
    else
      fail(`${at}.leaders`, `1 至 ${top} 的整数（这个时段几名领导）`, `a whole number from 1 to ${top} (leaders in the slot)`, s.leaders);
  }
  if (s.session !== undefined) {
    if (text(s.session)) out.session = s.session as string;
    else fail(`${at}.session`, `不超过 ${MAX_TEXT} 字的非空文字，如 "上午"`, `a non-empty string such as "上午"`, s.session);
  }
  if (s.hours !== undefined) {
    const h = s.hours;
    if (
      isObj(h) &&
      HHMM.test(String(h.start)) &&
      HHMM.test(String(h.end)) &&
      String(h.end) > String(h.start) &&
      Object.keys(h).length === 2
    )
      out.hours = { start: h.start as string, end: h.end as string };
    else
      fail(`${at}.hours`, '{"start": "HH:MM", "end": "HH:MM"}，结束晚于开始', '{"start": "HH:MM", "end": "HH:MM"} with end after start', h);
  }
  if (s.place !== undefined) {
    const p = s.place;
    if (
      isObj(p) &&
      text(p.name) &&
      (p.address === undefined || typeof p.address === 'string') &&
      !longText(p.address) &&
      Object.keys(p).every((k) => k === 'name' || k === 'address')
    )
      out.place = { name: p.name as string, ...(p.address ? { address: p.address as string } : {}) };
    else fail(`${at}.place`, '{"name": "诉讼服务中心", "address": "…"}', '{"name": "…", "address": "…"}', p);
  }
  if (s.mode !== undefined) {
    if (DUTY_MODES.includes(s.mode as DutyMode)) out.mode = s.mode as DutyMode;
    else fail(`${at}.mode`, `${DUTY_MODES.join('、')} 之一`, `one of ${DUTY_MODES.join(', ')}`, s.mode);
  }
  if (s.role !== undefined) {
    if (DUTY_ROLES.includes(s.role as DutyRole)) out.role = s.role as DutyRole;
    else fail(`${at}.role`, `${DUTY_ROLES.join('、')} 之一`, `one of ${DUTY_ROLES.join(', ')}`, s.role);
  }
  if (s.who !== undefined) {
    const who = validateRule({ id: at, who: s.who, kinds: ['接访'], period: 'month', min: 0 }, at, bad)[0]?.who;
    if (who) out.who = who;
    else ok = false;
  }
  return ok ? [out] : [];
}
