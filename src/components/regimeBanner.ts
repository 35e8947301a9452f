import {html} from "htl";
import type {RegimeDecision} from "../lib/regime/decideRegime.js";

/**
 * The regime, big: a banner coloured by regime (.regime--<name> in style.css) with the deciding rule, whether the
 * fallback applied, undecidable regimes and any what-if override. `data-testid="regime-banner"`,
 * `data-regime="<name>"` for the browser test.
 */
export function RegimeBanner(decision: RegimeDecision, {whatIf = null}: {whatIf?: string | null} = {}): HTMLElement {
  const name = decision.regime.replace(/_/g, " ").toUpperCase();
  const rule = decision.fallbackApplied
    ? html`no condition matched: <strong>fallback</strong> regime`
    : html`decided by <code>${decision.decidedBy.condition}</code> (${decision.decidedBy.reason})`;
  const node = html`<div class="regime-banner regime--${decision.regime}" data-testid="regime-banner" data-regime=${decision.regime}>
    <h2>${name}</h2>
    <div>
      <p>${decision.description}</p>
      <p>${rule}${decision.matched.length > 1 ? html`; also matched: ${decision.matched.slice(1).join(", ")}` : null}</p>
      ${decision.undecidable.length
        ? html`<p>undecidable: ${decision.undecidable.map((u) => `${u.regime} (${Object.entries(u.reasons).map(([k, r]) => `${k} ${r}`).join(", ")})`).join("; ")}${decision.certain ? "" : " — may outrank this decision"}</p>`
        : null}
      ${whatIf ? html`<p class="regime-banner__whatif"><strong>WHAT-IF</strong> ${whatIf}</p>` : null}
    </div>
  </div>`;
  return node as HTMLElement;
}
