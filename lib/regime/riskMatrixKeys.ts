/**
 * The keys the risk-matrix validator accepts at each level, YAML spelling. config/risk_matrix.schema.json must
 * declare exactly these properties (a test checks both ways); `required` lists the keys that must be present.
 */
export const RISK_MATRIX_KEYS = {
  root: {
    allowed: ["regimes", "severity_order", "fallback", "near_limit_fraction", "hysteresis", "inputs"],
    required: ["regimes"]
  },
  regime: {allowed: ["condition", "description", "limits"], required: ["condition", "limits"]},
  limits: {
    allowed: ["max_beta_delta", "max_negative_vega", "min_daily_theta", "max_gamma", "allowed_strategies"],
    required: ["max_beta_delta", "max_negative_vega", "min_daily_theta", "max_gamma", "allowed_strategies"]
  },
  hysteresis: {allowed: ["confirm_closes", "buffer", "immediate_escalation"], required: []}
} as const satisfies Record<string, {allowed: readonly string[]; required: readonly string[]}>;
