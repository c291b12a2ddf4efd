// The 下访 sites file (名称, 类型 村/社区, 地址, 每月至少, 相关分管), read like every other CSV.
import type { Site } from '../core/sites.js';
import type { Problem } from '../core/types.js';
import { sitesFrom } from './lists.js';
import { readBytes } from './read-file.js';

export function loadSites(file: string): { sites: Site[]; problems: Problem[] } {
  return sitesFrom(readBytes, file);
}
