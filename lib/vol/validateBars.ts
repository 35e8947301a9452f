/** A bar's fields as validateBars reads them (OhlcBarRow and IndexLevelRow both fit). */
export type BarLike = {date: string; open: number; high: number; low: number; close: number};

/** What is wrong with a bar. Errors make the bar unusable; "gap" and "no-range" are warnings. */
export type BarIssueKind =
  | "missing-value" // a NaN/empty open, high, low or close
  | "non-positive" // a price <= 0
  | "high-below-low"
  | "open-outside-range" // open above high or below low
  | "close-outside-range"
  | "date-not-increasing" // repeated or out-of-order date
  | "gap" // more calendar days since the previous bar than maxGapCalendarDays (warning)
  | "no-range"; // open = high = low = close: a close-only print; range estimators read 0 (warning)

/** One finding, on the bar at `index` (its `date`), with the values in `detail`. */
export type BarIssue = {index: number; date: string; kind: BarIssueKind; severity: "error" | "warning"; detail: string};

/** validateBars' result: every finding, plus per-bar masks the estimators take. */
export type BarValidation = {
  issues: BarIssue[];
  usable: Uint8Array; // 1 = no error on this bar
  gapBefore: Uint8Array; // 1 = a "gap" warning between bar i-1 and bar i
};

const WARNINGS = new Set<BarIssueKind>(["gap", "no-range"]);

/**
 * Checks daily bars in order and reports every problem instead of silently using or dropping the bar:
 * missing or non-positive prices, high < low, open or close outside [low, high], dates that do not increase
 * (errors: the bar becomes unusable), and calendar gaps above `maxGapCalendarDays` or flat close-only bars
 * (warnings: the bar is usable and the finding is reported).
 * @param maxGapCalendarDays 4 for exchange sessions (Friday to Tuesday after a Monday holiday is normal; the
 *   2001-09-11 and 2012 Sandy closures are not); 1 for 7-day crypto series.
 */
export function validateBars(bars: readonly BarLike[], {maxGapCalendarDays = 4} = {}): BarValidation {
  const issues: BarIssue[] = [];
  const usable = new Uint8Array(bars.length);
  const gapBefore = new Uint8Array(bars.length);
  for (let i = 0; i < bars.length; ++i) {
    const {date, open, high, low, close} = bars[i];
    const found: [BarIssueKind, string][] = [];
    const prices = {open, high, low, close};
    const missing = Object.entries(prices).filter(([, v]) => !Number.isFinite(v));
    if (missing.length) found.push(["missing-value", `missing ${missing.map(([k]) => k).join(", ")}`]);
    const nonPositive = Object.entries(prices).filter(([, v]) => v <= 0);
    if (nonPositive.length) found.push(["non-positive", nonPositive.map(([k, v]) => `${k} ${v}`).join(", ")]);
    if (high < low) found.push(["high-below-low", `high ${high} < low ${low}`]);
    else {
      if (open > high || open < low) found.push(["open-outside-range", `open ${open} outside low ${low} - high ${high}`]);
      if (close > high || close < low) found.push(["close-outside-range", `close ${close} outside low ${low} - high ${high}`]);
    }
    if (!missing.length && open === high && high === low && low === close) found.push(["no-range", `open = high = low = close = ${close}`]);
    if (i > 0) {
      const prev = bars[i - 1].date;
      if (date <= prev) found.push(["date-not-increasing", `${date} after ${prev}`]);
      else {
        const days = (Date.parse(date + "T00:00:00Z") - Date.parse(prev + "T00:00:00Z")) / 86_400_000;
        if (days > maxGapCalendarDays) {
          found.push(["gap", `${days} calendar days since ${prev}`]);
          gapBefore[i] = 1;
        }
      }
    }
    let ok = 1;
    for (const [kind, detail] of found) {
      const severity = WARNINGS.has(kind) ? "warning" : "error";
      if (severity === "error") ok = 0;
      issues.push({index: i, date, kind, severity, detail});
    }
    usable[i] = ok;
  }
  return {issues, usable, gapBefore};
}
