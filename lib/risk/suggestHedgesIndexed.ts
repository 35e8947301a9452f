import type {RegimeLimits} from "../regime/riskMatrix.js";
import type {UnifiedPosition} from "../positions/unifiedPosition.js";
import type {StrategyGroup} from "../strategies/recognize.js";
import type {GreekTotals} from "./aggregate.js";
import {suggestHedges, type HedgeOptions, type HedgeSuggestion} from "./hedges.js";
import type {LimitReport} from "./limits.js";

/**
 * Returns exactly what suggestHedges returns, in the same order, for large books: numeric breaches go through one
 * suggestHedges call, and each disallowed strategy group through its own call given only the positions of that
 * group's broker and account (found through a map), instead of every group scanning the whole book.
 * On 10,000 positions with 2,500 disallowed groups this is ~100x faster (bench/pages.ts).
 */
export function suggestHedgesIndexed(
  positions: readonly UnifiedPosition[],
  totals: GreekTotals,
  report: LimitReport,
  limits: RegimeLimits,
  groups: readonly StrategyGroup[],
  options: HedgeOptions
): HedgeSuggestion[] {
  const suggestions = suggestHedges(positions, totals, {...report, strategyBreaches: []}, limits, groups, options);
  if (report.strategyBreaches.length === 0) return suggestions;
  const byAccount = new Map<string, UnifiedPosition[]>();
  for (const p of positions) {
    const key = `${p.broker}\u0000${p.account}`;
    const list = byAccount.get(key);
    if (list) list.push(p);
    else byAccount.set(key, [p]);
  }
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const noBreaches = {...report, breaches: []};
  for (const sb of report.strategyBreaches) {
    const group = groupById.get(sb.groupId);
    if (!group) continue;
    const symbols = new Set(group.legs.map((l) => l.symbol));
    const own = (byAccount.get(`${group.broker}\u0000${group.account}`) ?? []).filter((p) => symbols.has(p.symbol));
    suggestions.push(...suggestHedges(own, totals, {...noBreaches, strategyBreaches: [sb]}, limits, [group], options));
  }
  return suggestions;
}
