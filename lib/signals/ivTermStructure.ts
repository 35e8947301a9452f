/** The shape of an implied-vol term structure between a front and a back maturity. */
export type IvTermState = "contango" | "backwardation" | "flat" | "unknown";

/** Front vs back implied vol: their ratio and the state it reads as. */
export type IvTermStructure = {frontIv: number; backIv: number; ratio: number; state: IvTermState};

/**
 * Reads a term structure from two implied vols (decimals, same underlying): ratio = backIv / frontIv. Above
 * 1 + `flatBand` is contango (longer-dated vol above the front: the usual calm market), below 1 - flatBand
 * backwardation (front above back: stress or an event in the front month), in between "flat"; "unknown" when
 * either vol is missing or not positive.
 * @param flatBand default 0.02 (back within ±2% of front counts as flat)
 * @throws RangeError for a negative flatBand.
 */
export function ivTermStructure({frontIv, backIv}: {frontIv: number; backIv: number}, {flatBand = 0.02} = {}): IvTermStructure {
  if (!(flatBand >= 0)) throw new RangeError(`ivTermStructure: flatBand must be >= 0, got ${flatBand}`);
  const ratio = frontIv > 0 && backIv > 0 ? backIv / frontIv : NaN;
  const state: IvTermState = !Number.isFinite(ratio)
    ? "unknown"
    : Math.abs(ratio - 1) <= flatBand + 1e-12 // inclusive despite binary noise (0.255 / 0.25 = 1.0200000000000002)
      ? "flat"
      : ratio > 1
        ? "contango"
        : "backwardation";
  return {frontIv, backIv, ratio, state};
}
