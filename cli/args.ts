import {parseArgs, type ParseArgsConfig} from "node:util";
import {UsageError} from "./command.js";

/** The flags of one command, as `util.parseArgs` takes them: `{windows: {type: "string"}, json: {type: "boolean"}}`. */
export type FlagOptions = NonNullable<ParseArgsConfig["options"]>;

type Parsed<O extends FlagOptions> = ReturnType<typeof parseArgs<{args: string[]; options: O; strict: true; allowPositionals: true}>>;

/** What `parseFlags` accepts besides the flags. */
export type ParseFlagsSettings = {
  /** the sub-command, named in the "see voldesk <command> --help" hint of an unknown-option error */
  command: string;
  /** whether bare arguments (FILE) are accepted; default false */
  positionals?: boolean;
  /**
   * Flags that take every following argument up to the next `--flag` (`--positions a.json b.json`), by name, with
   * what one value is called in the error when none follows (`{positions: "FILE"}`). Declare them `multiple: true`.
   */
  lists?: Record<string, string>;
};

/**
 * Parses a command's arguments with Node's `util.parseArgs` (strict), accepting `--flag value` and `--flag=value`;
 * a value may start with a single dash (`--rate -0.01`). Every parse failure becomes a UsageError (exit 2):
 * `--window needs a value`, `--json does not take a value`, `unknown option "--bogus"; see voldesk rv --help`,
 * `unknown argument "x.csv"; see voldesk regime --help`. A repeated flag keeps its last value unless `multiple`.
 */
export function parseFlags<const O extends FlagOptions>(
  argv: string[],
  options: O,
  {command, positionals = false, lists = {}}: ParseFlagsSettings
): {values: Parsed<O>["values"]; positionals: string[]} {
  const args = normalizeArgs(argv, options, lists, command);
  try {
    const parsed = parseArgs({args, options, strict: true, allowPositionals: positionals});
    return {values: parsed.values as Parsed<O>["values"], positionals: parsed.positionals};
  } catch (error) {
    throw toUsageError(error, argv, command);
  }
}

/**
 * Rewrites what `util.parseArgs` reads differently from the CLI's syntax: `--flag -0.5` becomes `--flag=-0.5`
 * (parseArgs calls a dash-led value ambiguous) and a list flag's values become one `--flag=value` each.
 * A bare `--` is an unknown option here, as it always was (parseArgs would end the options there).
 */
function normalizeArgs(argv: string[], options: FlagOptions, lists: Record<string, string>, command: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === "--") throw new UsageError(`unknown option "--"; see voldesk ${command} --help`);
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : undefined;
    if (name !== undefined && lists[name] !== undefined) {
      const start = out.length;
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) out.push(`${arg}=${argv[++i]}`);
      if (out.length === start) throw new UsageError(`${arg} needs at least one ${lists[name]}`);
    } else if (name !== undefined && options[name]?.type === "string" && /^-(?!-)/.test(argv[i + 1] ?? "")) {
      out.push(`${arg}=${argv[++i]}`);
    } else out.push(arg);
  }
  return out;
}

/** util.parseArgs' TypeError (code ERR_PARSE_ARGS_*) as the CLI's UsageError; other errors unchanged. */
function toUsageError(error: unknown, argv: string[], command: string): unknown {
  const code = (error as {code?: string}).code;
  const message = (error as Error).message ?? "";
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const hint = `see voldesk ${command} --help`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const raw = argv.find((a) => a === quoted || a.startsWith(quoted + "=")) ?? quoted;
    return new UsageError(`unknown option "${raw}"; ${hint}`);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return new UsageError(`unknown argument "${quoted}"; ${hint}`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = quoted.split(" ")[0];
    return new UsageError(/does not take an argument/.test(message) ? `${flag} does not take a value` : `${flag} needs a value`);
  }
  return error;
}

/** Throws a UsageError when both flags of an exclusive pair are set: `--json and --csv are exclusive`. */
export function assertExclusive(values: Record<string, unknown>, a: string, b: string): void {
  if (values[a] !== undefined && values[a] !== false && values[b] !== undefined && values[b] !== false) {
    throw new UsageError(`--${a} and --${b} are exclusive`);
  }
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A decimal number written plainly (`-0.5`, `1e3`; not `0x10`, `Infinity` or ""), or a UsageError naming `what`. */
export function parseNumber(text: string, what: string): number {
  if (!DECIMAL.test(text)) throw new UsageError(`${what}: expected a number, got "${text}"`);
  return Number(text);
}

/** An integer flag value >= min (surrounding spaces allowed), or a UsageError naming the flag. */
export function positiveInt(flag: string, text: string, min: number): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: expected an integer >= ${min}, got "${text}"`);
  return n;
}

/**
 * `NAME=VALUE` → `[NAME, VALUE]`: "VIX=14" → ["VIX", 14]. With `percent`, "Polymarket_Recession_Prob=40%" →
 * [..., 0.4] (decimal-exact: "41%" is 0.41). With `identifier`, NAME must be a letter or `_` then letters, digits,
 * `_` (regime inputs); otherwise any text without `=` or spaces (symbols such as BRK.B).
 * Errors: `--set: expected NAME=VALUE, got "VIX"`, `--set VIX: expected a number, got "abc"`.
 */
export function parseAssignment(text: string, flag: string, {percent = false, identifier = false} = {}): [string, number] {
  const match = (identifier ? /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/ : /^([^=\s]+)=(.+)$/).exec(text);
  if (!match) throw new UsageError(`${flag}: expected NAME=VALUE, got "${text}"`);
  const [, name, raw] = match;
  const isPercent = percent && raw.endsWith("%");
  const numberText = isPercent ? raw.slice(0, -1) : raw;
  if (!DECIMAL.test(numberText)) throw new UsageError(`${flag} ${name}: expected a number, got "${raw}"`);
  if (!isPercent) return [name, Number(numberText)];
  const [, mantissa, exponent = "0"] = /^(.*?)(?:e([+-]?\d+))?$/i.exec(numberText)!;
  return [name, Number(`${mantissa}e${Number(exponent) - 2}`)];
}

/** Row indices for --date D (that day, which must exist) or --last N; default the last row. */
export function pickIndices(dates: string[], date: string | undefined, last: string | undefined): number[] {
  if (date !== undefined && last !== undefined) throw new UsageError("--date and --last are exclusive");
  if (date !== undefined) {
    const i = dates.indexOf(date);
    if (i < 0) throw new UsageError(`--date ${date}: no row on that day (file covers ${dates[0]} to ${dates[dates.length - 1]})`);
    return [i];
  }
  const n = last === undefined ? 1 : positiveInt("--last", last, 1);
  return Array.from({length: Math.min(n, dates.length)}, (_, k) => dates.length - Math.min(n, dates.length) + k);
}
