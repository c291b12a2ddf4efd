// rota/core: the building blocks behind the library API (engine, rules, readers, renderers), for tools
// that need more than the main entry gives. Less stable than "rota" itself: names may move between versions.

export { type Calendar, type CalendarOptions, makeCalendar } from './core/calendar.js';
export * from './core/check/index.js';
export { type Config, type OrderMode, presetConfig, type Rotation, SEED_CONFIG, validateConfig } from './core/config.js';
export { CONFIG_SCHEMA } from './core/config-schema.js';
export { formatDateList, parseDateList } from './core/date-list.js';
export * from './core/dates.js';
export { dutySlots, sortDuties } from './core/duty-order.js';
export * from './core/engine/index.js';
export { buildHolidayOverrides, HOLIDAY_COLUMNS } from './core/holiday-overrides.js';
export { REGION_IDS, type RegionId, regions } from './core/holidays/regions.js';
export { xinjiangSources } from './core/holidays/xinjiang.js';
export { DISTRICT_INSTITUTIONS, type Institution, resolveInstitution } from './core/institutions.js';
export { buildLeaders, LEADER_COLUMNS, leaderKey } from './core/leaders.js';
export { blockSizes, institutionsForDays, type OrderInput } from './core/order.js';
export { type Place, placeText } from './core/place.js';
export {
  DISTRICT_QUOTA_RULE_IDS,
  PRESET_IDS,
  PRESET_OVERLAYS,
  type PresetId,
  ROTATION_DEFAULTS,
  rulesetOf,
  TOWNSHIP_INSTITUTIONS,
  TOWNSHIP_INSTITUTIONS_BY_KIND,
  TOWNSHIP_KINDS,
} from './core/presets.js';
export { formatProblem } from './core/problems.js';
export { levelOf, parseRank } from './core/ranks.js';
export { dutyCells, RECORD_COLUMNS, type RecordResult, recordReader, TIMETABLE_HEADER } from './core/records.js';
export { changeLine, type DayChange, diffTimetables, peopleText } from './core/replan/diff.js';
export { type PinError, type ReplanInput, type ReplanReport, type ReplanResult, replan, replanPins } from './core/replan/replan.js';
export {
  type Alternative,
  alternatives as swapAlternatives,
  type DutyRef,
  proposeSwap,
  type SwapInput,
  type SwapRequest,
  type SwapResult,
} from './core/replan/swap.js';
export { ruleApplies, SEED_RULES } from './core/rules.js';
export { buildSites, SITE_COLUMNS, type Site } from './core/sites.js';
export { clean, cleanName } from './core/text.js';
export type * from './core/types.js';
export { KINDS, RANKS } from './core/types.js';
export { type OutFile, WriteError, writeAllOrNone } from './io/atomic-write.js';
export {
  CHECK_FORMATS,
  type CheckFormat,
  type CheckReport,
  escapeXml,
  formatCheck,
  formatGithub,
  formatJson,
  formatJunit,
  formatText,
} from './io/check-format.js';
export { loadLeaves, loadRules, tallyRecordFiles } from './io/check-input.js';
export { loadConfig } from './io/config-file.js';
export { neutralise, toExcelCsv, unneutralise } from './io/csv-write.js';
export { decode, type Encoding } from './io/decode.js';
export { digestFiles, type InputDigest } from './io/digest.js';
export { loadHistory } from './io/history.js';
export { contentSecurityPolicy, renderHtml } from './io/html/page.js';
export { escapeHtml } from './io/html-escape.js';
export { chinaVtimezone, escapeIcsText, ICS_ZONE, type IcsOptions, renderIcs, slotKey, slotUid, stampOf } from './io/ics.js';
export { loadHolidays, loadLeaders, loadTable, readTimetable } from './io/load.js';
export { NOTICE_TITLE, type NoticeMeta, noticeHtml, noticeJson, noticeText } from './io/notice.js';
export { type PlanOutput, planFiles, planJson, publicDuty } from './io/plan-files.js';
export { type PublishOptions, perLeaderIcs, publishFiles, renderCsv, safeFileName } from './io/publish.js';
export {
  type FolderFs,
  generations,
  isPublished,
  lockFolder,
  newestGeneration,
  publishFolder,
  recoverFolder,
  stateDir,
  targetOf,
  withFolderLock,
} from './io/publish-folder.js';
export { readFolderState, readPublishedState } from './io/published-state.js';
export { dutyRows, type ReportInput, reportHtml, summaryRows } from './io/report.js';
export {
  cancellations,
  changedSlots,
  type LogEntry,
  nextSequences,
  type PublishedState,
  publishedStateFrom,
  sequencesOf,
} from './io/sequences.js';
export { loadSites } from './io/sites-file.js';
export { type Column, mapHeader, readTable, type Table } from './io/table.js';
export { type StreamedTable, streamTable } from './io/table-stream.js';
export type { TimetableEntry } from './io/timetable-read.js';
export { readTimetableBytes, type TimetableRead } from './io/timetable-read.js';
