// The round as the page's settings and files make it: the same parseConfig and loadRound as the CLI,
// reading the files the clerk picked instead of the disk.
import { loadRound, type Round } from '../app/round.js';
import type { Config } from '../core/config.js';
import { problem } from '../core/messages.js';
import { formatProblem } from '../core/problems.js';
import type { Problem } from '../core/types.js';
import { OFFICE_FIELDS, parseConfig } from '../io/config-parse.js';
import { decode } from '../io/decode.js';
import type { ReadFile } from '../io/lists.js';
import type { AppState, Role, StoredFile } from './state.js';

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** Reads a file the configuration names from those picked (by name; folders do not exist here). */
export function pickedReader(files: StoredFile[]): ReadFile {
  return (path) => {
    const f = files.find((x) => x.name === path) ?? files.find((x) => x.name === baseName(path));
    if (f) return { bytes: f.bytes };
    return { problem: problem('file.not-picked', { name: baseName(path) }, { file: path }) };
  };
}

const named = (s: AppState, role: Role) => s.files.filter((f) => f.role === role).map((f) => f.name);

type Written = Partial<Record<Role, string[]>>;

/** The list paths a rota.json names, as written (../leaders.csv), so a picked file keeps its path. */
function writtenPaths(bytes: Uint8Array | undefined): Written {
  try {
    const raw = bytes ? (JSON.parse(decode(bytes).text) as Record<string, unknown>) : {};
    const paths = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    return { leaders: paths(raw.leaders), history: paths(raw.history), sites: paths(raw.sites), holidays: paths(raw.holidays) };
  } catch {
    return {}; // parseConfig tells what is wrong with it
  }
}

/**
 * The settings the page adds to (or puts in place of) a rota.json, as the CLI's options do. A picked
 * file the configuration names (by its file name) keeps the configuration's path, so the published
 * timetable.json records ../leaders.csv as the CLI run beside that rota.json does.
 */
export function overrides(s: AppState, written: Written = {}): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (s.kind) o.preset = s.kind;
  if (s.from) o.from = s.from;
  if (s.to) o.to = s.to;
  const path = (role: Role, name: string) => written[role]?.find((p) => baseName(p) === name) ?? name;
  for (const role of ['leaders', 'history'] as const) if (named(s, role).length) o[role] = named(s, role).map((n) => path(role, n));
  for (const role of ['sites', 'holidays'] as const) if (named(s, role).length) o[role] = path(role, named(s, role)[0]);
  return { ...o, ...officeOverrides(s.office ?? {}) };
}

/** The office fields typed on the page, as rota.json would hold them (a field left blank is not given). */
function officeOverrides(f: NonNullable<AppState['office']>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (f.placeName || f.placeAddress) o.place = { name: f.placeName ?? '', address: f.placeAddress ?? '' };
  if (f.contactName || f.contactPhone) o.contact = { name: f.contactName ?? '', phone: f.contactPhone ?? '' };
  if (f.office) o.office = f.office;
  if (f.published) o.published = f.published;
  if (f.hours) {
    // 全天 is all-day (rota.json's null); anything else not HH:MM-HH:MM is passed on for the configuration's own check.
    const m = /^\s*(\d{1,2}:\d{2})\s*[-—–~至]+\s*(\d{1,2}:\d{2})\s*$/.exec(f.hours);
    o.hours = f.hours.trim() === '全天' ? null : m ? { start: m[1].padStart(5, '0'), end: m[2].padStart(5, '0') } : f.hours;
  }
  return o;
}

export function configOf(s: AppState): { config?: Config; problems: Problem[]; file?: string; seedFields?: string[] } {
  const file = s.files.find((f) => f.role === 'config');
  const o = overrides(s, writtenPaths(file?.bytes));
  const parsed = parseConfig(file?.bytes, file?.name, o);
  // Without a rota.json every office field the page was not given is the seed's (a county's page would show 克拉玛依).
  const seedFields = file ? parsed.seedFields : OFFICE_FIELDS.filter((k) => !(k in o));
  return { ...parsed, file: file?.name, seedFields };
}

export function roundOf(s: AppState): {
  round?: Round;
  config?: Config;
  problems: Problem[];
  configFile?: string;
  seedFields?: string[];
} {
  const c = configOf(s);
  if (!c.config) return { problems: c.problems };
  const r = loadRound(c.config, pickedReader(s.files));
  return { ...r, config: c.config, problems: [...c.problems, ...r.problems], configFile: c.file, seedFields: c.seedFields };
}

// Byte by byte, stopping at the first difference: a big records file is asked about again and again.
const sameBytes = (a: Uint8Array, b: Uint8Array) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

const sameFiles = (a: StoredFile[], b: StoredFile[]) =>
  a.length === b.length && a.every((f, i) => f.name === b[i].name && f.role === b[i].role && sameBytes(f.bytes, b[i].bytes));

/** The round of a configuration and files, kept for the next call: a kept worker is asked again and again about the same one. */
export function keptRound(): (config: Config, files: StoredFile[]) => Round {
  let kept: { config: Config; files: StoredFile[]; round: Round } | undefined;
  return (config, files) => {
    if (kept && JSON.stringify(kept.config) === JSON.stringify(config) && sameFiles(kept.files, files)) return kept.round;
    const { round, problems } = loadRound(config, pickedReader(files));
    if (!round) throw new Error(problems.map(formatProblem).join('\n'));
    kept = { config, files, round };
    return round;
  };
}
