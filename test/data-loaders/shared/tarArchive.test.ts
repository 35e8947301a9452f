import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {tarArchive} from "../../../data-loaders/shared/tarArchive.js";

describe("tarArchive", () => {
  const bytes = tarArchive([
    {name: "bars.arrow", data: new Uint8Array(1000).fill(7)},
    {name: "meta.json", data: '{"demo":true}'}
  ]);

  it("lays out 512-byte blocks: header + padded data per file, two zero blocks at the end", () => {
    // 512 + 1024 (1000 bytes padded) + 512 + 512 (13 bytes padded) + 1024 end marker
    expect(bytes.length).toBe(3584);
    expect(new TextDecoder().decode(bytes.subarray(257, 262))).toBe("ustar");
    expect(bytes.subarray(2560).every((b) => b === 0)).toBe(true);
  });

  it("is read back byte for byte by GNU tar", () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-tar-"));
    writeFileSync(join(dir, "a.tar"), bytes);
    const list = spawnSync("tar", ["-tvf", "a.tar"], {cwd: dir, encoding: "utf8", env: {...process.env, TZ: "UTC"}});
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/1000 1970-01-01 00:00 bars\.arrow/);
    expect(spawnSync("tar", ["-xf", "a.tar"], {cwd: dir}).status).toBe(0);
    expect(readFileSync(join(dir, "meta.json"), "utf8")).toBe('{"demo":true}');
    expect(readFileSync(join(dir, "bars.arrow")).every((b) => b === 7)).toBe(true);
  });

  it("is reproducible: the same entries give the same bytes", () => {
    expect(tarArchive([{name: "x", data: "1"}])).toEqual(tarArchive([{name: "x", data: "1"}]));
  });

  it("rejects names longer than the ustar name field", () => {
    expect(() => tarArchive([{name: "n".repeat(101), data: ""}])).toThrow("file name longer than 100 bytes");
  });
});
