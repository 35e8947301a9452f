/** A run of consecutive days in one regime. */
export type RegimeRun = {
  regime: string;
  startDate: string; // first day of the run
  endDate: string; // last day of the run
  untilDate: string; // first day of the next run (endDate for the last run): shading [startDate, untilDate) leaves no gap
  days: number;
};

/**
 * Collapses a day-by-day regime series (e.g. classifyRegimeSeries' output, sorted by date) into runs of the
 * same regime, for shading a chart's background. Empty input, empty output.
 */
export function regimeRuns(days: readonly {date: string; regime: string}[]): RegimeRun[] {
  const runs: RegimeRun[] = [];
  for (const {date, regime} of days) {
    const last = runs[runs.length - 1];
    if (last && last.regime === regime) {
      last.endDate = last.untilDate = date;
      last.days++;
    } else {
      if (last) last.untilDate = date;
      runs.push({regime, startDate: date, endDate: date, untilDate: date, days: 1});
    }
  }
  return runs;
}
