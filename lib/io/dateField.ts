/** Calendar-day layouts found in the wild; `mdy`/`dmy` use `/`, `-` or `.` separators. */
export type DateLayout = "iso" | "mdy" | "dmy" | "compact";

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: .*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Guesses the layout of a column of dates: ISO (`2023-09-14`, time suffix allowed), compact (`20230914`),
 * or day-month-year vs month-day-year for slashed dates (`09/14/2023`), decided by a field above 12.
 * Returns undefined when no sample matches a known layout; slashed dates that never exceed 12 in either
 * place are taken as US month/day/year (CBOE's and Yahoo's convention).
 */
export function detectDateLayout(samples: readonly string[]): DateLayout | undefined {
  let slashed = false;
  for (const raw of samples) {
    const s = raw.trim();
    if (ISO.test(s)) return "iso";
    if (COMPACT.test(s)) return "compact";
    const m = SLASHED.exec(s);
    if (m) {
      slashed = true;
      if (+m[1] > 12) return "dmy";
      if (+m[2] > 12) return "mdy";
    }
  }
  return slashed ? "mdy" : undefined;
}

/**
 * Parses one date in the given layout to `"YYYY-MM-DD"`; undefined when it does not match or is not a real
 * calendar day (`02/30/2023`).
 */
export function parseDateField(raw: string, layout: DateLayout): string | undefined {
  const s = raw.trim();
  let y: number, mo: number, d: number;
  if (layout === "iso" || layout === "compact") {
    const m = (layout === "iso" ? ISO : COMPACT).exec(s);
    if (!m) return undefined;
    [y, mo, d] = [+m[1], +m[2], +m[3]];
  } else {
    const m = SLASHED.exec(s);
    if (!m) return undefined;
    y = +m[3];
    [mo, d] = layout === "mdy" ? [+m[1], +m[2]] : [+m[2], +m[1]];
  }
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
