// The 公告 in words, as offices publish it: title, 文号, the duty dates that are really duty days,
// hours as 上午/下午, place, 接访范围 and 不予接访, booking, the representatives rule, the holiday rule,
// 特此公告, the office and the date in Chinese. One text for the page and the .docx files.
import type { Calendar } from '../core/calendar.js';
import type { Config } from '../core/config.js';
import { eachDay } from '../core/dates.js';
import { sortDuties } from '../core/duty-order.js';
import { DEFAULT_HOLIDAY_RULE, type HolidayRule, parsePattern } from '../core/patterns.js';
import { receptionPlaces } from '../core/place.js';
import type { Duty, IsoDate } from '../core/types.js';
import { cnDate, cnHanDate, cnMonthDay, cnRange, hanNumber } from './html/format.js';

/** 《信访工作条例》 (2022) and the seed: a group with one concern sends at most 5 people. */
export const DEFAULT_REPRESENTATIVES = 5;
/** More duty dates than this are not listed one by one in the text (the table lists them). */
const MAX_LISTED_DATES = 31;

/** One numbered section: 一、接访时间。… */
export interface AnnouncementItem {
  head: string;
  text: string;
  /** Sub-items written （一）…；（二）… */
  list?: string[];
}

export interface AnnouncementText {
  title: string;
  number?: string;
  lead: string;
  items: AnnouncementItem[];
  /** The sentence introducing the table. */
  table: string;
  contact?: string;
  office: string;
  /** The date in Chinese numerals (二〇二四年十二月九日); absent without config.published. */
  date?: string;
}

/** 2024年12月11日、12日、16日、2025年1月3日: the year and month are repeated only when they change. */
export function cnDateList(dates: readonly IsoDate[]): string {
  return dates
    .map((d, i) => {
      const prev = dates[i - 1];
      if (!prev || prev.slice(0, 4) !== d.slice(0, 4)) return cnDate(d);
      if (prev.slice(0, 7) !== d.slice(0, 7)) return cnMonthDay(d);
      return `${+d.slice(8, 10)}日`;
    })
    .join('、');
}

/** 上午 before noon, 下午 until six, 晚上 after; 08:30 is written 8:30. */
export function clockWords(hhmm: string): { half: string; time: string } {
  const h = +hhmm.slice(0, 2);
  return { half: h < 12 ? '上午' : h < 18 ? '下午' : '晚上', time: `${h}:${hhmm.slice(3)}` };
}

/** 上午8:30—11:30, or 上午10:00至下午14:00 across noon. */
export function hoursWords(start: string, end: string): string {
  const a = clockWords(start);
  const b = clockWords(end);
  return a.half === b.half ? `${a.half}${a.time}—${b.time}` : `${a.half}${a.time}至${b.half}${b.time}`;
}

/** A duty's 时段 in words: 上午8:30—11:30 from its hours, the session alone without them, or 晚上（19:00—21:00） when the clock names another half. */
export function sessionWords(d: Pick<Duty, 'session' | 'hours'>): string {
  if (!d.hours) return d.session ?? '';
  const words = hoursWords(d.hours.start, d.hours.end);
  return !d.session || words.startsWith(d.session) ? words : `${d.session}（${words}）`;
}

/**
 * The day's hours for the 公告: each session's (上午8:30—11:30、下午15:00—17:30) when the duties have
 * their own, in the timetable's order; else the round's.
 */
function dayHoursWords(sorted: readonly Duty[], config: Pick<Config, 'hours'>): string {
  const own = [...new Set(sorted.filter((d) => d.hours).map(sessionWords))];
  if (own.length) return `，每天${own.join('、')}（北京时间）`;
  return config.hours ? `，每天${hoursWords(config.hours.start, config.hours.end)}（北京时间）` : '';
}

/** The 接访 places with their addresses: the round's one, or each place the duties name when they name several (or another). */
function placesWords(duties: readonly Duty[], config: Pick<Config, 'place'>): string {
  const places = receptionPlaces(duties);
  if (places.length === 0 || (places.length === 1 && places[0] === placeWords(config))) return placeWords(config);
  return places.length === 1 ? places[0] : `${places.join('、')}（各场次地点见下表）`;
}

/** The duty dates in words: a range only when every working day of it is a duty day, else the dates. */
export function dutyDatesWords(dates: readonly IsoDate[], config: Pick<Config, 'from' | 'to'>, calendar: Calendar): string {
  if (dates.length === 0) return `${cnRange(config.from, config.to)}（暂无安排）`;
  if (dates.length === 1) return cnDate(dates[0]);
  const from = dates[0];
  const to = dates[dates.length - 1];
  // With a duty-day pattern (每周三 …) the calendar's working days are its duty days: compare with the plain ones.
  const working = (calendar.plain ?? calendar).workingDays(from, to);
  if (working.length === dates.length && working.every((d, i) => d === dates[i])) {
    return `${cnRange(from, to)}期间的每个工作日（共${dates.length}天）`;
  }
  if (dates.length > MAX_LISTED_DATES) return `${cnRange(from, to)}期间的${dates.length}天（具体日期见下表）`;
  return `${cnDateList(dates)}（共${dates.length}天）`;
}

/** Weekend duty days: a State Council make-up day (调休上班) is called so; a day the office declared is not. */
function weekendWords(dates: readonly IsoDate[], calendar: Calendar): string {
  const weekend = dates.filter((d) => calendar.day(d).isoWeekday >= 6);
  if (!weekend.length || weekend.length > MAX_LISTED_DATES) return '';
  const said = weekend.map((d) => {
    const info = calendar.day(d);
    return `${cnMonthDay(d)}（${info.weekday}${info.makeup && !info.local ? `，${info.reason ?? ''}调休上班` : ''}）`;
  });
  return `其中${said.join('、')}照常接访。`;
}

