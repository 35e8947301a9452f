import type {UnifiedPosition} from "./unifiedPosition.js";

/** Unrealised P&L of a position in its quote currency and in USD. */
export type UnrealizedPnl = {pnl: number; currency: string; pnlUsd: number};

/**
 * Returns (price - costBasis) x quantity x multiplier in the position's currency, and in USD: coin-quoted positions
 * (Deribit options quoted in BTC/ETH) convert at today's underlying price, so a coin P&L's USD value is as of now.
 * NaN when the price or the cost basis is unknown.
 */
export function unrealizedPnl(p: Pick<UnifiedPosition, "price" | "costBasis" | "quantity" | "multiplier" | "currency" | "underlyingPrice">): UnrealizedPnl {
  const pnl = (p.price - p.costBasis) * p.quantity * p.multiplier;
  const usd = p.currency === "USD" || p.currency === "USDC";
  return {pnl, currency: p.currency, pnlUsd: usd ? pnl : pnl * p.underlyingPrice};
}
