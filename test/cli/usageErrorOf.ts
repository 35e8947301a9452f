import {expect} from "vitest";
import {UsageError} from "../../cli/command.js";

/** The message of the UsageError `run` throws; fails the test when it throws anything else, or nothing. */
export function usageErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a UsageError");
}
