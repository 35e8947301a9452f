/**
 * A text file could not be read as the expected format. The message names the file, the 1-based line and
 * the 1-based column (with the column's header name when known), e.g.
 * `VIX_History.csv: line 12, column 3 (HIGH): expected a number, got "n/a"`.
 */
export class TextParseError extends Error {
  override name = "TextParseError";
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;

  constructor(file: string, line: number, column: number, detail: string, columnName?: string) {
    const where = column > 0 ? `, column ${column}${columnName ? ` (${columnName})` : ""}` : "";
    super(`${file}: line ${line}${where}: ${detail}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}
