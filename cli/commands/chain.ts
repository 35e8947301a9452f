import {basename, resolve} from "node:path";
import {assertExclusive, parseFlags, positiveInt} from "../args.js";
import type {Command} from "../command.js";
import {UsageError} from "../command.js";
import {isSnapshotFile, readIndexHistory, readSnapshotRows, readText, requireColumns, withParseErrors} from "../files.js";
import {finiteOrNull, formatTable, toCsv} from "../table.js";
import {analyzeChain} from "../../lib/chain/analyzeChain.js";
import {vendorIvAgreement} from "../../lib/chain/vendorIvAgreement.js";
import {vixIndexFromChain} from "../../lib/chain/vixIndexFromChain.js";
import {parseCboeQuotedata} from "../../lib/io/cboeQuotedata.js";
import type {OptionQuoteRow} from "../../lib/rows.js";

const USAGE = `Usage: voldesk chain FILE --rate R [--spot S] [--days 30,60,90] [--vix-history VIX_History.csv | --compare-index X]
                     [--surface] [--json | --csv]

Option-chain analytics from one quote snapshot: per expiry the implied forward (put-call parity), ATM IV at the
forward, the 25-delta put and call IVs (solved 25-delta strikes) and skews; constant-maturity IVs; a VIX-style
30-day index (CBOE's VIX methodology applied to this chain); and, when the file carries the venue's IVs, how our
IVs from the mids agree with them on liquid strikes.
FILE is CBOE's delayed-quotes download (quotedata.csv) or a Parquet / Arrow snapshot of OptionQuoteRow.

  --rate R            continuous risk-free rate, decimal (e.g. 0.053). Required: American (equity/ETF) chains
                      cannot imply it from put-call parity reliably.
  --spot S            underlying price (default: the file's underlying last)
  --days LIST         constant maturities in calendar days (default 30,60,90)
  --vix-history FILE  compare the 30-day index with the VIX close of the snapshot's date from that CBOE file
  --compare-index X   compare the 30-day index with X (vol points)
  --surface           with --json/--csv: every quote's IV, delta and log-moneyness (strike x expiry, long format)
  --json, --csv       machine output (CSV: one line per expiry, or per quote with --surface)
Vols are in vol points (percent), skews are ratios. Exit 0 ok, 2 bad input.
`;

const CHAIN_FLAGS = {
  rate: {type: "string"},
  spot: {type: "string"},
  days: {type: "string"},
  "vix-history": {type: "string"},
  "compare-index": {type: "string"},
  surface: {type: "boolean"},
  json: {type: "boolean"},
  csv: {type: "boolean"}
} as const;

