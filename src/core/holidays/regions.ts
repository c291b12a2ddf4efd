// Regions with public holidays of their own, added on top of the national arrangement.
import type { HolidayEntry } from '../types.js';
import { nationalYears } from './national.js';
import { xinjiangEntries, xinjiangYears } from './xinjiang.js';

export type RegionId = 'national' | 'xinjiang';

export interface Region {
  label: string;
  /** The region's own holidays, named for messages ('' for none). */
  holidays: string;
  entries: HolidayEntry[];
  /** Years for which the region's own arrangement is known. */
  years: ReadonlySet<number>;
}

export const regions: Record<RegionId, Region> = {
  national: { label: '全国', holidays: '', entries: [], years: nationalYears },
  xinjiang: { label: '新疆维吾尔自治区', holidays: '肉孜节、古尔邦节', entries: xinjiangEntries, years: xinjiangYears },
};

export const REGION_IDS = Object.keys(regions).sort() as RegionId[];
