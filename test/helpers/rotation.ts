// Township and county fixtures as tests see them: the township (小拐乡) and county configurations, loaded and planned.
import { makeCalendar } from '../../src/core/calendar.js';
import type { Config } from '../../src/core/config.js';
import { plan } from '../../src/core/engine/plan.js';
import type { PlanResult } from '../../src/core/engine/types.js';
import type { Site } from '../../src/core/sites.js';
import type { Leader } from '../../src/core/types.js';
import { loadConfig } from '../../src/io/config-file.js';
import { loadLeaders } from '../../src/io/load.js';
import { loadSites } from '../../src/io/sites-file.js';

export function loadRotation(file: string, overrides: Record<string, unknown> = {}) {
  const { config, problems } = loadConfig(file, overrides);
  if (!config?.rotation) throw new Error(problems.map((p) => p.message).join('\n') || 'not a rotation');
  const calendar = makeCalendar({ region: config.region });
  const { leaders, problems: lp } = loadLeaders(config.leaders, config);
  if (lp.some((p) => p.severity === 'error')) throw new Error(lp.map((p) => p.message).join('\n'));
  const { sites, problems: sp } = config.sites ? loadSites(config.sites) : { sites: [] as Site[], problems: [] };
  if (sp.length) throw new Error(sp.map((p) => p.message).join('\n'));
  return { config, calendar, leaders, sites };
}

export function planFixture(
  file: string,
  overrides: Record<string, unknown> = {},
  more: { leaders?: Leader[]; sites?: Site[] } = {},
): PlanResult & { config: Config; leaders: Leader[]; sites: Site[]; calendar: ReturnType<typeof makeCalendar> } {
  const f = loadRotation(file, overrides);
  const leaders = more.leaders ?? f.leaders,
    sites = more.sites ?? f.sites;
  const r = plan({
    config: f.config,
    days: f.calendar.days(f.config.from, f.config.to),
    leaders,
    sites,
    calendar: f.calendar,
  });
  return { ...r, config: f.config, leaders, sites, calendar: f.calendar };
}
