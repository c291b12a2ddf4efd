// One table of the benchmark report (npm run bench); each bench file returns sections.
export interface BenchSection {
  title: string;
  header: string[];
  rows: string[][];
  /** Sentences printed under the table: what was measured, the baseline, the target. */
  notes: string[];
  /** Figures for the dated table at the top of docs/benchmarks.md, by column name (see run.ts). */
  headline?: Record<string, string>;
}
