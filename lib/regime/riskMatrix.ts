import type {ConditionNode} from "./parseCondition.js";

/**
 * One regime's risk limits, camelCase for the YAML's snake_case keys. Beta-weighted delta is in SPY-share
 * equivalents; vega, theta and gamma are in the units of the portfolio aggregates they are compared with (lib/risk).
 * Caps are absolute values; the vega limit is a floor (<= 0) on net vega, the theta limit a floor (>= 0).
 */
export type RegimeLimits = {
  maxBetaDelta: number; // >= 0, |beta-weighted delta| must stay <= this
  maxNegativeVega: number; // <= 0, net vega must stay >= this
  minDailyTheta: number; // >= 0, net theta per day must stay >= this
  maxGamma: number; // >= 0, |beta-weighted gamma| must stay <= this
  allowedStrategies: string[];
};

/** One regime of the matrix: its condition (text and parsed AST), description and limits. */
export type RegimeDefinition = {
  name: string;
  condition: string;
  conditionAst: ConditionNode;
  description: string;
  limits: RegimeLimits;
};

/**
 * Hysteresis for day-by-day classification (see classifyRegimeSeries): a new regime is adopted after `confirmCloses`
 * consecutive closes agree; the current regime is kept while its condition holds with thresholds moved by `buffer`
 * (input name → units of that input); with `immediateEscalation` a move to a more severe regime is never delayed.
 */
export type HysteresisSettings = {
  confirmCloses: number;
  buffer: Record<string, number>;
  immediateEscalation: boolean;
};

/** A validated risk matrix (config/risk_matrix.yaml) with every optional setting filled with its default. */
export type RiskMatrix = {
  file: string; // as given to the parser, for messages
  regimes: Record<string, RegimeDefinition>; // in file order
  severityOrder: string[]; // most severe first; every regime exactly once
  fallback: string; // the regime used when no condition matches
  nearLimitFraction: number; // warn when an aggregate uses more than this fraction of a limit
  hysteresis: HysteresisSettings;
  declaredInputs: string[]; // inputs beyond KNOWN_INPUTS that conditions may name
};

/** Default precedence when `severity_order` is absent (only valid when every regime is one of these four). */
export const DEFAULT_SEVERITY_ORDER: readonly string[] = [
  "crisis_mode",
  "high_volatility",
  "neutral_volatility",
  "low_volatility"
];

/** Default `fallback` regime. */
export const DEFAULT_FALLBACK = "neutral_volatility";

/** Default `near_limit_fraction`: warn at 80% of a limit. */
export const DEFAULT_NEAR_LIMIT_FRACTION = 0.8;

/** Default hysteresis: none (one close decides, no buffer), escalation immediate. */
export const DEFAULT_HYSTERESIS: Readonly<HysteresisSettings> = {confirmCloses: 1, buffer: {}, immediateEscalation: true};
