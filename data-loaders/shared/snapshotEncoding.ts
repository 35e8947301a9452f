import {tableFromJSON, tableToIPC, type Table} from "apache-arrow";
import {Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet} from "parquet-wasm/esm";
import {initParquetWasm} from "./parquetWasm.js";

/** An Arrow table from row objects (the unified row types of lib/rows.ts). Throws on an empty array: no schema. */
export function rowsToTable<T extends Record<string, unknown>>(rows: T[], dataset: string): Table {
  if (rows.length === 0) throw new Error(`${dataset}: no rows to encode (an empty snapshot has no schema)`);
  return tableFromJSON(rows);
}

/** Arrow IPC *stream* bytes: the format DuckDB-WASM reads natively through Framework's `sql:` front matter. */
export function tableToArrowStream(table: Table): Uint8Array {
  return tableToIPC(table, "stream");
}

/** Parquet bytes (zstd) of an Arrow table, for stored and exported snapshots. */
export async function tableToParquet(table: Table): Promise<Uint8Array> {
  await initParquetWasm();
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, "stream"));
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
  return writeParquet(wasmTable, properties);
}
