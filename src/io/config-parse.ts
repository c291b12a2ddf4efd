// The configuration's text: JSON (see docs/rota.schema.json) checked against the schema. No file
// system here, so the browser app reads its rota.json through the same function as the CLI.
import { type Config, SEED_CONFIG, validateConfig } from '../core/config.js';
import { jsonDepth, LIMITS } from '../core/limits.js';
import { problem } from '../core/messages.js';
import type { Problem } from '../core/types.js';
import { decode } from './decode.js';

/** Line and column of a JSON.parse error, from the "position N" it reports. */
export function locate(text: string, message: string): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const before = text.slice(0, +m[1]);
  const line = before.split('\n').length;
  return { line, column: +m[1] - before.lastIndexOf('\n') };
}

/** Fields only the office can fill: a page must never show the seed's (克拉玛依) values for them. */
export const OFFICE_FIELDS = ['place', 'contact', 'hours', 'office', 'published'] as const;

/**
 * The office fields a rota.json leaves out and the configuration took from the seed round (or, for
 * 咨询电话, left empty): publishing with them is refused (config.office-fields). The built-in seed
 * round itself (no file) has none.
 */
function seedFields(raw: Record<string, unknown>, overrides: Record<string, unknown>, config: Config): string[] {
  return OFFICE_FIELDS.filter((k) => {
    if (k in raw || k in overrides) return false;
    const seed = JSON.stringify(config[k]) === JSON.stringify(SEED_CONFIG[k]);
    return seed || (k === 'contact' && !config.contact.phone);
  });
}

/** A configuration publishing the seed's place, contact, hours, office or date (or no phone) is refused at --out. */
export function officeFieldProblems(seedFields: readonly string[] | undefined, file: string | undefined): Problem[] {
  return seedFields?.length ? [problem('config.office-fields', { fields: [...seedFields] }, { file })] : [];
}

/**
 * The configuration from a rota.json's bytes (or the defaults without one), overrides winning; paths
 * in it are left as written. No file system: the browser app reads its configuration through this too.
 */
export function parseConfig(
  bytes: Uint8Array | undefined,
  file: string | undefined,
  overrides: Record<string, unknown> = {},
): { config?: Config; problems: Problem[]; seedFields?: string[] } {
  let raw: Record<string, unknown> = {};
  const text = bytes && file ? decode(bytes).text : '';
  if (bytes && file) {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      const at = locate(text, (e as Error).message);
      return {
        problems: [problem('json.invalid', { column: at?.column, detail: (e as Error).message }, { file, line: at?.line })],
      };
    }
  }
  const deep = jsonDepth(raw, LIMITS.jsonDepth) > LIMITS.jsonDepth;
  if (deep && file) return { problems: [problem('limit.json-depth', { max: LIMITS.jsonDepth }, { file })] };
  const merged = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw, ...overrides } : raw;
  const checked = validateConfig(merged, file ?? '(command line)');
  if (!bytes || !file) return checked;
  // A field the file holds (not one the command line or the page put in its place) is told at its line.
  const lineOf = (p: Problem) => {
    const key = p.field?.split(/[.[]/)[0];
    return key && !(key in overrides) ? keyLine(text, key) : undefined;
  };
  const problems = checked.problems.map((p) => (p.file === file && p.line === undefined && lineOf(p) ? { ...p, line: lineOf(p) } : p));
  return { ...checked, problems, ...(checked.config ? { seedFields: seedFields(raw, overrides, checked.config) } : {}) };
}

/** The line of a key "key": in a JSON text (its first mention), or undefined. */
function keyLine(text: string, key: string): number | undefined {
  const at = text.search(new RegExp(`"${key.replace(/[^\w$]/g, '\\$&')}"\\s*:`));
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}
