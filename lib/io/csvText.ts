/**
 * Splits a text file into lines (LF or CRLF, a leading UTF-8 BOM removed). Line `i` of the result is the file's
 * line `i + 1`, so parsers can name the line in their errors.
 */
export function textLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r?\n/);
}

/**
 * Splits one CSV record into fields: RFC 4180 quoting (`"a,b"`, `""` for a quote), any one-character delimiter.
 * Fields are returned as written, without trimming; quoted fields lose their quotes.
 */
export function splitCsvLine(line: string, delimiter = ","): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          ++i;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
