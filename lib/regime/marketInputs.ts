/** One market input value: a level or ratio in the input's own unit, with its time and freshness when known. */
export type MarketInput = {value: number; asOfMs?: number; stale?: boolean};

/** Inputs by name (`VIX`, `VIX3M`, `Polymarket_Recession_Prob`, ...); a bare number means a fresh value. */
export type MarketInputs = Record<string, MarketInput | number | undefined>;

/** How an input resolved: a usable value, or why it is unusable (the condition that needs it is undecidable). */
export type ResolvedInput = {ok: true; value: number} | {ok: false; reason: string};

/** Resolves one input name. */
export type InputLookup = (name: string) => ResolvedInput;

/** Options for resolving inputs: when `asOfMs` and `maxInputAgeMs` are both given, older inputs count as stale. */
export type ResolveOptions = {asOfMs?: number; maxInputAgeMs?: number};

/**
 * Returns a lookup that resolves an input name to its value or to the reason it cannot be used
 * ("missing", "stale", "not a finite number"). TermStructure, when not given, is derived as VIX3M / VIX
 * rounded to 12 significant digits: index levels have two decimals, so the rounding only removes binary
 * noise (24.2 / 22 is 1.0999999999999999 in doubles, exactly 1.1 in decimal) and boundaries stay exact.
 */
export function resolveInputs(inputs: MarketInputs, {asOfMs, maxInputAgeMs}: ResolveOptions = {}): InputLookup {
  const resolveRaw = (name: string): ResolvedInput => {
    const raw = inputs[name];
    if (raw === undefined) return {ok: false, reason: "missing"};
    const input = typeof raw === "number" ? {value: raw} : raw;
    if (!Number.isFinite(input.value)) return {ok: false, reason: "missing"};
    if (input.stale) return {ok: false, reason: "stale"};
    if (asOfMs !== undefined && maxInputAgeMs !== undefined && input.asOfMs !== undefined) {
      if (asOfMs - input.asOfMs > maxInputAgeMs) return {ok: false, reason: "stale"};
    }
    return {ok: true, value: input.value};
  };
  return (name: string): ResolvedInput => {
    if (name !== "TermStructure" || inputs.TermStructure !== undefined) return resolveRaw(name);
    const vix = resolveRaw("VIX");
    const vix3m = resolveRaw("VIX3M");
    if (!vix.ok) return {ok: false, reason: `= VIX3M/VIX, VIX ${vix.reason}`};
    if (!vix3m.ok) return {ok: false, reason: `= VIX3M/VIX, VIX3M ${vix3m.reason}`};
    if (!(vix.value > 0)) return {ok: false, reason: "= VIX3M/VIX, VIX not positive"};
    return {ok: true, value: Number((vix3m.value / vix.value).toPrecision(12))};
  };
}