const RULE_WORDS: Record<HolidayRule, string> = { 顺延: '顺延至下一个工作日', 提前: '提前至前一个工作日', 取消: '当次取消' };

/** The holiday rule in words, naming the holidays that fall in the window and each duty day a pattern moved. */
function holidayWords(config: Pick<Config, 'from' | 'to' | 'region' | 'pattern'>, dates: readonly IsoDate[], calendar: Calendar): string {
  const plain = calendar.plain ?? calendar;
  const names = new Set<string>();
  for (const d of eachDay(config.from, config.to)) {
    const info = plain.day(d);
    if (!info.working && info.reason && info.reason !== '周六' && info.reason !== '周日') names.add(info.reason);
  }
  const region = config.region === 'xinjiang' ? '（含自治区规定的肉孜节、古尔邦节）' : '';
  const these = names.size ? `，其间${[...names].join('、')}放假` : '';
  const pattern = config.pattern === undefined ? undefined : parsePattern(config.pattern).pattern;
  if (!pattern || pattern.shape.kind === 'working-days') {
    return `双休日和法定节假日${region}不接访${these}；国务院安排调休上班的日子照常接访。`;
  }
  const rule = pattern.holiday ?? (pattern.shape.kind === 'dates' ? undefined : DEFAULT_HOLIDAY_RULE);
  const moved = dates.flatMap((d) => {
    const from = calendar.day(d).movedFrom;
    return from
      ? [`${cnMonthDay(from)}（${plain.day(from).reason ?? ''}）${pattern.holiday ?? DEFAULT_HOLIDAY_RULE}至${cnMonthDay(d)}`]
      : [];
  });
  const rest = `${these ? `${these.slice(1)}。` : ''}${moved.length ? `其中${moved.join('、')}。` : ''}`;
  return rule ? `接访日为${pattern.text}；遇双休日或法定节假日${region}${RULE_WORDS[rule]}。${rest}` : `接访日为${pattern.text}。${rest}`;
}

const placeWords = (c: Pick<Config, 'place'>) => `${c.place.name}${c.place.address ? `（${c.place.address}）` : ''}`;

function bookingItem(config: Config): AnnouncementItem | undefined {
  const b = config.announcement?.booking ?? {};
  const phone = b.phone || config.contact.phone;
  const parts = [
    b.where ? `预约地点：${b.where}` : '',
    b.by ? `预约时间：${b.by}` : '',
    b.bring ? `来访请携带${b.bring}` : '',
    phone ? `预约电话：${phone}` : '',
  ].filter(Boolean);
  if (!parts.length) return undefined;
  return { head: '预约方式', text: `群众可提前预约（约访），工作人员登记诉求后告知接访领导。${parts.join('；')}。` };
}

/**
 * The 公告's words for a timetable: each section only when the configuration says something true for it.
 * @example
 * const text = announcementText(duties, config, calendar); // text.items[0].head === '接访时间'
 */
export function announcementText(duties: readonly Duty[], config: Config, calendar: Calendar): AnnouncementText {
  const a = config.announcement ?? {};
  const mixed = duties.some((d) => d.kind === '下访');
  const what = mixed ? '接访、下访' : '接访';
  const dates = [...new Set(duties.map((d) => d.date))].sort();
  const sorted = sortDuties(duties, config);
  const hours = dayHoursWords(sorted, config);
  const items: AnnouncementItem[] = [
    {
      head: `${what}时间`,
      text: `${dutyDatesWords(dates, config, calendar)}${hours}。${weekendWords(dates, calendar)}${holidayWords(config, dates, calendar)}`,
    },
    {
      head: '接访地点',
      text: `${placesWords(sorted, config)}${mixed ? '；下访领导到下表所列村、社区' : ''}。`,
    },
  ];
  if (a.scope || a.exclusions?.length) {
    const not = a.exclusions?.length ? '下列事项不予接访，请通过相应渠道反映：' : '';
    items.push({
      head: '接访范围',
      text: `${a.scope ? `${a.scope.replace(/[。；;.]$/, '')}。` : ''}${not}`,
      ...(not ? { list: a.exclusions } : {}),
    });
  }
  const booking = bookingItem(config);
  if (booking) items.push(booking);
  const n = a.representatives ?? DEFAULT_REPRESENTATIVES;
  items.push({
    head: '来访须知',
    text: `请根据所反映的问题，选择分管该项工作的领导${what}日前来。来访群众应自觉维护信访秩序，依法、文明信访；多人反映相同诉求的，来访人数不得超过${n}人。`,
  });
  const numbered = items.map((it, i) => ({ ...it, head: `${hanNumber(i + 1)}、${it.head}` }));
  const { name, phone } = config.contact;
  const contact = [name ? `联系人：${name}` : '', phone ? `联系电话：${phone}` : ''].filter(Boolean).join('，');
  return {
    title: a.title ?? `关于公布${config.title}的公告`,
    ...(a.number ? { number: a.number } : {}),
    lead: `${a.basis ? `根据${a.basis}，为` : '为'}畅通群众诉求表达渠道，方便群众就近反映问题，现将${config.title.replace(/表$/, '')}公告如下：`,
    items: numbered,
    table: `${what}领导的姓名、职务和分管工作见下表。`,
    ...(contact ? { contact } : {}),
    office: config.office,
    ...(config.published ? { date: cnHanDate(config.published) } : {}),
  };
}

/** （一）…；（二）…。 */
export function listWords(list: readonly string[]): string[] {
  return list.map((x, i) => `（${hanNumber(i + 1)}）${x.replace(/[。；;.]$/, '')}${i === list.length - 1 ? '。' : '；'}`);
}
