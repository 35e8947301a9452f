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

/** Deribit option instrument names, e.g. BTC-27DEC24-60000-C or ETH-29JAN27-3300-P. */
const DERIBIT_OPTION_NAME = /^[A-Z]{2,10}(?:_[A-Z]{3,4})?-\d{1,2}[A-Z]{3}\d{2}-\d+(?:d\d+)?-[CP]$/;

/**
 * Returns the exercise model for a contract: "european-forward" for cash-settled index roots (SPX, SPXW, XSP,
 * NDX, RUT, VIX, ...), for any contract with venue "deribit" (case-insensitive) and for any contract whose symbol
 * is a Deribit option name (whoever relays the quote, e.g. the demo source); "american" for everything else
 * (US equities and ETFs). The underlying is matched case-insensitively, with a leading "^" or "$" (Yahoo/TOS
 * index prefixes) ignored.
 */
export function pricingModelFor(contract: {underlying: string; venue?: string; symbol?: string}): ExerciseModel {
  if (contract.venue !== undefined && contract.venue.toLowerCase() === "deribit") return "european-forward";
  if (contract.symbol !== undefined && DERIBIT_OPTION_NAME.test(contract.symbol)) return "european-forward";
  const root = contract.underlying.trim().toUpperCase().replace(/^[\^$]/, "");
  return EUROPEAN_INDEX_ROOTS.has(root) ? "european-forward" : "american";
}
