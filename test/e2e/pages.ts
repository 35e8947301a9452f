import type {Page} from "playwright-core";

/** What each built page must render before it counts as working, and what to click on it. */
export type PageCheck = {
  /** CSS selectors that must appear (charts, tables, query results). */
  expect: string[];
  /** Optional interaction, e.g. a what-if control that must change the regime banner. */
  interact?: (page: Page) => Promise<void>;
};

export const PAGE_CHECKS: Record<string, PageCheck> = {
  "/": {expect: ["svg"]}
};
