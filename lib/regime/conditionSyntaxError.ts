/**
 * A condition string that does not parse. `offset` is the 0-based index of the offending character in the
 * condition text (so `offset + 1` is the column inside the condition); the config loader maps it to a file column.
 */
export class ConditionSyntaxError extends Error {
  override name = "ConditionSyntaxError";
  readonly offset: number;
  readonly detail: string;
  constructor(condition: string, offset: number, detail: string) {
    super(`${detail} at column ${offset + 1} of "${condition}"`);
    this.offset = offset;
    this.detail = detail;
  }
}
