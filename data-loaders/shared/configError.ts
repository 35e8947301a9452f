/**
 * ConfigError lives in lib/config (pure validators throw it, in Node and in the browser); this is the name
 * data-loaders and the CLI import it by.
 */
export {ConfigError} from "../../lib/config/configError.js";
export type {ConfigRule} from "../../lib/config/configError.js";
