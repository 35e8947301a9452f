import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import initWasm, {readParquet} from "parquet-wasm/esm";
import {tableFromIPC, type Table} from "apache-arrow";

let ready: Promise<unknown> | null = null;

/** Loads parquet-wasm's WebAssembly module from node_modules once (no network, no fetch of a URL). */
export function initParquetWasm(): Promise<unknown> {
  if (!ready) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("parquet-wasm/esm/parquet_wasm_bg.wasm");
    ready = initWasm({module_or_path: readFileSync(wasmPath)});
  }
  return ready;
}

/** Reads Parquet bytes into an Arrow table. */
export async function parquetToTable(bytes: Uint8Array): Promise<Table> {
  await initParquetWasm();
  return tableFromIPC(readParquet(bytes).intoIPCStream());
}
