import type {OptionRight} from "../rows.js";

/** The parts of an OCC option symbol. */
export type OccParts = {root: string; expiry: string; right: OptionRight; strike: number};

const OCC = /^([A-Z0-9.]{1,6})\s*(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

/**
 * Parses an OCC option symbol, padded ("RIVN  230609P00014000", Tastytrade, IBKR) or not ("SPY230914C00450000").
 * Returns root, expiry "YYYY-MM-DD" (20YY), right and strike in price units (the 8 digits / 1000);
 * null when the text is not an OCC symbol.
 * @see OCC symbology: root (up to 6, space padded), YYMMDD, C/P, strike x 1000 in 8 digits
 */
export function parseOccSymbol(symbol: string): OccParts | null {
  const match = OCC.exec(symbol.trim());
  if (!match) return null;
  const [, root, yy, mm, dd, right, strike] = match;
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return {root, expiry: `20${yy}-${mm}-${dd}`, right: right as OptionRight, strike: Number(strike) / 1000};
}
