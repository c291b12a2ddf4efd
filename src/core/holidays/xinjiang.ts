// Xinjiang Uyghur Autonomous Region's own public holidays (肉孜节, 古尔邦节) under
// 《新疆维吾尔自治区少数民族习惯节日放假办法》 as amended by 自治区人民政府令第174号
// (肉孜节 one day, 古尔邦节 three; the yearly notice adds adjoining weekends to the count).
// Each year cites what it was taken from; `verified` says whether the notice itself was read.
import type { HolidayEntry } from '../types.js';

interface Announcement {
  year: number;
  citation: string;
  verified: boolean;
  days: Array<[date: string, type: HolidayEntry['type'], name: string]>;
}

const rest = (name: string, ...dates: string[]): Announcement['days'] => dates.map((d) => [d, '休息', name]);

const announcements: Announcement[] = [
  {
    year: 2024,
    citation:
      '新疆维吾尔自治区人民政府办公厅关于2024年节假日放假和冬夏季作息时间安排的通知 (dates taken from a ' +
      'secondary compilation: 肉孜节 4月10日; 古尔邦节 6月16日(周日)是节日, 6月17日至19日放假)',
    verified: false,
    days: [...rest('肉孜节', '2024-04-10'), ...rest('古尔邦节', '2024-06-17', '2024-06-18', '2024-06-19')],
  },
  {
    year: 2025,
    citation:
      '新疆维吾尔自治区人民政府办公厅关于2025年节假日放假和冬夏季作息时间安排的通知: ' +
      '"肉孜节：3月29日（周六）至31日（周一）放假，共3天"; "古尔邦节：6月6日（周五）至10日（周二）放假，共5天" ' +
      '(also 托克逊县 托政办函〔2024〕80号, 2025-01-03)',
    verified: true,
    days: [
      ...rest('肉孜节', '2025-03-29', '2025-03-30', '2025-03-31'),
      ...rest('古尔邦节', '2025-06-06', '2025-06-07', '2025-06-08', '2025-06-09', '2025-06-10'),
    ],
  },
  {
    year: 2026,
    citation:
      '新疆维吾尔自治区人民政府办公厅关于2026年节假日放假和冬夏季作息时间安排的通知 (dates taken from a ' +
      'secondary compilation: 肉孜节 3月20日至22日; 古尔邦节 5月27日至31日)',
    verified: false,
    days: [
      ...rest('肉孜节', '2026-03-20', '2026-03-21', '2026-03-22'),
      ...rest('古尔邦节', '2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31'),
    ],
  },
];

export const xinjiangEntries: HolidayEntry[] = announcements.flatMap((a) => a.days.map(([date, type, name]) => ({ date, type, name })));

export const xinjiangYears: ReadonlySet<number> = new Set(announcements.map((a) => a.year));

/** What each year's data rests on, for `rota calendar --region xinjiang` to show. */
export const xinjiangSources: ReadonlyArray<{ year: number; citation: string; verified: boolean }> = announcements.map(
  ({ year, citation, verified }) => ({ year, citation, verified }),
);
