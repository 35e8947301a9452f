import {ConditionSyntaxError} from "./conditionSyntaxError.js";

/** Comparison operators of the condition language. */
export type ComparisonOperator = "<" | "<=" | ">" | ">=" | "==";

/** One lexical token of a condition; `start`/`end` are 0-based offsets into the condition text. */
export type ConditionToken =
  | {kind: "number"; value: number; percent: boolean; text: string; start: number; end: number}
  | {kind: "identifier"; name: string; start: number; end: number}
  | {kind: "keyword"; keyword: "and" | "or" | "not"; start: number; end: number}
  | {kind: "operator"; operator: ComparisonOperator; start: number; end: number}
  | {kind: "paren"; paren: "(" | ")"; start: number; end: number}
  | {kind: "minus"; start: number; end: number}
  | {kind: "end"; start: number; end: number};

const KEYWORDS = new Set(["and", "or", "not"]);

/**
 * Splits a condition such as `15 <= VIX <= 22 and TermStructure > 1.10` into tokens, ending with an `end` token.
 * Numbers are decimal (`22`, `1.10`, `.5`); a trailing `%` divides by 100 exactly (`40%` is the same double as 0.40).
 * Keywords are lowercase `and`, `or`, `not`. Throws ConditionSyntaxError with the offset of the first bad character.
 */
export function tokenizeCondition(text: string): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      ++i;
    } else if (isDigit(c) || (c === "." && isDigit(text[i + 1]))) {
      const start = i;
      while (isDigit(text[i])) ++i;
      if (text[i] === ".") {
        ++i;
        if (!isDigit(text[i])) throw new ConditionSyntaxError(text, i - 1, `malformed number "${text.slice(start, i)}"`);
        while (isDigit(text[i])) ++i;
      }
      const digits = text.slice(start, i);
      let percent = false;
      if (text[i] === "%") {
        percent = true;
        ++i;
      }
      if (isIdentifierChar(text[i]) || text[i] === ".") {
        throw new ConditionSyntaxError(text, i, `unexpected "${text[i]}" after number ${text.slice(start, i)}`);
      }
      const value = percent ? percentToDecimal(digits) : Number(digits);
      tokens.push({kind: "number", value, percent, text: text.slice(start, i), start, end: i});
    } else if (isIdentifierStart(c)) {
      const start = i;
      while (isIdentifierChar(text[i])) ++i;
      const word = text.slice(start, i);
      if (KEYWORDS.has(word)) tokens.push({kind: "keyword", keyword: word as "and" | "or" | "not", start, end: i});
      else if (KEYWORDS.has(word.toLowerCase())) {
        throw new ConditionSyntaxError(text, start, `write the keyword "${word}" in lowercase: "${word.toLowerCase()}"`);
      } else tokens.push({kind: "identifier", name: word, start, end: i});
    } else if (c === "<" || c === ">") {
      const start = i++;
      const operator = (text[i] === "=" ? (++i, `${c}=`) : c) as ComparisonOperator;
      tokens.push({kind: "operator", operator, start, end: i});
    } else if (c === "=") {
      if (text[i + 1] !== "=") throw new ConditionSyntaxError(text, i, `unexpected "=": use "==" for equality`);
      tokens.push({kind: "operator", operator: "==", start: i, end: i + 2});
      i += 2;
    } else if (c === "(" || c === ")") {
      tokens.push({kind: "paren", paren: c, start: i, end: i + 1});
      ++i;
    } else if (c === "-") {
      tokens.push({kind: "minus", start: i, end: i + 1});
      ++i;
    } else if (c === "&" || c === "|" || c === "!") {
      const hint = c === "&" ? "and" : c === "|" ? "or" : text[i + 1] === "=" ? "not (a == b)" : "not";
      throw new ConditionSyntaxError(text, i, `unexpected "${c}": use "${hint}"`);
    } else {
      throw new ConditionSyntaxError(text, i, `unexpected character "${c}"`);
    }
  }
  tokens.push({kind: "end", start: text.length, end: text.length});
  return tokens;
}

/** "12.5" → 0.125 by moving the decimal point in the text, so the result is the double nearest the exact value. */
function percentToDecimal(digits: string): number {
  const [whole, fraction = ""] = digits.split(".");
  const padded = whole.padStart(3, "0");
  return Number(`${padded.slice(0, -2)}.${padded.slice(-2)}${fraction}`);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function isIdentifierStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c === "_");
}

function isIdentifierChar(c: string | undefined): boolean {
  return isIdentifierStart(c) || isDigit(c);
}
