import type {OptionQuoteRow} from "../rows.js";

/** Why a quote was dropped before any IV was computed. */
export type QuoteDropReason = "missing" | "sentinel" | "zero-bid" | "crossed" | "locked";

/** A quote that passed hygiene, with its mid and relative spread. */
export type CleanQuote = OptionQuoteRow & {
  mid: number; // (bid + ask) / 2
  relSpread: number; // (ask - bid) / mid
  wideSpread: boolean; // relSpread > wideSpreadRel: kept but flagged, excluded from "liquid" comparisons
};

/**
 * Quote hygiene for an option chain snapshot. Drops, with the reason: non-finite bid/ask ("missing"),
 * negative prices or placeholder values ("sentinel"), zero bids ("zero-bid": no buyer, the mid is not a price),
 * ask < bid ("crossed") and ask = bid ("locked"). Keeps the rest with their mid, flagging spreads wider than
 * `wideSpreadRel` of the mid.
 *
 * A placeholder is a price no option can have: above max(spot, strike) (a call is worth at most the spot, a put at
 * most the strike), so vendors' "no quote" fillers such as 99999.99 or 214748.36 go while a deep in-the-money BTC
 * call quoted at 60,000 USD stays. When the quote carries no underlying price, `sentinelPrice` is the cut-off.
 * @param wideSpreadRel default 0.25 (25% of the mid)
 * @param sentinelPrice default 99,999: the cut-off for quotes without an underlying price
 */
export function cleanQuotes(
  quotes: readonly OptionQuoteRow[],
  {wideSpreadRel = 0.25, sentinelPrice = 99_999} = {}
): {kept: CleanQuote[]; dropped: {quote: OptionQuoteRow; reason: QuoteDropReason}[]} {
  const kept: CleanQuote[] = [];
  const dropped: {quote: OptionQuoteRow; reason: QuoteDropReason}[] = [];
  for (const quote of quotes) {
    const {bid, ask} = quote;
    let reason: QuoteDropReason | undefined;
    if (!Number.isFinite(bid) || !Number.isFinite(ask)) reason = "missing";
    else if (bid < 0 || ask < 0 || ask > placeholderAbove(quote, sentinelPrice)) reason = "sentinel";
    else if (bid === 0) reason = "zero-bid";
    else if (ask < bid) reason = "crossed";
    else if (ask === bid) reason = "locked";
    if (reason) {
      dropped.push({quote, reason});
      continue;
    }
    const mid = (bid + ask) / 2;
    const relSpread = (ask - bid) / mid;
    kept.push({...quote, mid, relSpread, wideSpread: relSpread > wideSpreadRel});
  }
  return {kept, dropped};
}

/** The price above which a quote can only be a placeholder: max(spot, strike), or `fallback` without a spot. */
function placeholderAbove({underlyingPrice, strike}: OptionQuoteRow, fallback: number): number {
  return underlyingPrice > 0 ? Math.max(underlyingPrice, strike) : fallback;
}
