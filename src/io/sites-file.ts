// The 下访 sites file (名称, 类型 村/社区, 地址, 每月至少, 相关分管), read like every other CSV.
import { buildSites, SITE_COLUMNS, type Site } from '../core/sites.js';
import type { Problem } from '../core/types.js';
import { loadTable } from './load.js';

export function loadSites(file: string): { sites: Site[]; problems: Problem[] } {
  const table = loadTable(file, SITE_COLUMNS);
  const built = buildSites(file, table.rows);
  return { sites: built.sites, problems: [...table.problems, ...built.problems] };
}
