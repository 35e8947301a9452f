import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {writeFileAtomic} from "../../../data-loaders/shared/atomicWrite.js";

describe("writeFileAtomic", () => {
  it("replaces the file and leaves no temporary file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-atomic-"));
    const path = join(dir, "nested", "snapshot.json");
    writeFileAtomic(path, "first");
    writeFileAtomic(path, "second");
    expect(readFileSync(path, "utf8")).toBe("second");
    expect(readdirSync(join(dir, "nested"))).toEqual(["snapshot.json"]);
  });

  it("keeps the previous file when the write fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-atomic-"));
    const blocker = join(dir, "file");
    writeFileSync(blocker, "not a folder");
    expect(() => writeFileAtomic(join(blocker, "x.json"), "data")).toThrow();
    expect(readFileSync(blocker, "utf8")).toBe("not a folder");
    expect(existsSync(join(blocker, "x.json"))).toBe(false);
  });
});
