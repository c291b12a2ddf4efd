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

/** The bench's command-line options (run.ts), passed to every section. */
export interface BenchOptions {
  /** --quick: fewer pairs and smaller cases, for checking the bench itself. */
  quick: boolean;
  /** --cap SECONDS: the most one measured run may take; a run still going is stopped and reported as "> cap". */
  capMs: number;
  /** --batch N: township-years in the batch (default 1000, the goal itself; fewer for a quick run, extrapolated). */
  batch: number;
}
