import {tableFromIPC} from "apache-arrow";

/** Plain objects from an Arrow IPC buffer (dictionary strings decoded; NaN stays NaN, nulls stay null). */
export function arrowRows<T>(buffer: ArrayBuffer): T[] {
  return tableFromIPC(new Uint8Array(buffer))
    .toArray()
    .map((row) => row.toJSON() as T);
}
