import {decideRegime} from "./decideRegime.js";
import type {RegimeDecision} from "./decideRegime.js";
import type {MarketInputs} from "./marketInputs.js";
import type {HysteresisSettings, RiskMatrix} from "./riskMatrix.js";

/** One day's inputs (closes), `date` as "YYYY-MM-DD". */
export type DailyInputs = {date: string; inputs: MarketInputs};

/** One classified day: `regime` after hysteresis; `decision` is that day's own decision (with the hold applied). */
export type ClassifiedDay = {
  date: string;
  regime: string;
  rawRegime: string; // the day's decision without hysteresis
  decision: RegimeDecision;
  pendingRegime: string | null; // a different regime seen on the last `pendingCloses` closes, not yet confirmed
  pendingCloses: number;
};

/**
 * Classifies a series of days in order (pure; same inputs, same output). Without hysteresis each day's regime is
 * decideRegime's. With hysteresis (default: matrix.hysteresis, overridable): the current regime is kept while its
 * condition holds with thresholds moved by `buffer` in its favour; a different regime is adopted after
 * `confirmCloses` consecutive closes decide it; with `immediateEscalation` a more severe regime is adopted at once.
 * The first day starts from its own decision. Days must be sorted by date.
 */
export function classifyRegimeSeries(
  matrix: RiskMatrix,
  rowsByDay: readonly DailyInputs[],
  {hysteresis}: {hysteresis?: Partial<HysteresisSettings>} = {}
): ClassifiedDay[] {
  const {confirmCloses, buffer, immediateEscalation} = {...matrix.hysteresis, ...hysteresis};
  if (!(Number.isInteger(confirmCloses) && confirmCloses >= 1)) {
    throw new RangeError(`classifyRegimeSeries: hysteresis.confirmCloses must be an integer >= 1, got ${confirmCloses}`);
  }
  const rank = (regime: string) => matrix.severityOrder.indexOf(regime);
  const buffered = Object.keys(buffer).length > 0;
  const days: ClassifiedDay[] = [];
  let current: string | null = null;
  let pending: string | null = null;
  let pendingCloses = 0;
  for (let i = 0; i < rowsByDay.length; ++i) {
    const {date, inputs} = rowsByDay[i];
    if (i > 0 && !(date > rowsByDay[i - 1].date)) {
      throw new RangeError(`classifyRegimeSeries: days must be in increasing date order, got ${date} after ${rowsByDay[i - 1].date}`);
    }
    const raw = decideRegime(matrix, inputs);
    const decision: RegimeDecision = current !== null && buffered ? decideRegime(matrix, inputs, {hold: {regime: current, buffer}}) : raw;
    const candidate: string = decision.regime;
    if (current === null || candidate === current) {
      current = candidate;
      pending = null;
      pendingCloses = 0;
    } else if (immediateEscalation && rank(candidate) < rank(current)) {
      current = candidate;
      pending = null;
      pendingCloses = 0;
    } else {
      pendingCloses = pending === candidate ? pendingCloses + 1 : 1;
      pending = candidate;
      if (pendingCloses >= confirmCloses) {
        current = candidate;
        pending = null;
        pendingCloses = 0;
      }
    }
    days.push({date, regime: candidate === current ? candidate : current, rawRegime: raw.regime, decision, pendingRegime: pending, pendingCloses});
  }
  return days;
}
