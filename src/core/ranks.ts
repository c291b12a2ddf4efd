import type { Level, Rank } from './types.js';

const ALIASES: Record<string, Rank> = {
  正处级: '正处级',
  正处: '正处级',
  县处级正职: '正处级',
  副处级: '副处级',
  副处: '副处级',
  县处级副职: '副处级',
  正科级: '正科级',
  正科: '正科级',
  乡科级正职: '正科级',
  副科级: '副科级',
  副科: '副科级',
  乡科级副职: '副科级',
};

export function parseRank(text: string): Rank | undefined {
  return ALIASES[text.replace(/[\s\u3000]/g, '')];
}

export function levelOf(rank: Rank): Level {
  return rank === '正处级' || rank === '副处级' ? '县处级' : '乡科级';
}
