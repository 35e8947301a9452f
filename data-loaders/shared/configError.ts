/**
 * ConfigError lives in lib/regime (the pure validator throws it, in Node and in the browser); this is the name
 * data-loaders and the CLI import it by.
 */
export {ConfigError} from "../../lib/regime/configError.js";
export type {ConfigRule} from "../../lib/regime/configError.js";
