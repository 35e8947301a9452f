import type {DailyInputs} from "./classifyRegimeSeries.js";
import type {MarketInputs} from "./marketInputs.js";

/**
 * Joins daily closes of several inputs by date: one row per date that any series has, sorted ascending, each
 * with the inputs that have a close that day (a series without that date leaves its input missing, so conditions
 * that need it are undecidable). `constant` inputs (what-if values, e.g. from `--set`) are added to every day and
 * override a series of the same name. Non-finite closes are left out.
 */
export function alignDailyInputs(
  seriesByInput: Readonly<Record<string, ReadonlyArray<{date: string; close: number}>>>,
  constant: MarketInputs = {}
): DailyInputs[] {
  const byDate = new Map<string, MarketInputs>();
  for (const [name, rows] of Object.entries(seriesByInput)) {
    if (name in constant) continue;
    for (const {date, close} of rows) {
      if (!Number.isFinite(close)) continue;
      let inputs = byDate.get(date);
      if (!inputs) byDate.set(date, (inputs = {}));
      inputs[name] = close;
    }
  }
  const dates = [...byDate.keys()].sort();
  return dates.map((date) => ({date, inputs: {...byDate.get(date), ...constant}}));
}
