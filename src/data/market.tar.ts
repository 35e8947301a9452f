// The market snapshot every page reads: one archive of Arrow/Parquet datasets + meta.json (data-loaders/snapshot).
import {demoOptionsFromEnv} from "../../data-loaders/demo/market.js";
import {tarArchive} from "../../data-loaders/shared/tarArchive.js";
import {marketSnapshotEntries} from "../../data-loaders/snapshot/marketSnapshot.js";

const progress = (message: string) => process.stderr.write(message + "\n");
process.stdout.write(tarArchive(await marketSnapshotEntries({...demoOptionsFromEnv(process.env), onProgress: progress})));
