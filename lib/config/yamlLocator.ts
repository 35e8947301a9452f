import {isCollection, LineCounter, parseDocument, type Document} from "yaml";
import {ConfigError, type ConfigRule} from "./configError.js";

export type YamlPath = (string | number)[];

/**
 * A parsed YAML configuration file that can point at its own keys: `fail(["symbols", 2, "demo", "beta"], ...)`
 * throws a ConfigError reading `config/watchlist.yaml:14:40 symbols[2].demo.beta: expected ...`, located at the
 * value (or at the deepest parent present when the key is missing). Syntax errors throw at construction.
 */
export function yamlLocator(text: string, file: string): {value: unknown; fail(path: YamlPath, rule: ConfigRule, detail: string): never} {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {lineCounter, prettyErrors: false});
  const position = (offset: number) => {
    const {line, col} = lineCounter.linePos(offset);
    return {line, column: col};
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new ConfigError({file, ...position(error.pos[0]), path: "", rule: "yaml-syntax", detail: error.message.split("\n")[0]});
  }
  return {
    value: doc.toJS(),
    fail(path, rule, detail) {
      let node: unknown = doc.contents;
      let offset = 0;
      for (let depth = 0; depth <= path.length; ++depth) {
        const range = (node as {range?: [number, number, number]} | null)?.range;
        if (range) offset = range[0];
        if (depth === path.length || !isCollection(node)) break;
        node = node.get(path[depth], true);
      }
      throw new ConfigError({file, ...position(offset), path: formatPath(path), rule, detail});
    }
  };
}

/** ["symbols", 2, "demo", "beta"] → "symbols[2].demo.beta". */
export function formatPath(path: YamlPath): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}
