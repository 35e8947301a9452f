/**
 * The demo's implied-volatility term structure: how the simulated spot variance maps to the VIX family, to ATM
 * implied vols per expiry and to DVOL. One place, so the VIX history, IV30 history and today's chains agree.
 *
 * Model: under the pricing measure the instantaneous variance v mean-reverts to a regime level theta at speed
 * `kappa` (Heston's drift), so the expected average variance over T is theta + (v - theta)(1 - e^{-kT})/(kT);
 * implied variance is that times a variance risk premium growing with the horizon (9d 1.20 … 1y 1.60), which
 * gives contango when v is near theta and backwardation when v spikes above it.
 * @see Heston (1993), Rev. Financial Studies 6(2), eq. for E[v_t]; CBOE VIX white paper for the 30-day horizon
 */

/** Mean-reversion speed of equity variance under the pricing measure, per year. */
export const EQUITY_VAR_KAPPA = 5;
/** Pricing-measure long-run variance per equity regime (calm, normal, stressed, crisis), decimal². */
export const EQUITY_THETA_BY_REGIME = [0.15 ** 2, 0.175 ** 2, 0.225 ** 2, 0.3 ** 2] as const;
/** ATM implied variance as a share of the VIX-style (whole-smile) variance: SPY ATM IV runs ~1-2 points under VIX. */
const ATM_SHARE_OF_VIX_VAR = 0.86;

const VRP_KNOTS_DAYS = [9, 30, 93, 365];
const VRP_KNOTS = [1.28, 1.38, 1.58, 1.66];

/** Returns the expected average variance over tYears when variance starts at `variance` and reverts to `theta`. */
export function expectedAverageVariance(variance: number, theta: number, tYears: number, kappa: number): number {
  const kt = kappa * tYears;
  const weight = kt < 1e-9 ? 1 : (1 - Math.exp(-kt)) / kt;
  return theta + (variance - theta) * weight;
}

/** Returns the variance risk premium (implied ÷ expected variance) for a horizon in calendar days. */
export function varianceRiskPremium(days: number): number {
  if (days <= VRP_KNOTS_DAYS[0]) return VRP_KNOTS[0];
  for (let i = 1; i < VRP_KNOTS_DAYS.length; i++) {
    if (days <= VRP_KNOTS_DAYS[i]) {
      const w = (days - VRP_KNOTS_DAYS[i - 1]) / (VRP_KNOTS_DAYS[i] - VRP_KNOTS_DAYS[i - 1]);
      return VRP_KNOTS[i - 1] + w * (VRP_KNOTS[i] - VRP_KNOTS[i - 1]);
    }
  }
  return VRP_KNOTS[VRP_KNOTS.length - 1];
}

/** The equity market's state at a close, enough to price any horizon. */
export type EquityVolState = {
  spotVariance: number; // SPY instantaneous variance, decimal² per year
  regime: number; // 0 calm, 1 normal, 2 stressed, 3 crisis
  logNoise: number; // common implied-vol noise (log), shared by the whole VIX family
};

/** Returns a VIX-style index level (vol points) for a horizon in days, e.g. 30 for VIX, 93 for VIX3M. */
export function vixStyleLevel(state: EquityVolState, days: number, tenorNoise = 0): number {
  const avg = expectedAverageVariance(
    state.spotVariance,
    EQUITY_THETA_BY_REGIME[state.regime],
    days / 365,
    EQUITY_VAR_KAPPA
  );
  return 100 * Math.sqrt(varianceRiskPremium(days) * avg) * Math.exp(state.logNoise + tenorNoise);
}

/** Returns SPY's ATM implied variance (decimal² per year) for tYears. */
export function spyAtmVariance(state: EquityVolState, tYears: number): number {
  const level = vixStyleLevel(state, Math.max(tYears * 365, 1 / 24)) / 100;
  return ATM_SHARE_OF_VIX_VAR * level * level;
}

/**
 * Returns a symbol's ATM implied variance (decimal² per year) for tYears: beta² × SPY's, plus the idiosyncratic
 * part (implied at 1.1× the simulated idiosyncratic vol), plus each scheduled earnings move spread over tYears.
 * @param earningsMoves the typical moves (decimal, 0.04 = 4%) of earnings inside the horizon
 */
export function symbolAtmVariance(
  state: EquityVolState,
  {beta, idioVol, earningsMoves = []}: {beta: number; idioVol: number; earningsMoves?: readonly number[]},
  tYears: number
): number {
  const t = Math.max(tYears, 1 / (365 * 24));
  let variance = beta * beta * spyAtmVariance(state, t) + (1.1 * idioVol) ** 2;
  for (const move of earningsMoves) variance += (1.1 * move) ** 2 / t;
  return variance;
}

/** Mean-reversion speed of crypto variance, per year, and its long-run vol. */
export const CRYPTO_VAR_KAPPA = 4;
export const CRYPTO_THETA = 0.52 ** 2;
const CRYPTO_VRP = 1.08;

/** Returns a crypto ATM implied variance for tYears from the spot variance and the long-run variance. */
export function cryptoAtmVariance(spotVariance: number, theta: number, tYears: number): number {
  return CRYPTO_VRP * expectedAverageVariance(spotVariance, theta, Math.max(tYears, 1 / 8760), CRYPTO_VAR_KAPPA);
}
