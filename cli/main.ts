import type {CommandIo} from "./command.js";
import {UsageError} from "./command.js";
import {commandLoaders} from "./registry.js";

const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd()
};

/** Runs `voldesk <command> [args]`; returns the exit code. */
export async function main(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(await helpText());
    return 0;
  }
  if (name === "--version") {
    io.out("voldesk 0.1.0\n");
    return 0;
  }
  const load = commandLoaders[name];
  if (!load) {
    io.err(`voldesk: unknown command "${name}". Run \`voldesk --help\` for the list.\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage.endsWith("\n") ? command.usage : command.usage + "\n");
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === "ConfigError")) {
      io.err(`voldesk ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function helpText(): Promise<string> {
  const commands = await Promise.all(Object.values(commandLoaders).map((load) => load()));
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "voldesk: risk-first options and volatility workspace",
    "",
    "Usage: voldesk <command> [options]     (voldesk <command> --help for details)",
    "",
    "Commands:",
    ...(lines.length ? lines : ["  (none yet)"]),
    "",
    "Global options:",
    "  --help, -h   show help",
    "  --version    print the version",
    ""
  ].join("\n");
}
