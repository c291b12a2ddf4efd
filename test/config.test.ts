import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS, SEED_CONFIG, validateConfig } from '../src/core/config.js';
import { CONFIG_SCHEMA } from '../src/core/config-schema.js';

const check = (raw: unknown) => validateConfig(raw, 'rota.json');

describe('configuration', () => {
  it('an empty object gives the seed round', () => {
    expect(check({}).config).toEqual(SEED_CONFIG);
  });
  it('the seed defaults: window, six institutions in order, one 副处级-or-above leader a day', () => {
    expect([SEED_CONFIG.from, SEED_CONFIG.to]).toEqual(['2024-12-11', '2024-12-26']);
    expect(SEED_CONFIG.institutions.map((i) => i.name)).toEqual(['区委', '区人大', '区政府', '区政协', '区人民法院', '区人民检察院']);
    expect(SEED_CONFIG.eligibleRanks).toEqual(['正处级', '副处级']);
    expect(SEED_CONFIG.perDay).toBe(1);
  });
  it.each([
    [{ region: 'tibet' }, 'region', 'national、xinjiang 之一'],
    [{ from: '2024-02-30' }, 'from', 'YYYY-MM-DD'],
    [{ from: '2024-12-26', to: '2024-12-11' }, 'to', '不早于 from（2024-12-26）的日期'],
    [{ order: { mode: 'cycel' } }, 'order.mode', 'cycle、blocks、none 之一'],
    [{ perDay: 0 }, 'perDay', '1 至 20 的整数'],
    [{ perDay: 1_000_000 }, 'perDay', '1 至 20 的整数'],
    [{ from: '0000-01-01' }, 'from', '年份在 2000 至 2099 之间'],
    [{ eligibleRanks: ['处级'] }, 'eligibleRanks', '正厅级、副厅级、正处级、副处级、正科级、副科级'],
    [{ hours: { start: '14:00', end: '10:00' } }, 'hours', '结束晚于开始'],
    [{ titel: 'x' }, 'titel', '不认识的字段 titel；请检查拼写；可用的字段有 title, from'],
    [{ rules: [{ id: 'r', kinds: ['走访'], period: 'month', min: 1 }] }, 'rules[0].kinds', '由 接访、下访 组成的非空列表'],
    [{ rules: [{ id: 'r', kinds: ['接访'], period: 'fortnight', min: 1 }] }, 'rules[0].period', 'week、month、quarter、year 之一'],
    [{ place: { name: 'x', adress: 'y' } }, 'place.adress', 'name 或 address'],
    [{ announcement: '公告' }, 'announcement', '对象'],
    [{ announcement: { numbr: 'x' } }, 'announcement.numbr', 'title、number、basis、scope、exclusions、booking、representatives 之一'],
    [{ announcement: { exclusions: '诉讼' } }, 'announcement.exclusions', '不予接访事项的列表'],
    [{ announcement: { booking: { tel: '1' } } }, 'announcement.booking.tel', 'where、by、bring、phone 之一'],
    [{ announcement: { booking: { phone: 6245539 } } }, 'announcement.booking.phone', '不超过 1000 字的文字'],
    [{ announcement: { representatives: 0 } }, 'announcement.representatives', '1 至 100 的整数'],
  ])('%j is an error naming %s and the allowed values', (raw, field, allowed) => {
    const { config, problems } = check(raw);
    expect(config).toBeUndefined();
    const p = problems.find((x) => x.field === field);
    expect(p?.message).toContain(allowed);
    expect(p?.file).toBe('rota.json');
  });
  it('reports every wrong field at once', () => {
    expect(
      check({ region: 'x', perDay: -1, seed: 'a' })
        .problems.map((p) => p.field)
        .sort(),
    ).toEqual(['perDay', 'region', 'seed']);
  });
  it('hours null means all-day events', () => {
    expect(check({ hours: null }).config?.hours).toBeUndefined();
  });
  it('the 公告 fields are kept as written; none is filled from the seed', () => {
    const announcement = {
      number: '克信联办〔2024〕12号',
      exclusions: ['已经办结的'],
      booking: { by: '接访日前一个工作日', bring: '身份证件' },
      representatives: 3,
    };
    expect(check({ announcement }).config?.announcement).toEqual(announcement);
    expect(check({}).config?.announcement).toBeUndefined();
  });
  it('the JSON Schema describes exactly the fields the validator knows', () => {
    expect(Object.keys(CONFIG_SCHEMA.properties).sort()).toEqual([...CONFIG_FIELDS].sort());
  });
});
