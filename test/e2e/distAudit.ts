import {readdirSync, readFileSync, statSync} from "node:fs";
import {extname, join, relative} from "node:path";

const TEXT_EXTENSIONS = new Set([".html", ".js", ".css", ".json", ".csv", ".txt", ".md"]);
const SECRET_ENV_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE|CREDENTIAL|SESSION)/i;
/** script/link/img/iframe attributes that would make the browser load something from another host. */
const REMOTE_REFERENCE = /\b(?:src|href)\s*=\s*["'](?:https?:)?\/\/(?!127\.0\.0\.1|localhost)[^"']+["']/gi;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

/**
 * Problems in a built site that a browser test would not see: a .env copied into it, the value of any secret-looking
 * environment variable (tokens, passwords, API keys) inside any text file, and HTML that references another host.
 */
export function auditDist(distDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_ENV_NAME.test(name) && typeof value === "string" && value.length >= 8)
    .map(([name, value]) => ({name, value: value as string}));
  for (const file of files(distDir)) {
    const name = relative(distDir, file);
    if (/(^|\/)\.env(\.|$)/.test(name)) problems.push(`dist/${name}: an env file must never be published`);
    if (!TEXT_EXTENSIONS.has(extname(file))) continue;
    const text = readFileSync(file, "utf8");
    for (const {name: envName} of secrets.filter(({value}) => text.includes(value))) {
      problems.push(`dist/${name}: contains the value of $${envName}`);
    }
    if (extname(file) === ".html") {
      for (const match of text.matchAll(REMOTE_REFERENCE)) problems.push(`dist/${name}: references another host: ${match[0]}`);
    }
  }
  return problems;
}
