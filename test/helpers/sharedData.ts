import {existsSync, readFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, it} from "vitest";

/**
 * Real market data lives beside the project in ../shared/data (never copied into the repo).
 * Locally a missing folder skips the tests that need it, with a message; with CI=true it fails.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED_DATA_DIR = process.env.VOLDESK_SHARED_DATA ?? join(projectRoot, "..", "shared", "data");

const isCI = process.env.CI === "true" || process.env.CI === "1";

/** True when ../shared/data is present; throws under CI=true when it is not. */
export function hasSharedData(): boolean {
  if (existsSync(SHARED_DATA_DIR)) return true;
  if (isCI) throw new Error(`shared data missing at ${SHARED_DATA_DIR}: CI requires ../shared/data beside the project`);
  console.warn(`[skip] ${SHARED_DATA_DIR} not found: tests on real market data are skipped (set VOLDESK_SHARED_DATA)`);
  return false;
}

/** Absolute path of a file under ../shared/data. */
export function sharedDataPath(relativePath: string): string {
  return join(SHARED_DATA_DIR, relativePath);
}

/** Text of a file under ../shared/data. */
export function readSharedText(relativePath: string): string {
  return readFileSync(sharedDataPath(relativePath), "utf8");
}

/**
 * A describe block that needs ../shared/data. Unlike `describe.skipIf`, the body is not even run when the data is
 * absent (bodies often read files while collecting), so a user's clone skips it with a message instead of crashing.
 * Under CI=true a missing folder fails (hasSharedData throws).
 */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData()) describe(name, body);
  else describe.skip(name, () => it.skip(`needs real market data in ${SHARED_DATA_DIR}`, () => {}));
}
