// The Word documents a publication carries beside the page: the 公告 as posted and its approval copy.
// A module of its own so the CLI loads the document writer (and its template) only when it writes files.
import type { Calendar } from '../../core/calendar.js';
import type { Config } from '../../core/config.js';
import type { Duty } from '../../core/types.js';
import type { AnnouncementText } from '../announcement.js';
import type { OutFile } from '../atomic-write.js';
import { announcement, announcementDocx, approvalDocx } from './announcement.js';

export { changeNoticeDocx } from './change-notice.js';

/** timetable.docx (the 公告 as posted) and 送审稿.docx (the approval copy, GB/T 9704); `text`: the 公告's words, when the page has them. */
export function announcementFiles(duties: readonly Duty[], config: Config, calendar: Calendar, text?: AnnouncementText): OutFile[] {
  const a = announcement(duties, config, calendar, text);
  return [
    { path: 'timetable.docx', content: announcementDocx(a) },
    { path: '送审稿.docx', content: approvalDocx(a) },
  ];
}
