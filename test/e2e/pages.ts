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
  "/": {
    expect: [
      '[data-testid="regime-banner"][data-regime]',
      '[data-table="regime-inputs"] tbody tr',
      '[data-table="regime-rules"] tbody tr',
      '[data-chart="limit-bullet"]',
      '[data-table="breaches"]',
      '[data-chart="vix-term-structure"]'
    ],
    interact: whatIfChangesRegime
  },
  "/positions": {
    expect: ['[data-table="positions"] tbody tr', '[data-table="by-strategy"] tbody tr', '[data-table="by-broker"] tbody tr'],
    interact: filterPositionsByBroker
  },
  "/risk": {
    expect: [
      '[data-table="greeks-by"] tbody tr',
      '[data-chart="greeks-by-bucket"]',
      '[data-chart="scenario-grid"] svg',
      '[data-table="max-loss"] tbody tr',
      '[data-table="margin"]',
      '[data-chart="correlation"] svg'
    ]
  },
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
  const order = () => page.locator('[data-chart="watchlist-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-symbol") ?? ""));
  await page.locator('[data-chart="watchlist-table"] th', {hasText: "Underlying"}).click();
  const ascending = await order();
  if (ascending.join() !== [...ascending].sort().join()) throw new Error(`not sorted by Underlying: ${ascending.join(", ")}`);
  await page.locator('[data-chart="watchlist-table"] th', {hasText: "Underlying"}).click();
  const descending = await order();
  if (descending.join() !== [...ascending].reverse().join()) throw new Error(`second click did not reverse: ${descending.join(", ")}`);
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
  const spans = () => page.locator("[data-period-days]").evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute("data-period-days"))));
  // the charts re-render asynchronously after the click: wait until all of them show the new window
  await page
    .waitForFunction(
      () => {
        const days = [...document.querySelectorAll("[data-period-days]")].map((n) => Number(n.getAttribute("data-period-days")));
        return days.length >= 7 && days.every((d) => d >= 170 && d <= 200);
      },
      null,
      {timeout: 30_000}
    )
    .catch(async () => {
      throw new Error(`charts not on a 6-month window: ${(await spans()).join(", ")} days`);
    });
  // drag a window on the overview: every chart follows, all on the same span
  const overview = (await page.locator('[data-chart="timeline-navigator"] svg').first().boundingBox())!;
  await page.mouse.move(overview.x + overview.width * 0.3, overview.y + overview.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(overview.x + overview.width * 0.5, overview.y + overview.height * 0.4, {steps: 5});
  await page.mouse.up();
  await page.waitForFunction(() => [...document.querySelectorAll("[data-period-days]")].every((n) => Number(n.getAttribute("data-period-days")) > 400));
  const dragged = await spans();
  if (new Set(dragged).size !== 1) throw new Error(`charts on different windows after a drag: ${dragged.join(", ")} days`);
}

/** The what-if VIX control drives the regime banner: a VIX of 40 is crisis_mode, back to 18 is not. */
async function whatIfChangesRegime(page: Page): Promise<void> {
  const banner = page.locator('[data-testid="regime-banner"]');
  const before = await banner.getAttribute("data-regime");
  const vix = page.locator("form", {hasText: "VIX"}).filter({hasNotText: "VVIX"}).filter({hasNotText: "VIX3M"}).locator('input[type="number"]');
  await vix.fill("40");
  await vix.dispatchEvent("input");
  await page.locator('[data-testid="regime-banner"][data-regime="crisis_mode"]').waitFor({timeout: 10_000});
  await page.locator('[data-testid="regime-banner"]', {hasText: "WHAT-IF"}).waitFor({timeout: 10_000});
  if (before === "crisis_mode") throw new Error("the regime was crisis_mode before the what-if");
  const select = page.locator("form", {hasText: "Or pick a regime"}).locator("select");
  await select.selectOption("low_volatility");
  await page.locator('[data-testid="regime-banner"][data-regime="low_volatility"]').waitFor({timeout: 10_000});
  await select.selectOption("decide from inputs");
  await vix.fill("18");
  await vix.dispatchEvent("input");
  await page.locator('[data-testid="regime-banner"][data-regime="crisis_mode"]').waitFor({state: "detached", timeout: 10_000});
}

/** The broker filter narrows the position monitor to one broker. */
async function filterPositionsByBroker(page: Page): Promise<void> {
  const rows = page.locator('[data-table="positions"] tbody tr');
  const before = await rows.count();
  await page.locator("form", {hasText: "Broker"}).locator("select").selectOption("deribit");
  await page.waitForFunction((n) => document.querySelectorAll('[data-table="positions"] tbody tr').length < n, before, {timeout: 10_000});
  const brokers = await page.locator('[data-table="positions"] tbody tr td:nth-child(2)').allInnerTexts();
  if (!brokers.length || brokers.some((b) => b.trim() !== "deribit")) throw new Error(`broker filter left: ${[...new Set(brokers)].join(", ")}`);
}
