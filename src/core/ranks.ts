import type { Level, Rank } from './types.js';

/** Other spellings of each rank, beyond its own name; rota.json's rankAliases adds to them. */
export type RankAliases = Record<Rank, string[]>;

/** The spellings offices use: 县级 = 处级 and 乡级 = 科级 in the civil-service grades. */
export const RANK_ALIASES: RankAliases = {
  // 地厅级: a prefecture's (州、市) leaders, and the 局 grades of the same level.
  正厅级: ['正厅', '正局级', '正局', '厅局级正职', '正地级'],
  副厅级: ['副厅', '副局级', '副局', '厅局级副职', '副地级'],
  正处级: ['正处', '县处级正职', '正县级', '正县'],
  副处级: ['副处', '县处级副职', '副县级', '副县'],
  正科级: ['正科', '乡科级正职', '正乡级', '正乡', '正镇级'],
  副科级: ['副科', '乡科级副职', '副乡级', '副乡', '副镇级'],
};

const SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]/g;

export function parseRank(text: string, aliases: RankAliases = RANK_ALIASES): Rank | undefined {
  // Read once per leader row at start-up: no copy of the text or list of the aliases' entries unless needed.
  const written = SPACE.test(text) ? text.replace(SPACES, '') : text;
  for (const rank in aliases) {
    if (written === rank || aliases[rank as Rank].includes(written)) return rank as Rank;
  }
  return undefined;
}

export function levelOf(rank: Rank): Level {
  if (rank === '正厅级' || rank === '副厅级') return '厅局级';
  return rank === '正处级' || rank === '副处级' ? '县处级' : '乡科级';
}
