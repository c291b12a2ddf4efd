// Dates as residents read them: 2024年12月11日, 12月11日.
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
