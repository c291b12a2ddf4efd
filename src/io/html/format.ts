// Dates as residents read them: 2024年12月11日, 12月11日; and as a 公告 is dated: 二〇二四年十二月九日.
import type { IsoDate } from '../../core/types.js';

export function cnDate(date: IsoDate): string {
  return `${+date.slice(0, 4)}年${+date.slice(5, 7)}月${+date.slice(8, 10)}日`;
}

export function cnMonthDay(date: IsoDate): string {
  return `${+date.slice(5, 7)}月${+date.slice(8, 10)}日`;
}

/** 2024年12月11日至12月26日; the year is repeated only when the window crosses into the next. */
export function cnRange(from: IsoDate, to: IsoDate): string {
  return `${cnDate(from)}至${from.slice(0, 4) === to.slice(0, 4) ? cnMonthDay(to) : cnDate(to)}`;
}

const DIGITS = '〇一二三四五六七八九';

/** 1 … 99 in Chinese numerals: 一, 十, 十二, 二十, 九十九 (numbered sections of a 公告). */
export function hanNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** 二〇二四年十二月九日: the year digit by digit, month and day as numbers (GB/T 9704 成文日期). */
export function cnHanDate(date: IsoDate): string {
  const year = [...date.slice(0, 4)].map((d) => DIGITS[+d]).join('');
  return `${year}年${hanNumber(+date.slice(5, 7))}月${hanNumber(+date.slice(8, 10))}日`;
}
