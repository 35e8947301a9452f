import {spawnSync} from "node:child_process";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import type {CommandIo} from "../../cli/command.js";
import {main} from "../../cli/main.js";
import {commandLoaders} from "../../cli/registry.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

function bufferIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: projectRoot};
  return {io, out: () => out.join(""), err: () => err.join("")};
}

describe("voldesk CLI", () => {
  it("--help lists every registered command with its summary", async () => {
    const {io, out} = bufferIo();
    expect(await main(["--help"], io)).toBe(0);
    for (const [name, load] of Object.entries(commandLoaders)) {
      const command = await load();
      expect(command.name).toBe(name);
      expect(out()).toContain(`${name}`);
      expect(out()).toContain(command.summary);
    }
    expect(out()).toContain("Usage: voldesk <command>");
  });

  it("rejects an unknown command with exit code 2", async () => {
    const {io, err} = bufferIo();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(err()).toContain('unknown command "frobnicate"');
  });

  it("runs as the package's bin (npx voldesk)", () => {
    const result = spawnSync(process.execPath, [join(projectRoot, "bin", "voldesk.js"), "--version"], {encoding: "utf8"});
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("voldesk 0.1.0");
  });
});
