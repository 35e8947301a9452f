import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {SnapshotMeta} from "../../lib/rows.js";
import {writeFileAtomic} from "./atomicWrite.js";

export type Snapshot = {bytes: Uint8Array; meta: SnapshotMeta};

/**
 * Runs a source's fetch; on success stores its bytes and metadata atomically as the dataset's last good snapshot;
 * on failure returns that last good snapshot marked stale, with the reason (never a secret: callers pass
 * SourceError messages, which name fields, not tokens). With no last good snapshot the failure propagates, so the
 * loader exits non-zero and Framework keeps its previous output.
 *
 * @param dir folder of last good snapshots (default .voldesk/snapshots, ignored by git)
 */
export async function withLastGoodSnapshot(
  dataset: string,
  produce: () => Promise<Snapshot>,
  {
    dir = join(process.cwd(), ".voldesk", "snapshots"),
    log = (line: string) => void process.stderr.write(line + "\n")
  }: {dir?: string; log?: (line: string) => void} = {}
): Promise<Snapshot> {
  const bytesPath = join(dir, `${dataset}.bin`);
  const metaPath = join(dir, `${dataset}.meta.json`);
  try {
    const snapshot = await produce();
    writeFileAtomic(bytesPath, snapshot.bytes);
    writeFileAtomic(metaPath, JSON.stringify(snapshot.meta, null, 2));
    return snapshot;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!existsSync(bytesPath) || !existsSync(metaPath)) throw error;
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as SnapshotMeta;
    log(`${dataset}: source failed (${reason}); serving the last good snapshot of ${meta.asOf}, marked stale`);
    return {bytes: new Uint8Array(readFileSync(bytesPath)), meta: {...meta, stale: true, staleReason: reason}};
  }
}
