import type {Page} from "playwright-core";

/** What each built page must render before it counts as working, and what to click on it. */
export type PageCheck = {
  /** CSS selectors that must appear (charts, tables, query results). */
  expect: string[];
  /** Optional interaction, e.g. a what-if control that must change the regime banner. */
  interact?: (page: Page) => Promise<void>;
};

/** The surface page's charts, each titled with the underlying it shows. */
const SURFACE_CHARTS = ["iv-heatmap", "smile", "atm-term", "skew-term", "rv-cone"];

export const PAGE_CHECKS: Record<string, PageCheck> = {
  "/": {expect: ["svg"]},
  "/watchlist": {
    expect: ['[data-chart="watchlist-table"] tbody tr', '[data-chart="sparkline"] svg', '[data-chart="richness-scatter"]'],
    interact: clickThroughToSurface
  },
  "/surface": {
    expect: SURFACE_CHARTS.map((name) => `[data-chart="${name}"]`),
    interact: switchSurfaceUnderlying
  },
  "/macro": {
    expect: [
      '[data-chart="timeline-navigator"] svg',
      '[data-chart="vix-regimes"]',
      '[data-chart="vix-term-ratio"]',
      '[data-chart="vvix"]',
      '[data-chart="skew-index"]',
      '[data-chart="polymarket"]',
      '[data-chart="fear-greed"]',
      '[data-chart="dvol"]'
    ],
    interact: narrowMacroPeriod
  }
};

/** The watchlist sorts by a header click, and an underlying's link opens its surface page with that underlying. */
async function clickThroughToSurface(page: Page): Promise<void> {
  const firstSymbol = () => page.locator('[data-chart="watchlist-table"] tbody tr').first().getAttribute("data-symbol");
  const before = await firstSymbol();
  await page.locator('[data-chart="watchlist-table"] th', {hasText: "Underlying"}).click();
  const after = await firstSymbol();
  if (after === before) throw new Error(`sorting by Underlying left ${before} first`);
  await page.locator('a.voldesk-watchlist__link[data-symbol="QQQ"]').click();
  await page.waitForURL(/\/surface\?symbol=QQQ$/, {timeout: 30_000});
  for (const name of SURFACE_CHARTS) {
    await page.locator(`[data-chart="${name}"]`, {hasText: "QQQ"}).first().waitFor({timeout: 60_000});
  }
  await page.goBack();
  await page.locator('[data-chart="watchlist-table"] tbody tr').first().waitFor({timeout: 60_000});
}

/** Changing the underlying selector re-renders every surface chart for the new underlying and updates the URL. */
async function switchSurfaceUnderlying(page: Page): Promise<void> {
  const select = page.locator('[data-testid="underlying-select"] select');
  await select.selectOption("TSLA");
  for (const name of SURFACE_CHARTS) {
    await page.locator(`[data-chart="${name}"]`, {hasText: "TSLA"}).first().waitFor({timeout: 30_000});
  }
  if (!page.url().endsWith("?symbol=TSLA")) throw new Error(`URL not updated: ${page.url()}`);
  await select.selectOption("SPY");
  await page.locator('[data-chart="smile"]', {hasText: "SPY"}).first().waitFor({timeout: 30_000});
}

/** A period preset narrows every macro chart to the same window. */
async function narrowMacroPeriod(page: Page): Promise<void> {
  await page.locator('[data-chart="timeline-navigator"] button', {hasText: "6M"}).click();
  await page.locator('[data-chart="vix-regimes"][data-period-days]').first().waitFor({timeout: 30_000});
  const spans = await page.locator("[data-period-days]").evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute("data-period-days"))));
  if (!spans.length || spans.some((d) => d < 170 || d > 200)) throw new Error(`charts not on a 6-month window: ${spans.join(", ")} days`);
}
