/**
 * Epoch ms UTC of a wall-clock time in New York (US Eastern, with the US daylight-saving rules in force since 2007:
 * second Sunday of March 2:00 to first Sunday of November 2:00). Pure arithmetic, independent of the host's zone.
 * @param date "YYYY-MM-DD"
 * @param minutesAfterMidnight e.g. 16 * 60 for the 4:00 PM close
 */
export function easternWallTimeToMs(date: string, minutesAfterMidnight: number): number {
  const [y, m, d] = date.split("-").map(Number);
  const wallAsUtcMs = Date.UTC(y, m - 1, d) + minutesAfterMidnight * 60_000;
  const nthSunday = (month: number, n: number) => {
    const firstDow = new Date(Date.UTC(y, month, 1)).getUTCDay();
    return Date.UTC(y, month, 1 + ((7 - firstDow) % 7) + 7 * (n - 1));
  };
  const dstStartWallMs = nthSunday(2, 2) + 2 * 3_600_000;
  const dstEndWallMs = nthSunday(10, 1) + 2 * 3_600_000;
  const offsetHours = wallAsUtcMs >= dstStartWallMs && wallAsUtcMs < dstEndWallMs ? 4 : 5;
  return wallAsUtcMs + offsetHours * 3_600_000;
}
