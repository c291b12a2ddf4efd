// The configuration file: JSON (see docs/rota.schema.json), paths in it relative to itself.
import { dirname, relative, resolve } from 'node:path';
import { type Config, validateConfig } from '../core/config.js';
import type { Problem } from '../core/types.js';
import { decode } from './decode.js';
import { readBytes } from './read-file.js';

/** Line and column of a JSON.parse error, from the "position N" it reports. */
function locate(text: string, message: string): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const before = text.slice(0, +m[1]);
  const line = before.split('\n').length;
  return { line, column: +m[1] - before.lastIndexOf('\n') };
}

export function loadConfig(file: string | undefined, overrides: Record<string, unknown> = {}): { config?: Config; problems: Problem[] } {
  let raw: Record<string, unknown> = {};
  let base = process.cwd();
  if (file) {
    const { bytes, problem } = readBytes(file);
    if (!bytes) return { problems: [problem!] };
    const { text } = decode(bytes);
    try {
      raw = JSON.parse(text);
    } catch (e) {
      const at = locate(text, (e as Error).message);
      return {
        problems: [
          {
            severity: 'error',
            file,
            line: at?.line,
            message: `not valid JSON${at ? ` (column ${at.column})` : ''}: ${(e as Error).message}`,
          },
        ],
      };
    }
    base = dirname(file);
  }
  const merged = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw, ...overrides } : raw;
  const { config, problems } = validateConfig(merged, file ?? '(command line)');
  if (!config) return { problems };
  // Paths in the file are relative to it (shown relative to the working folder); command-line paths stay as typed.
  const rel = (p: string, fromCli: boolean) => (fromCli ? p : relative(process.cwd(), resolve(base, p)) || '.');
  config.leaders = config.leaders.map((p) => rel(p, 'leaders' in overrides));
  config.history = config.history.map((p) => rel(p, 'history' in overrides));
  if (config.holidays) config.holidays = rel(config.holidays, 'holidays' in overrides);
  if (config.sites) config.sites = rel(config.sites, 'sites' in overrides);
  return { config, problems };
}
