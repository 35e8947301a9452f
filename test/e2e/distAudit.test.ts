import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {auditDist} from "./distAudit.js";

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "voldesk-dist-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), {recursive: true});
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("auditDist", () => {
  it("passes a clean site", () => {
    const dir = site({"index.html": '<script src="./_observablehq/client.js"></script>', "_file/a.json": "{}"});
    expect(auditDist(dir, {TASTYTRADE_PASSWORD: "hunter2hunter2"})).toEqual([]);
  });

  it("flags a secret's value, an env file and a remote reference", () => {
    const dir = site({
      "index.html": '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">',
      "_file/data/positions.json": '{"token":"tok_live_1234567890"}',
      ".env": "IBKR_TOKEN=tok_live_1234567890"
    });
    expect(auditDist(dir, {IBKR_API_TOKEN: "tok_live_1234567890", HOME: "/root"}).sort()).toEqual([
      "dist/.env: an env file must never be published",
      "dist/_file/data/positions.json: contains the value of $IBKR_API_TOKEN",
      'dist/index.html: references another host: href="https://fonts.googleapis.com/css2?family=Inter"'
    ]);
  });
});
