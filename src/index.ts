// rota's typed library API. The core is pure; the io functions read and write files.
export type * from './core/types.js';
export { KINDS, RANKS } from './core/types.js';
export * from './core/dates.js';
export { makeCalendar, type Calendar, type CalendarOptions } from './core/calendar.js';
export { REGION_IDS, regions, type RegionId } from './core/holidays/regions.js';
export { xinjiangSources } from './core/holidays/xinjiang.js';
export { DISTRICT_INSTITUTIONS, resolveInstitution, type Institution } from './core/institutions.js';
export { expandRanks, levelOf, parseRank, ranksAtLeast } from './core/ranks.js';
export { cleanName, clean } from './core/text.js';
export { parseDateList, formatDateList } from './core/date-list.js';
export { buildLeaders, LEADER_COLUMNS } from './core/leaders.js';
export { buildHolidayOverrides, HOLIDAY_COLUMNS } from './core/holiday-overrides.js';
export { SEED_CONFIG, validateConfig, type Config, type OrderMode } from './core/config.js';
export { CONFIG_SCHEMA } from './core/config-schema.js';
export { SEED_RULES, ruleApplies } from './core/rules.js';
export { formatProblem } from './core/problems.js';
export { decode, type Encoding } from './io/decode.js';
export { readTable, mapHeader, type Column, type Table } from './io/table.js';
export { loadLeaders, loadHolidays, loadTable } from './io/load.js';
export { loadConfig } from './io/config-file.js';
export { toExcelCsv, neutralise, unneutralise } from './io/csv-write.js';

export { RECORD_COLUMNS, TIMETABLE_HEADER, recordReader, dutyCells, type RecordResult } from './core/records.js';
export { institutionsForDays, blockSizes, type OrderInput } from './core/order.js';
export { escapeHtml } from './io/html-escape.js';
export { buildSites, SITE_COLUMNS, type Site } from './core/sites.js';

export { TIMETABLE_CHECKS, checkTimetable, knownLeader, withinWindow, workingDay, leaderAvailable, eligibleRank, perDayLimit, maxPerLeader, institutionOrder, type TimetableCheck, type TimetableEntry, type TimetableFacts } from './core/timetable-checks.js';
export { sortDuties, dutySlots } from './core/duty-order.js';
export { readTimetable, readTimetableBytes, type TimetableRead } from './io/timetable-read.js';
export { renderIcs, slotUid, stampOf, chinaVtimezone, escapeIcsText, ICS_ZONE, type IcsOptions } from './io/ics.js';
export { renderHtml, contentSecurityPolicy } from './io/html/page.js';
export { publishFiles, renderCsv, perLeaderIcs, safeFileName, type PublishOptions } from './io/publish.js';
export { writeAllOrNone, type OutFile } from './io/atomic-write.js';
