// The configuration file: JSON (see docs/rota.schema.json), paths in it relative to itself.
import { dirname, relative, resolve } from 'node:path';
import type { Config } from '../core/config.js';
import type { Problem } from '../core/types.js';
import { parseConfig } from './config-parse.js';
import { readBytes } from './read-file.js';

/**
 * Reads a rota.json (or, without a file, the seed's configuration) and lays `overrides` over it: the
 * configuration every other function takes, or the problems with file and field. `read` reads the file
 * (readBytes; the CLI's plan passes one that keeps the bytes for the input digest).
 * @example
 * const { config, problems } = loadConfig('rota.json', { from: '2025-01-01', to: '2025-01-31' });
 */
export function loadConfig(
  file: string | undefined,
  overrides: Record<string, unknown> = {},
  read: (file: string) => { bytes?: Uint8Array; problem?: Problem } = readBytes,
): { config?: Config; problems: Problem[]; seedFields?: string[] } {
  let bytes: Uint8Array | undefined;
  if (file) {
    const got = read(file);
    if (!got.bytes) return { problems: [got.problem!] };
    bytes = got.bytes;
  }
  const { config, problems, seedFields } = parseConfig(bytes, file, overrides);
  if (!config) return { problems };
  const base = file ? dirname(file) : process.cwd();
  // Paths in the file are relative to it (shown relative to the working folder); command-line paths stay as typed.
  const rel = (p: string, fromCli: boolean) => (fromCli ? p : relative(process.cwd(), resolve(base, p)) || '.');
  config.leaders = config.leaders.map((p) => rel(p, 'leaders' in overrides));
  config.history = config.history.map((p) => rel(p, 'history' in overrides));
  if (config.holidays) config.holidays = rel(config.holidays, 'holidays' in overrides);
  if (config.sites) config.sites = rel(config.sites, 'sites' in overrides);
  return { config, problems, ...(seedFields?.length ? { seedFields } : {}) };
}
