import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, which is then renamed over the
 * target, so a reader never sees a half-written snapshot and a failed write leaves the previous file intact.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true});
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, {force: true});
    throw error;
  }
}