/** `voldesk chain FILE`: forwards, ATM / 25-delta IVs, skews, constant maturity, VIX-style index of a chain. */
export const command: Command = {
  name: "chain",
  summary: "option-chain analytics: forwards, ATM and 25-delta IV, skew, constant maturity, VIX-style 30-day index",
  usage: USAGE,
  async run(argv, io) {
    const {values, positionals} = parseFlags(argv, CHAIN_FLAGS, {command: "chain", positionals: true});
    assertExclusive(values, "json", "csv");
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError("give exactly one FILE; see voldesk chain --help");
    if (values.rate === undefined) throw new UsageError("--rate is required: the continuous risk-free rate as a decimal, e.g. --rate 0.053");
    const rate = Number(values.rate);
    if (!Number.isFinite(rate) || Math.abs(rate) > 1) throw new UsageError(`--rate: expected a decimal such as 0.053, got "${values.rate}"`);
    const days = (values.days ?? "30,60,90").split(",").map((d) => positiveInt("--days", d, 1));
    const path = resolve(io.cwd, file);
    const snapshot = readChain(path);
    const spot = values.spot !== undefined ? Number(values.spot) : snapshot.spot;
    if (!(spot > 0)) throw new UsageError(`spot must be > 0 (give --spot), got ${values.spot ?? snapshot.spot}`);
    const {asOfMs} = snapshot;
    const analysis = analyzeChain(snapshot.quotes, {spot, asOfMs, rate, constantMaturityDays: days});
    const vix = vixIndexFromChain(snapshot.quotes, {asOfMs, rate});
    const tradeDate = new Intl.DateTimeFormat("en-CA", {timeZone: "America/New_York"}).format(asOfMs);
    const reference = referenceIndex(values, tradeDate, io.cwd);
    const hasVendorIv = analysis.surface.some((p) => p.vendorIv > 0);
    const agreement = hasVendorIv ? vendorIvAgreement(analysis.surface) : undefined;

    const pct = (x: number) => finiteOrNull(x * 100);
    const expiryRows = analysis.expiries.map((e) => ({
      expiry: e.expiry,
      days: e.days,
      forward: e.forward,
      divYieldPct: pct(e.divYield),
      atmIvPct: pct(e.atmIv),
      put25Strike: finiteOrNull(e.put25Strike),
      put25IvPct: pct(e.put25Iv),
      call25Strike: finiteOrNull(e.call25Strike),
      call25IvPct: pct(e.call25Iv),
      putSkew: finiteOrNull(e.putSkew),
      callSkew: finiteOrNull(e.callSkew),
      quotes: e.quotesUsed
    }));
    const cmRows = analysis.constantMaturity.map((c) => ({
      days: c.days,
      atmIvPct: pct(c.atmIv),
      put25IvPct: pct(c.put25Iv),
      call25IvPct: pct(c.call25Iv),
      putSkew: finiteOrNull(c.putSkew),
      callSkew: finiteOrNull(c.callSkew)
    }));
    const vixSummary = vix && {
      level: finiteOrNull(vix.level),
      nearExpiry: vix.near.expiry,
      nextExpiry: vix.next.expiry,
      nearForward: vix.near.forward,
      nextForward: vix.next.forward,
      nearK0: vix.near.k0,
      nextK0: vix.next.k0,
      nearStrikes: `${vix.near.lowestPutStrike}-${vix.near.highestCallStrike}`,
      nextStrikes: `${vix.next.lowestPutStrike}-${vix.next.highestCallStrike}`,
      weightNear: vix.weightNear,
      reference: reference ?? null,
      differenceVolPts: reference ? finiteOrNull(vix.level - reference.level) : null
    };
    const surfaceRows = analysis.surface.map((p) => ({
      expiry: p.expiry,
      tYears: p.tYears,
      strike: p.strike,
      right: p.right,
      logMoneyness: p.logMoneyness,
      mid: p.mid,
      ivPct: pct(p.iv),
      vendorIvPct: pct(p.vendorIv),
      delta: finiteOrNull(p.delta),
      otm: p.otm,
      wideSpread: p.wideSpread
    }));
    const expiryColumns = Object.keys(expiryRows[0] ?? {expiry: ""});
    const meta = {
      file: basename(path),
      underlying: analysis.underlying,
      spot,
      asOf: new Date(asOfMs).toISOString(),
      rate,
      model: analysis.model,
      dropped: analysis.dropped,
      skippedExpiries: analysis.skippedExpiries
    };
    if (values.json) {
      const out = {...meta, expiries: expiryRows, constantMaturity: cmRows, vixStyleIndex: vixSummary ?? null, vendorIvAgreement: agreement ?? null};
      io.out(JSON.stringify(values.surface ? {...out, surface: surfaceRows} : out, null, 2) + "\n");
      return 0;
    }
    if (values.csv) {
      io.out(values.surface ? toCsv(surfaceRows, Object.keys(surfaceRows[0] ?? {})) : toCsv(expiryRows, expiryColumns));
      return 0;
    }
    if (values.surface) throw new UsageError("--surface needs --json or --csv");
    const droppedText = Object.entries(analysis.dropped).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(", ") || "none";
    io.out(
      `${analysis.underlying} chain ${meta.asOf} (${tradeDate} New York), spot ${spot}, rate ${rate}, model ${analysis.model}\n` +
        `quotes dropped: ${droppedText}; skipped expiries: ${analysis.skippedExpiries.map((s) => `${s.expiry} (${s.reason})`).join(", ") || "none"}\n\n`
    );
    io.out(formatTable(expiryRows, expiryColumns, {digits: {days: 2, forward: 2, divYieldPct: 2, put25Strike: 1, call25Strike: 1, putSkew: 3, callSkew: 3, quotes: 0}}));
    io.out("\nconstant maturity (linear in total variance between expiries)\n");
    io.out(formatTable(cmRows, Object.keys(cmRows[0] ?? {days: 0}), {digits: {days: 0, putSkew: 3, callSkew: 3}}));
    if (vixSummary) {
      const v = vixSummary;
      io.out(
        `\nVIX-style 30-day index (CBOE VIX methodology on this chain): ${v.level?.toFixed(2)}\n` +
          `  near ${v.nearExpiry} F ${v.nearForward.toFixed(2)} K0 ${v.nearK0} strikes ${v.nearStrikes}; next ${v.nextExpiry} F ${v.nextForward.toFixed(2)} K0 ${v.nextK0} strikes ${v.nextStrikes}; near weight ${v.weightNear.toFixed(4)}\n`
      );
      if (reference && v.differenceVolPts !== null) io.out(`  vs ${reference.label} ${reference.level.toFixed(2)}: ${v.differenceVolPts >= 0 ? "+" : ""}${v.differenceVolPts.toFixed(2)} vol points\n`);
    } else io.out("\nVIX-style 30-day index: no two expiries bracket 30 days\n");
    if (agreement) {
      io.out(
        `\nIV from the mid vs the file's IV column, ${agreement.count} liquid quotes (${agreement.rule}):\n` +
          `  median |diff| ${agreement.medianAbsDiffVolPts.toFixed(3)} vol points, worst ${agreement.worstAbsDiffVolPts.toFixed(3)}` +
          (agreement.worst ? ` (${agreement.worst.expiry} ${agreement.worst.strike} ${agreement.worst.right}: ${agreement.worst.ivPct.toFixed(2)} vs ${agreement.worst.vendorIvPct.toFixed(2)})` : "") +
          "\n"
      );
    }
    return 0;
  }
};

