import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {parquetToTable} from "../../../data-loaders/shared/parquetWasm.js";
import {rowsToTable, tableToArrowStream, tableToParquet} from "../../../data-loaders/shared/snapshotEncoding.js";

const rows = [
  {symbol: "SPY", date: "2023-09-14", close: 450.36, volume: 71_039_449},
  {symbol: "QQQ", date: "2023-09-14", close: 378.94, volume: 52_000_000}
];

describe("snapshot encoding", () => {
  it("round-trips rows through an Arrow IPC stream", () => {
    const table = tableFromIPC(tableToArrowStream(rowsToTable(rows, "bars")));
    expect(table.numRows).toBe(2);
    expect(table.getChild("close")!.toArray()).toEqual(new Float64Array([450.36, 378.94]));
    expect(table.getChild("symbol")!.get(1)).toBe("QQQ");
  });

  it("round-trips rows through Parquet (zstd) with parquet-wasm", async () => {
    const bytes = await tableToParquet(rowsToTable(rows, "bars"));
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("PAR1");
    const table = await parquetToTable(bytes);
    expect(table.numRows).toBe(2);
    expect(Array.from(table.getChild("close")!.toArray() as Float64Array)).toEqual([450.36, 378.94]);
    expect(table.getChild("date")!.get(0)).toBe("2023-09-14");
  });

  it("refuses an empty snapshot, naming the dataset", () => {
    expect(() => rowsToTable([], "positions")).toThrow("positions: no rows to encode");
  });
});
