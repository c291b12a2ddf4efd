// The fields only the office can fill (place, contact, hours, office, publication date), asked for on
// the page when the configuration leaves them out: no export shows the seed's 克拉玛依 address, its
// phone or an empty 咨询电话 (as `--out` refuses in the CLI, config.office-fields).
import { placeText } from '../core/place.js';
import type { Duty } from '../core/types.js';
import { renderCsv } from '../io/publish.js';
import type { Ctx } from './context.js';
import { h } from './dom.js';
import { configOf } from './session.js';
import type { AppState, Baseline, OfficeKey } from './state.js';

const BOXES: Record<string, Array<{ key: OfficeKey; label: string; type?: string; hint?: string }>> = {
  place: [
    { key: 'placeName', label: '接访地点' },
    { key: 'placeAddress', label: '地址' },
  ],
  contact: [
    { key: 'contactName', label: '联系人' },
    { key: 'contactPhone', label: '咨询电话', type: 'tel' },
  ],
  hours: [{ key: 'hours', label: '接访时段', hint: '如 9:30-12:00；全天接访写「全天」' }],
  office: [{ key: 'office', label: '发布单位' }],
  published: [{ key: 'published', label: '发布日期', type: 'date' }],
};

const placeOf = (s: AppState) => {
  const c = configOf(s).config;
  return c ? placeText(c.place) : undefined;
};

/**
 * Keeps what was typed. A plan made before the place was typed holds the seed's place on its 接访
 * days: they take the new one, as a plan made after would (a re-opened publication keeps its own, so
 * the change is published as one).
 */
function type(ctx: Ctx, key: OfficeKey, value: string): void {
  let restamped: Baseline | undefined;
  ctx.update((s) => {
    const before = placeOf(s);
    s.office = { ...s.office, [key]: value };
    const after = placeOf(s);
    if (!before || !after || before === after) return;
    const move = (duties: Duty[]) => duties.map((d) => (d.kind === '接访' && d.place === before ? { ...d, place: after } : d));
    if (s.current) s.current = move(s.current);
    if (s.plan) s.plan = { ...s.plan, duties: move(s.plan.duties) };
    if (s.baseline && !s.baseline.json) restamped = s.baseline = { ...s.baseline, duties: move(s.baseline.duties) };
  });
  const config = ctx.config && configOf(ctx.state).config;
  if (restamped && config) {
    const baseline = restamped;
    void renderCsv(baseline.duties, config).then((bytes) =>
      ctx.update((s) => {
        if (s.baseline === baseline) s.baseline = { ...baseline, bytes };
      }),
    );
  }
}

/** The boxes of the office fields still missing, and of those already typed here (to correct them). */
export function officeView(ctx: Ctx): HTMLElement | undefined {
  const typed = ctx.state.office ?? {};
  const shown = Object.entries(BOXES).filter(([field, boxes]) => ctx.officeMissing.includes(field) || boxes.some((b) => typed[b.key]));
  if (!shown.length) return undefined;
  const box = (b: (typeof BOXES)[string][number]) =>
    h(
      'p',
      { class: 'file' },
      h('label', { for: `office-${b.key}` }, b.label),
      b.hint ? h('span', { id: `office-${b.key}-hint` }, `（${b.hint}）`) : undefined,
      h('input', {
        type: b.type ?? 'text',
        id: `office-${b.key}`,
        value: typed[b.key] ?? '',
        ...(b.hint ? { 'aria-describedby': `office-${b.key}-hint` } : {}),
        onchange: (e) => type(ctx, b.key, (e.target as HTMLInputElement).value),
      }),
    );
  return h(
    'fieldset',
    { id: 'office' },
    h('legend', {}, '只有本单位能填的内容 What only the office can fill'),
    h('p', {}, '配置文件没有写这些内容。请填写后再导出：网页和日历不会使用示例（克拉玛依）的地点、联系人和日期。'),
    ...shown.flatMap(([, boxes]) => boxes.map(box)),
  );
}
