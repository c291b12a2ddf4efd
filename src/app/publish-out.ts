// A publication into a folder, as one read-modify-write under the folder's lock: the start-up
// recovery, the folder's state read, the new publication made from it (src/app/publish.ts), the
// folder switched to it. Every command that writes --out goes through here, so two at once both
// take effect, and an unreadable state is never taken for "never published".

import { existsSync } from 'node:fs';
import type { Config } from '../core/config.js';
import { say } from '../core/messages.js';
import { hasErrors } from '../core/problems.js';
import type { IsoDate, Problem } from '../core/types.js';
import { WriteError } from '../io/atomic-write.js';
import type { ReadFile } from '../io/lists.js';
import { dropGeneration, type LockOptions, newestGeneration, publishFolder, stateDir, withFolderLock } from '../io/publish-folder.js';
import { type FolderState, readFolderState } from '../io/published-state.js';
import { publishedStateFrom } from '../io/sequences.js';
import { roundCalendar } from './calendar.js';
import { type Publication, type PublishRequest, publish } from './publish.js';

export interface Published {
  /** The paths written (none when problems stopped it). */
  written: string[];
  publication?: Publication;
  /** Warnings, or the errors that stopped it (nothing written). */
  problems: Problem[];
}

/** What a command makes of the folder's state: the request, or undefined to publish nothing (problems say why). */
export type MakeRequest = (folder: FolderState) => Promise<Omit<PublishRequest, 'notices'> | undefined>;

/**
 * Publishes into `out`: under its lock, reads what it holds, asks `make` for the new publication,
 * and switches the folder to it, or writes nothing when a problem is an error.
 * @example
 * const r = await publishInto('发布', config, async (f) => ({ command: 'swap', duties, config, calendar, today, previous: f.state }));
 */
export async function publishInto(
  out: string,
  config: Pick<Config, 'institutions' | 'published'>,
  make: MakeRequest,
  lock: LockOptions = {},
): Promise<Published> {
  return withFolderLock(
    out,
    async () => {
      const folder = readFolderState(out, config);
      if (hasErrors(folder.problems)) return { written: [], problems: folder.problems };
      const request = await make(folder);
      if (!request) return { written: [], problems: folder.problems };
      const publication = await publish({ ...request, notices: folder.notices });
      const problems = [...folder.problems, ...publication.problems];
      if (hasErrors(problems)) return { written: [], publication, problems };
      return { written: publishFolder(out, publication.files, { locked: true }), publication, problems };
    },
    lock,
  );
}

/**
 * The start-up recovery every command runs before reading a published folder (its timetable, its
 * state): a switch a killed run left half done is finished or undone under the lock, so a folder
 * is never found missing.
 */
export async function recoverPublished(dirs: ReadonlyArray<string | undefined>): Promise<void> {
  for (const dir of dirs) if (dir && existsSync(stateDir(dir))) await withFolderLock(dir, async () => {});
}

/**
 * rota rollback: the newest kept publication published again as a new one — its timetable, its
 * configuration — with SEQUENCE still rising, cancellations and a dated notice for what it undoes;
 * its kept copy is dropped, so a second rollback returns to where the first began.
 */
export async function rollback(out: string, today: IsoDate, read: ReadFile): Promise<Published & { generation?: number }> {
  // Never published, or published once: said before the lock leaves any trace beside the folder.
  newestGeneration(out);
  let generation: number | undefined;
  const r = await publishInto(out, { institutions: [] }, async (folder) => {
    const gen = newestGeneration(out);
    generation = gen.generation;
    const json = gen.files.find((f) => f.path === 'timetable.json');
    const text = json ? new TextDecoder().decode(json.content as Uint8Array) : '';
    const parsed = JSON.parse(text || '{}') as { config?: Config };
    const kept = publishedStateFrom(json ? { text, file: `gen-${gen.generation}/timetable.json` } : undefined, []);
    if (!kept.state.file || !parsed.config || !folder.state)
      throw new WriteError(say('publish.state-lost', { out, detail: `gen-${gen.generation}/timetable.json` }));
    const config = parsed.config;
    const calendar = roundCalendar(config, read).calendar;
    const csv = gen.files.find((f) => f.path === 'timetable.csv')?.content as Uint8Array | undefined;
    return {
      command: 'rollback',
      duties: kept.state.duties,
      config,
      calendar,
      today,
      previous: folder.state,
      icsPerLeader: gen.files.some((f) => f.path.startsWith('ics/')),
      // The CSV keeps the encoding it was published in (GB18030 has no BOM).
      encoding: csv && !(csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf) ? 'gb18030' : 'utf-8',
    };
  });
  if (r.written.length && generation !== undefined) dropGeneration(out, generation);
  return { ...r, ...(generation !== undefined ? { generation } : {}) };
}
