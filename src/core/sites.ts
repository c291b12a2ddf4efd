// 下访 sites (名称, 类型 村/社区, 地址, 每月至少, 相关分管): the villages and communities leaders visit.
import { LIMITS } from './limits.js';
import { type MessageArgs, type MessageCode, problem } from './messages.js';
import type { Problem, RawRow } from './types.js';

export interface Site {
  name: string;
  type: '村' | '社区';
  address: string;
  /** Visits the site must have each month (0: none required, still rotated through). */
  monthlyMin: number;
  /** Portfolio keywords this site relates to (e.g. 征地拆迁, 农业); a leader whose 分管工作 shares one prefers it. */
  related: string[];
  line: number;
}

export const SITE_COLUMNS = [
  { field: 'name', headers: ['名称', 'name'], required: true },
  { field: 'type', headers: ['类型', 'type'], required: true },
  { field: 'address', headers: ['地址', 'address'] },
  { field: 'monthlyMin', headers: ['每月至少', 'monthly minimum', 'monthlyMin'] },
  { field: 'related', headers: ['相关分管', 'related'] },
];

const TYPES: Record<string, Site['type']> = { 村: '村', 行政村: '村', village: '村', 社区: '社区', community: '社区' };

export function buildSites(file: string, rows: RawRow[]): { sites: Site[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const sites: Site[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const err = <C extends MessageCode>(field: string, code: C, args: MessageArgs<C>) =>
      problems.push(problem(code, args, { file, line, field }));
    const name = (values.name ?? '').replace(/[\s\u3000]+/g, '');
    if (!name) err('名称', 'site.name-empty', {});
    const type = TYPES[(values.type ?? '').toLowerCase()];
    if (!type) err('类型', 'site.type-unknown', { text: values.type ?? '' });
    const minText = values.monthlyMin ?? '';
    const monthlyMin = minText === '' ? 0 : Number(minText);
    const whole = Number.isInteger(monthlyMin) && monthlyMin >= 0;
    if (!whole) err('每月至少', 'number.invalid', { text: minText });
    else if (monthlyMin > LIMITS.siteMonthly) err('每月至少', 'limit.number', { text: minText, max: LIMITS.siteMonthly });
    if (name && seen.has(name)) err('名称', 'row.duplicate', { what: name, line: seen.get(name)! });
    if (!name || !type || !whole || monthlyMin > LIMITS.siteMonthly || seen.has(name)) continue;
    seen.set(name, line);
    const related = (values.related ?? '').split(/[;；、,，\s\u3000]+/).filter(Boolean);
    sites.push({ name, type, address: values.address ?? '', monthlyMin, related, line });
  }
  return { sites, problems };
}
