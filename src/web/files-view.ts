// Step 1 and 2: the kind of plan and its window, the settings file and the lists. Each file input
// has the stable label the tests and screen readers rely on.
import type { PresetId } from '../core/presets.js';
import type { Ctx } from './context.js';
import { h, messageView, section } from './dom.js';
import type { Role } from './state.js';

/** CSV in any encoding Excel writes, or the Excel/WPS workbook itself. */
const XLSX_OR_CSV = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const INPUTS: Array<{ role: Role; label: string; en: string; accept: string; multiple: boolean }> = [
  { role: 'config', label: '配置文件', en: 'settings, rota.json', accept: '.json,application/json', multiple: false },
  { role: 'leaders', label: '领导名单', en: 'leader lists', accept: XLSX_OR_CSV, multiple: true },
  { role: 'history', label: '接访记录', en: 'duty records so far', accept: XLSX_OR_CSV, multiple: true },
  { role: 'sites', label: '下访地点', en: '下访 sites', accept: XLSX_OR_CSV, multiple: false },
  { role: 'holidays', label: '节假日', en: 'holidays file', accept: XLSX_OR_CSV, multiple: false },
];

/** Every preset a rota.json may name (src/core/presets.ts), as the picker offers them. */
const KINDS: ReadonlyArray<readonly [PresetId, string]> = [
  ['district', '区级轮次 district round'],
  ['township', '乡镇每周 township, weekly'],
  ['county', '县级每月 county, monthly'],
  ['court', '法院 院领导接访日 court'],
  ['procuratorate', '检察院 检察长接待日 procuratorate'],
  ['department', '局 局领导接访日 department'],
  ['prefecture', '州（市） 厅级领导接访 prefecture'],
];

/**
 * Adds the files just picked: for a role that takes several (leader lists, records) they join those
 * already there, so lists picked in several goes are all used; a file of the same name replaces its
 * earlier copy. A role that takes one file takes the new one.
 */
async function pick(ctx: Ctx, i: (typeof INPUTS)[number], list: FileList | null): Promise<void> {
  const picked = await Promise.all(
    [...(list ?? [])].map(async (f) => ({ role: i.role, name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  if (!picked.length) return;
  const names = new Set(picked.map((f) => f.name));
  ctx.show((ui) => {
    ui.message = { text: `已加入 added ${picked.map((f) => f.name).join('、')}`, alert: false, at: `file-${i.role}` };
  });
  ctx.update((s) => {
    s.files = [...s.files.filter((f) => f.role !== i.role || (i.multiple && !names.has(f.name))), ...picked];
  });
}

function remove(ctx: Ctx, role: Role, name: string): void {
  ctx.show((ui) => {
    ui.message = { text: `已移除 removed ${name}`, alert: false, at: `file-${role}` };
    ui.focus = `file-${role}`;
  });
  ctx.update((s) => {
    s.files = s.files.filter((f) => f.role !== role || f.name !== name);
  });
}

export function settingsView(ctx: Ctx): HTMLElement {
  const kind = ctx.state.kind || ctx.config?.preset || 'district';
  const date = (id: string, label: string, value: string, key: 'from' | 'to') =>
    h(
      'p',
      {},
      h('label', { for: id }, label),
      h('input', {
        type: 'date',
        id,
        value,
        onchange: (e) =>
          ctx.update((s) => {
            s[key] = (e.target as HTMLInputElement).value;
          }),
      }),
    );
  return section(
    'settings',
    '1 设置 Settings',
    h(
      'p',
      {},
      h('label', { for: 'kind' }, '排班类型 kind of plan'),
      h(
        'select',
        {
          id: 'kind',
          onchange: (e) =>
            ctx.update((s) => {
              s.kind = (e.target as HTMLSelectElement).value as typeof s.kind;
            }),
        },
        ...KINDS.map(([id, text]) => h('option', { value: id, selected: id === kind }, text)),
      ),
    ),
    date('from', '起始日期 first day', ctx.config?.from ?? '', 'from'),
    date('to', '结束日期 last day', ctx.config?.to ?? '', 'to'),
    fileInput(ctx, INPUTS[0]),
  );
}

function fileInput(ctx: Ctx, i: (typeof INPUTS)[number]): HTMLElement {
  const names = ctx.state.files.filter((f) => f.role === i.role).map((f) => f.name);
  return h(
    'div',
    { class: 'file' },
    h(
      'p',
      {},
      h('label', { for: `file-${i.role}` }, i.label),
      h('span', { class: 'en', lang: 'en' }, ` ${i.en}${i.multiple ? ' (several: each pick adds)' : ''} `),
      h('input', {
        type: 'file',
        id: `file-${i.role}`,
        accept: i.accept,
        multiple: i.multiple,
        'aria-describedby': `picked-${i.role}`,
        onchange: (e) => void pick(ctx, i, (e.target as HTMLInputElement).files),
      }),
    ),
    names.length
      ? h(
          'ul',
          { id: `picked-${i.role}`, class: 'picked', 'aria-label': `已选择的${i.label} picked` },
          ...names.map((name) =>
            h(
              'li',
              {},
              `已选择 ${name} `,
              h(
                'button',
                { type: 'button', class: 'remove', 'aria-label': `移除 ${name} remove`, onclick: () => remove(ctx, i.role, name) },
                '移除',
              ),
            ),
          ),
        )
      : h('p', { id: `picked-${i.role}`, class: 'picked' }, '未选择 none'),
    messageView(ctx.ui.message, `file-${i.role}`),
  );
}

export function listsView(ctx: Ctx): HTMLElement {
  return section(
    'lists',
    '2 名单 Lists',
    h('p', {}, '领导名单和接访记录可分几次选择，每次都加入下面的列表；不要的按「移除」。Each pick adds to the list; remove any with 移除.'),
    h(
      'p',
      {},
      '名单可以是 Excel/WPS 工作簿（.xlsx），或 UTF-8、GB18030（Excel 的“CSV”）、UTF-16（Excel 的“Unicode 文本”）的 CSV。Lists as .xlsx or CSV in any of these encodings.',
    ),
    ...INPUTS.slice(1).map((i) => fileInput(ctx, i)),
  );
}
