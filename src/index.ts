// biome-ignore-all assist/source/organizeImports: grouped in the order a clerk works, not alphabetically
// rota's library API: the functions the command line and the browser app call, in the order a clerk
// works (configure, load, plan, adjust, publish, check). Each one is documented where it is defined;
// the building blocks behind them (engine, rules, readers, renderers) are in `rota/core`.
//
//   import { loadConfig, loadRound, readFromDisk, planRound, planFiles } from 'rota';
//   const { config } = loadConfig('fixtures/rota.json');
//   const { round } = loadRound(config!, readFromDisk);
//   const { duties, report } = planRound(round!);

// Configure: a rota.json (its preset — district, township, county — carries the rules) or a preset.
export { loadConfig } from './io/config-file.js';
export { presetConfig } from './core/config.js';
export { PRESET_IDS } from './core/presets.js';
// Load: the lists a configuration names, through a reader (the disk's, or bytes a browser was given).
export { readFromDisk } from './io/read-round.js';
export { loadRound } from './app/round.js';
export { readRoundTimetable } from './app/timetable.js';
// Plan, re-plan after a change, swap two days: one planner, the preset's rules.
export { planRound } from './app/plan.js';
export { replanRound } from './app/replan.js';
export { swapDuties } from './app/swap.js';
// Publish: the files of a publication in memory (page, Excel-safe CSV, calendars, JSON), then one switch of the folder.
// publish() is the one step every command and the browser app take: (what was published, the new timetable, today).
export { planOutput } from './app/publish.js';
export { publish } from './app/publish.js';
export { publishInto } from './app/publish-out.js';
export { rollback } from './app/publish-out.js';
export { digestFiles } from './io/digest.js';
export { planFiles } from './io/plan-files.js';
export { publishFolder } from './io/publish-folder.js';
// Check duty records against the quota rules; every problem told as "file:line: field: message".
export { judge } from './core/check/tally.js';
export { formatProblem } from './core/problems.js';
// The case ledger (接访台帐): open it (an SQLite file or a postgres:// URL) and record one step of a matter
// (交办, 受理, 延期, 办结, 回访) as `rota cases advance` and the browser app do; a refused step writes nothing.
//   const store = await openStore('接访台帐.sqlite');
//   const { matter, problems } = await advanceCase(store, '20241216-e3d1a9', { kind: '受理', date: '2024-12-17' });
//   await store.close();
export { openStore } from './app/cases.js';
export { advanceCase } from './app/advance.js';

export type { PlanOutcome, PlanRoundOptions } from './app/plan.js';
export type { Publication, PublishRequest } from './app/publish.js';
export type { ReplanOptions, ReplanOutcome } from './app/replan.js';
export type { Round } from './app/round.js';
export type { JudgeInput, Judgement } from './core/check/tally.js';
export type { CaseEvent } from './core/cases/states.js';
export type { Matter } from './core/cases/types.js';
export type { Config } from './core/config.js';
export type { PlanReport } from './core/engine/types.js';
export type { SwapRequest, SwapResult } from './core/replan/swap.js';
export type { Duty, Leader, Problem, Rule } from './core/types.js';
export type { OutFile } from './io/atomic-write.js';
export type { PlanOutput } from './io/plan-files.js';
