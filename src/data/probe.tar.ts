import {tableFromArrays, tableToIPC} from "apache-arrow";
import {tarArchive} from "../../data-loaders/shared/tarArchive.js";
const i = Int32Array.from({length: 50}, (_, k) => k);
const arrow = tableToIPC(tableFromArrays({i, v: Float64Array.from(i, (k) => Math.cos(k / 5))}), "stream");
process.stdout.write(tarArchive([{name: "wave.arrow", data: arrow}, {name: "meta.json", data: JSON.stringify({ok: true})}]));
