import type {Command} from "./command.js";

/**
 * Every `voldesk` sub-command, loaded lazily so `voldesk --help` stays fast.
 * Add a command: write cli/commands/<name>.ts exporting `command`, then add one line here.
 */
export const commandLoaders: Record<string, () => Promise<Command>> = {
  regime: async () => (await import("./commands/regime.js")).command,
  rv: async () => (await import("./commands/rv.js")).command,
  ivrank: async () => (await import("./commands/ivrank.js")).command,
  chain: async () => (await import("./commands/chain.js")).command,
  demo: async () => (await import("./commands/demo.js")).command,
  check: async () => (await import("./commands/check.js")).command,
};
