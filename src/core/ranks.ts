import type { Level, Rank } from './types.js';
import { RANKS } from './types.js';

const ALIASES: Record<string, Rank> = {
  正处级: '正处级', 正处: '正处级', 县处级正职: '正处级',
  副处级: '副处级', 副处: '副处级', 县处级副职: '副处级',
  正科级: '正科级', 正科: '正科级', 乡科级正职: '正科级',
  副科级: '副科级', 副科: '副科级', 乡科级副职: '副科级',
};

export function parseRank(text: string): Rank | undefined {
  return ALIASES[text.replace(/[\s\u3000]/g, '')];
}

export function levelOf(rank: Rank): Level {
  return rank === '正处级' || rank === '副处级' ? '县处级' : '乡科级';
}

/** Ranks at or above `rank` (副处级 → 正处级, 副处级). */
export function ranksAtLeast(rank: Rank): Rank[] {
  return RANKS.slice(0, RANKS.indexOf(rank) + 1);
}

/** Ranks named directly or through their level (县处级, 乡科级). */
export function expandRanks(names: string[]): { ranks: Rank[]; unknown: string[] } {
  const ranks = new Set<Rank>();
  const unknown: string[] = [];
  for (const n of names) {
    if (n === '县处级') ranks.add('正处级').add('副处级');
    else if (n === '乡科级') ranks.add('正科级').add('副科级');
    else {
      const r = parseRank(n);
      if (r) ranks.add(r);
      else unknown.push(n);
    }
  }
  return { ranks: RANKS.filter((r) => ranks.has(r)), unknown };
}