function readChain(path: string): {quotes: OptionQuoteRow[]; spot: number; asOfMs: number} {
  if (isSnapshotFile(path)) {
    const rows = readSnapshotRows(path);
    requireColumns(rows, ["underlying", "expiry", "strike", "right", "bid", "ask", "asOfMs"], path, "OptionQuoteRow");
    const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));
    const quotes = rows.map((r): OptionQuoteRow => ({
      underlying: String(r.underlying),
      symbol: String(r.symbol ?? ""),
      expiry: String(r.expiry),
      strike: num(r.strike),
      right: r.right === "P" ? "P" : "C",
      bid: num(r.bid),
      ask: num(r.ask),
      last: num(r.last),
      volume: num(r.volume),
      openInterest: num(r.openInterest),
      vendorIv: num(r.vendorIv),
      vendorDelta: num(r.vendorDelta),
      vendorGamma: num(r.vendorGamma),
      underlyingPrice: num(r.underlyingPrice),
      asOfMs: num(r.asOfMs),
      source: "file"
    }));
    return {quotes, spot: quotes[0]?.underlyingPrice ?? NaN, asOfMs: Math.max(...quotes.map((q) => q.asOfMs))};
  }
  const parsed = withParseErrors(() => parseCboeQuotedata(readText(path), {file: basename(path)}));
  return {quotes: parsed.quotes, spot: parsed.underlying.last, asOfMs: parsed.underlying.asOfMs};
}

function referenceIndex(values: {"compare-index"?: string; "vix-history"?: string}, tradeDate: string, cwd: string): {label: string; level: number} | undefined {
  if (values["compare-index"] !== undefined) {
    const level = Number(values["compare-index"]);
    if (!Number.isFinite(level)) throw new UsageError(`--compare-index: expected a number, got "${values["compare-index"]}"`);
    return {label: "given index", level};
  }
  const historyPath = values["vix-history"];
  if (historyPath === undefined) return undefined;
  const path = resolve(cwd, historyPath);
  const index = basename(path).replace(/_History\.csv$/i, "");
  const row = readIndexHistory(path, index).find((r) => r.date === tradeDate);
  if (!row) throw new UsageError(`--vix-history: ${basename(path)} has no row for ${tradeDate}`);
  return {label: `${index} close ${tradeDate}`, level: row.close};
}
