/** A finite number, else null (JSON has no NaN). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * A fixed-width text table: a header line, then a line per row, columns two spaces apart, trailing spaces cut.
 * Numbers right-aligned with `digits` decimals (one for all, or per column, default 2); null, undefined and
 * non-finite numbers as "-"; text left-aligned.
 */
export function formatTable(rows: Record<string, unknown>[], columns: string[], {digits = 2}: {digits?: number | Record<string, number>} = {}): string {
  const cell = (row: Record<string, unknown>, c: string) => {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "-";
    const d = typeof digits === "number" ? digits : (digits[c] ?? 2);
    return typeof v === "number" ? v.toFixed(d) : String(v);
  };
  const cells = rows.map((r) => columns.map((c) => cell(r, c)));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === "number"));
  const line = (values: string[]) => values.map((v, j) => (numeric[j] ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join("  ").trimEnd();
  return [line(columns), ...cells.map(line)].join("\n") + "\n";
}

/** CSV with a header; numbers written in full, null/undefined/NaN as empty, text quoted when it holds `"`, `,` or a newline. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const field = (v: unknown) => {
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "";
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(","), ...rows.map((r) => columns.map((c) => field(r[c])).join(","))].join("\n") + "\n";
}
