// Institutions and the names offices write for them.
import { clean } from './text.js';

export interface Institution {
  /** Canonical name, used in every output. */
  name: string;
  /** Other spellings; `*` stands for a place name (中国人民政治协商会议*区委员会). */
  aliases: string[];
}

/** The seed's six, in the order the timetable takes them (seed 四、(一)1). */
export const DISTRICT_INSTITUTIONS: Institution[] = [
  { name: '区委', aliases: ['区委', '中共区委', '区委员会', '中国共产党*区委员会', '中共*区委员会'] },
  {
    name: '区人大',
    aliases: ['区人大', '人大', '区人大常委会', '人大常委会', '区人民代表大会常务委员会', '*区人民代表大会常务委员会'],
  },
  { name: '区政府', aliases: ['区政府', '区人民政府', '政府'] },
  { name: '区政协', aliases: ['区政协', '政协', '中国人民政治协商会议*区委员会', '区政协委员会'] },
  { name: '区人民法院', aliases: ['区人民法院', '区法院', '法院', '人民法院'] },
  { name: '区人民检察院', aliases: ['区人民检察院', '区检察院', '检察院', '人民检察院'] },
];

/**
 * `written` is `alias` with each `*` standing for a place name (one or more characters). Matched part by
 * part, each middle part at its first place after at least one character, rather than by a regular
 * expression built and compiled for every alias of every name read.
 */
function fitsPattern(alias: string, written: string): boolean {
  const [first, ...rest] = alias.split('*');
  const last = rest.pop() ?? '';
  if (!written.startsWith(first)) return false;
  let at = first.length;
  for (const part of rest) {
    const i = written.indexOf(part, at + 1);
    if (i < 0) return false;
    at = i + part.length;
  }
  return written.length - last.length > at && written.endsWith(last);
}

/**
 * Resolves a name as written to a canonical institution. Beyond the aliases, a place prefix
 * is accepted for aliases that start with 区: 中共克拉玛依区委 → 区委, 克拉玛依区人民法院 → 区人民法院.
 */
export function resolveInstitution(text: string, known: Institution[]): string | undefined {
  const written = clean(text).replace(SPACES, '');
  for (const inst of known) {
    if (inst.name === written || inst.aliases.includes(written)) return inst.name;
  }
  // Loops rather than some() and a spread list of names: every leader row asks, most past the first loop.
  for (const inst of known) {
    for (const alias of inst.aliases) if (alias.includes('*') && fitsPattern(alias, written)) return inst.name;
  }
  const bare = written.startsWith('中共') ? written.slice(2) : written;
  for (const inst of known) {
    if (placeTail(inst.name, bare)) return inst.name;
    for (const alias of inst.aliases) if (placeTail(alias, bare)) return inst.name;
  }
  return undefined;
}

const SPACES = /[\s\u3000]+/g;

/** 克拉玛依区人民法院 for 区人民法院: what was written ends with the alias, whose 区 is the place's. */
const placeTail = (alias: string, bare: string) => alias.startsWith('区') && !alias.includes('*') && bare.endsWith(alias);
