// The seed's quota rules (四、(一) and 四、(二)), as data both the planner and the checker read.
import type { Leader, Rule } from './types.js';

export const SEED_RULES: Rule[] = [
  {
    id: 'district-quarterly',
    description: '区级副处级以上领导干部每季度到区人民群众信访服务中心接访不少于一次',
    who: { ranks: ['正处级', '副处级'] },
    kinds: ['接访'],
    period: 'quarter',
    min: 1,
  },
  {
    id: 'county-monthly',
    description: '县处级领导干部每月接访、下访群众不少于一次',
    who: { ranks: ['正处级', '副处级'] },
    kinds: ['接访', '下访'],
    period: 'month',
    min: 1,
  },
  {
    id: 'township-weekly',
    description: '乡科级领导干部每周接访、下访群众不少于一次',
    who: { ranks: ['正科级', '副科级'] },
    kinds: ['接访', '下访'],
    period: 'week',
    min: 1,
  },
];

/** Whether a rule applies to a leader: every dimension the rule names must match; an omitted one matches all. */
export function ruleApplies(rule: Pick<Rule, 'who'>, leader: Leader): boolean {
  const { ranks, titles, institutions, names } = rule.who;
  return (
    (ranks === undefined || ranks.includes(leader.rank)) &&
    (titles === undefined || titles.some((t) => holdsPost(leader.title, t))) &&
    (institutions === undefined || institutions.includes(leader.institution)) &&
    (names === undefined || names.includes(leader.name))
  );
}

/** 县委副书记、县长 holds 县长; 副院长 does not hold 院长 (a post ending in the word, not right after 副). */
export function holdsPost(title: string, post: string): boolean {
  return title.split(/[、，,；;/\s]+/).some((p) => p === post || (p.endsWith(post) && p.at(-post.length - 1) !== '副'));
}
