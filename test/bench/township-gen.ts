// Realistic test townships 乡镇 for the batch and the bench: 8-20 leaders of the township's Party
// committee, congress and government (a few 正科级, most 副科级), 4-12 villages and communities to
// visit, leaves of a week or two, and now and then a local closure day in a holidays file. Seeded,
// so a seed always gives the same folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../src/core/dates.js';

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['建国', '海燕', '立新', '志强', '秀英', '伟', '静', '芳', '德胜', '晓军', '玉兰', '明'];
export const UYGHUR = ['艾力·买买提', '阿依古丽·吐尔逊', '努尔兰·哈力木', '热依拉·艾买提', '库尔班·尼亚孜', '古丽娜·艾山'];
const PORTFOLIOS = ['党建', '农业农村', '水利', '民族团结', '征地拆迁', '畜牧', '社会保障', '安全生产', '教育', '卫生健康'];
const PLACES = ['东风', '红旗', '胜利', '团结', '和平', '前进', '幸福', '光明', '新华', '丰收', '南湖', '北山'];

export interface TownshipOptions {
  /** Leaders (default: 8-20 from the seed). */
  leaders?: number;
  /** 下访 sites (default: 4-12 from the seed). */
  sites?: number;
  from?: string;
  to?: string;
  /** county: 县处级 leaders of the six district institutions, planned month by month (default township). */
  preset?: 'township' | 'county';
}

const COUNTY_INSTITUTIONS = ['区委', '区人大', '区政府', '区政协', '区人民法院', '区人民检察院'];

/** A CSV file as Excel writes it: BOM, CRLF (the bench's cells hold no commas or quotes). */
export const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;

/** What only an office can fill (rota refuses to publish the seed's, or an empty phone): a township's own. */
export const OFFICE = {
  place: { name: '乡人民群众信访接待室', address: '乡政府一楼' },
  contact: { name: '刘婷', phone: '0990-6901000' },
  hours: { start: '10:00', end: '14:00' },
  office: '乡信访工作联席会议办公室',
};

/** Writes one township's folder (rota.json, leaders.csv, sites.csv, maybe holidays.csv) into `dir`. */
export function writeTownship(dir: string, seed: number, o: TownshipOptions = {}): { leaders: number; sites: number } {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const from = o.from ?? '2025-01-01';
  const to = o.to ?? '2025-12-31';
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const n = o.leaders ?? 8 + Math.floor(random() * 13);
  const s = o.sites ?? 4 + Math.floor(random() * 9);
  mkdirSync(dir, { recursive: true });
  const leaders: string[][] = [];
  for (let i = 0; i < n; i++) {
    const name =
      i % 5 === 2 ? `${UYGHUR[i % UYGHUR.length]}${i}` : `${SURNAMES[(seed + i) % SURNAMES.length]}${GIVEN[i % GIVEN.length]}${i}`;
    const county = o.preset === 'county';
    const institution = county
      ? COUNTY_INSTITUTIONS[i % COUNTY_INSTITUTIONS.length]
      : i < 2
        ? ['乡党委', '乡政府'][i]
        : pick(['乡党委', '乡政府', '乡政府', '乡人大']);
    const rank = county ? (i < 6 ? '正处级' : '副处级') : i < 3 ? '正科级' : '副科级';
    // About one leader in three is away a week or two during the year (leave, training, a business trip).
    const away: string[] = [];
    if (random() < 0.35 && span > 14) {
      const start = addDays(from, Math.floor(random() * (span - 14)));
      away.push(`${start}~${addDays(start, random() < 0.5 ? 4 : 11)}`);
    }
    leaders.push([name, institution, i === 0 ? '党委书记' : i === 1 ? '乡长' : '副职', rank, pick(PORTFOLIOS), away.join(';'), '', '']);
  }
  writeFileSync(
    join(dir, 'leaders.csv'),
    csv([['姓名', '单位', '职务', '级别', '分管工作', '不可接访日期', '联络员', '联系电话'], ...leaders]),
  );
  const sites: string[][] = [];
  for (let i = 0; i < s; i++) {
    const village = i % 4 !== 3;
    // Past the twelve place names, a number keeps each name unique (a sites list refuses repeats).
    const place = `${PLACES[i % PLACES.length]}${i < PLACES.length ? '' : Math.floor(i / PLACES.length) + 1}`;
    sites.push([
      `${place}${village ? '村' : '社区'}`,
      village ? '村' : '社区',
      `${PLACES[i % PLACES.length]}村委会`,
      '1',
      pick(PORTFOLIOS),
    ]);
  }
  writeFileSync(join(dir, 'sites.csv'), csv([['名称', '类型', '地址', '每月至少', '相关分管'], ...sites]));
  const config: Record<string, unknown> = {
    preset: o.preset ?? 'township',
    title: `第${seed}${o.preset === 'county' ? '区县处级' : '乡'}领导干部接访、下访轮值表`,
    from,
    to,
    region: 'xinjiang',
    leaders: ['leaders.csv'],
    sites: 'sites.csv',
    seed,
    ...OFFICE,
  };
  // One township in four closes a day for a local reason (a flood-season drill, an election).
  if (random() < 0.25 && span > 30) {
    writeFileSync(
      join(dir, 'holidays.csv'),
      csv([
        ['日期', '类型', '名称'],
        [addDays(from, 20 + Math.floor(random() * (span - 30))), '休息', '乡人大换届选举'],
      ]),
    );
    config.holidays = 'holidays.csv';
  }
  writeFileSync(join(dir, 'rota.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { leaders: n, sites: s };
}

/** `count` townships in DIR/乡01, DIR/乡02, …, seeds from `seed`. */
export function writeTownships(dir: string, count: number, seed = 1, o: TownshipOptions = {}): string[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const name = `乡${String(i + 1).padStart(Math.max(2, width), '0')}`;
    writeTownship(join(dir, name), seed + i, o);
    return name;
  });
}
