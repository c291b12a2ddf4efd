// What a published folder knows about itself, before any work: a plan over it is refused unless it
// replaces on purpose (rota plan --replace).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isPublished, targetOf } from './publish-folder.js';

/** What to do instead of `rota plan --out` over a published folder (after "已经发布过的文件夹 OUT："). */
export function planOverPublishedAdvice(out: string): string {
  return `要调整已发布的安排，请用 rota replan --previous ${join(out, 'timetable.csv')} --out ${out}；确要重新排整轮并替换，请加 --replace（日历 SEQUENCE 仍会递增）。未写出任何文件 (${out} holds a publication: use rota replan --previous … to change it, or --replace to start over on purpose; nothing was written)`;
}

/** Is `out` a folder rota published into (so plan --out there needs --replace)? */
export const publishedFolder = (out: string): boolean => isPublished(out) && existsSync(join(targetOf(out), 'timetable.json'));
