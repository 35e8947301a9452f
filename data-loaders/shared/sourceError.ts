/**
 * Bad upstream data: a payload that does not have the shape or values a vendor documents.
 * The message reads `source: fieldPath: detail`, e.g. `deribit: result[3].mark_iv: expected finite number, got "n/a"`.
 * Never put tokens, or URLs carrying keys, in `detail`.
 */
export class SourceError extends Error {
  override name = "SourceError";
  readonly source: string;
  readonly fieldPath: string;
  readonly detail: string;

  constructor(source: string, fieldPath: string, detail: string) {
    super(`${source}: ${fieldPath}: ${detail}`);
    this.source = source;
    this.fieldPath = fieldPath;
    this.detail = detail;
  }
}

/** Short, safe rendering of a bad value for an error message (strings quoted, long values cut). */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The object at `raw`, or a SourceError naming `path`. */
export function record(source: string, raw: unknown, path: string): Record<string, unknown> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new SourceError(source, path || "(root)", `expected object, got ${describeValue(raw)}`);
  }
  return raw as Record<string, unknown>;
}

/** The array at `raw`, or a SourceError naming `path`. */
export function array(source: string, raw: unknown, path: string): unknown[] {
  if (!Array.isArray(raw)) throw new SourceError(source, path || "(root)", `expected array, got ${describeValue(raw)}`);
  return raw;
}

/**
 * `raw[key]` as a finite number. Vendors that send numbers as decimal strings ("52.73", Tastytrade) are
 * accepted; anything else (missing, null, "", "n/a", NaN, Infinity) throws SourceError at `path.key`.
 */
export function finite(source: string, raw: Record<string, unknown>, key: string, path: string): number {
  const value = toNumber(raw[key]);
  if (value === undefined) {
    throw new SourceError(source, joinPath(path, key), `expected finite number, got ${describeValue(raw[key])}`);
  }
  return value;
}

/** Like `finite`, but a missing or null field gives NaN (a present but unparsable value still throws). */
export function optionalFinite(source: string, raw: Record<string, unknown>, key: string, path: string): number {
  if (raw[key] === undefined || raw[key] === null) return NaN;
  return finite(source, raw, key, path);
}

/** `raw[key]` as a non-empty string, or a SourceError at `path.key`. */
export function str(source: string, raw: Record<string, unknown>, key: string, path: string): string {
  const value = raw[key];
  if (typeof value !== "string" || value.length === 0) {
    throw new SourceError(source, joinPath(path, key), `expected non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

/** Like `str`, but a missing, null or empty field gives null. */
export function optionalStr(source: string, raw: Record<string, unknown>, key: string, path: string): string | null {
  const value = raw[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") {
    throw new SourceError(source, joinPath(path, key), `expected string, got ${describeValue(value)}`);
  }
  return value;
}

/** `raw[key]` if it is one of `allowed`, else a SourceError listing them. */
export function oneOf<T extends string>(
  source: string,
  raw: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  path: string
): T {
  const value = raw[key];
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new SourceError(
      source,
      joinPath(path, key),
      `expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${describeValue(value)}`
    );
  }
  return value as T;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}
