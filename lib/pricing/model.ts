/**
 * The one place that decides which exercise model prices a contract.
 * Cash-settled index options (SPX, SPXW, XSP, NDX, NDXP, RUT, RUTW, VIX, VIXW, DJX, OEX/XEO, MXEA/MXEF) and every
 * Deribit option are European and priced on the forward (Black-76); single stocks and ETFs are American.
 */

/** "european-forward": Black-76 on the forward; "american": early exercise (Bjerksund-Stensland / binomial). */
export type ExerciseModel = "european-forward" | "american";

/** Cash-settled European index option roots (CBOE/Nasdaq symbols). OEX is American and stays out of the list. */
const EUROPEAN_INDEX_ROOTS = new Set([
  "SPX",
  "SPXW",
  "SPXPM",
  "XSP",
  "NDX",
  "NDXP",
  "XND",
  "RUT",
  "RUTW",
  "MRUT",
  "VIX",
  "VIXW",
  "DJX",
  "XEO",
  "MXEA",
  "MXEF"
]);

/**
 * Returns the exercise model for a contract: "european-forward" for cash-settled index roots (SPX, SPXW, XSP,
 * NDX, RUT, VIX, ...) and for any contract with venue "deribit" (case-insensitive);
 * "american" for everything else (US equities and ETFs). The underlying is matched case-insensitively, with a
 * leading "^" or "$" (Yahoo/TOS index prefixes) ignored.
 */
export function pricingModelFor(contract: {underlying: string; venue?: string}): ExerciseModel {
  if (contract.venue !== undefined && contract.venue.toLowerCase() === "deribit") return "european-forward";
  const root = contract.underlying.trim().toUpperCase().replace(/^[\^$]/, "");
  return EUROPEAN_INDEX_ROOTS.has(root) ? "european-forward" : "american";
}
