import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {withLastGoodSnapshot, type Snapshot} from "../../../data-loaders/shared/lastGoodSnapshot.js";
import type {SnapshotMeta} from "../../../lib/rows.js";

const meta: SnapshotMeta = {dataset: "vix", source: "cboe", asOf: "2026-11-20T21:15:00Z", rows: 3, demo: false, stale: false};
const good: Snapshot = {bytes: new Uint8Array([1, 2, 3]), meta};
const quiet = {log: () => {}};

describe("withLastGoodSnapshot", () => {
  it("returns fresh data and keeps it as the last good snapshot", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-lastgood-"));
    expect(await withLastGoodSnapshot("vix", async () => good, {dir, ...quiet})).toEqual(good);
    const fallback = await withLastGoodSnapshot("vix", async () => Promise.reject(new Error("cboe: http: 503 Service Unavailable")), {dir, ...quiet});
    expect(Array.from(fallback.bytes)).toEqual([1, 2, 3]);
    expect(fallback.meta).toEqual({...meta, stale: true, staleReason: "cboe: http: 503 Service Unavailable"});
  });

  it("propagates the failure when there is no last good snapshot", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-lastgood-"));
    await expect(withLastGoodSnapshot("vix", async () => Promise.reject(new Error("boom")), {dir, ...quiet})).rejects.toThrow("boom");
  });

  it("does not overwrite the last good snapshot with a failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voldesk-lastgood-"));
    await withLastGoodSnapshot("vix", async () => good, {dir, ...quiet});
    await withLastGoodSnapshot("vix", async () => Promise.reject(new Error("x")), {dir, ...quiet});
    const again = await withLastGoodSnapshot("vix", async () => Promise.reject(new Error("y")), {dir, ...quiet});
    expect(again.meta.staleReason).toBe("y");
    expect(again.meta.asOf).toBe(meta.asOf);
  });
});
