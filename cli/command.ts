/** One `voldesk` sub-command. `run` returns the process exit code (0 ok, 1 a finding such as a breach, 2 bad input). */
export type Command = {
  name: string;
  summary: string; // one line for `voldesk --help`
  usage: string; // full help for `voldesk <name> --help`
  run(argv: string[], io: CommandIo): Promise<number>;
};

/** Where a command writes; tests pass buffers instead of the process streams. */
export type CommandIo = {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
};

/** A user error the CLI reports on stderr with exit code 2 (bad flag, unreadable file, invalid data). */
export class UsageError extends Error {
  override name = "UsageError";
}
