import {spawnSync} from "node:child_process";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

function runGuarded(script: string) {
  return spawnSync(process.execPath, ["--import=./config/no-network.mjs", "--input-type=module", "-e", script], {
    cwd: projectRoot,
    encoding: "utf8",
    timeout: 20_000
  });
}

describe("config/no-network.mjs", () => {
  it("refuses fetch to an outside host and fails the process", () => {
    const result = runGuarded(`await fetch("https://cdn.jsdelivr.net/npm/d3@7/+esm").catch((e) => console.log(e.message));`);
    expect(result.stdout).toContain("network access refused");
    expect(result.stderr).toContain("[no-network] refused fetch https://cdn.jsdelivr.net/npm/d3@7/+esm");
    expect(result.status).toBe(1);
  });

  it("refuses raw sockets to an outside host", () => {
    const result = runGuarded(
      `import net from "node:net"; const s = net.connect(443, "registry.npmjs.org"); s.on("error", (e) => console.log(e.message));`
    );
    expect(result.stdout).toContain("network access refused");
    expect(result.status).toBe(1);
  });

  it("lets loopback traffic through and exits 0", () => {
    const result = runGuarded(
      `import http from "node:http";
       const server = http.createServer((q, r) => r.end("pong")).listen(0, "127.0.0.1", async () => {
         const text = await (await fetch("http://127.0.0.1:" + server.address().port)).text();
         console.log(text); server.close();
       });`
    );
    expect(result.stdout.trim()).toBe("pong");
    expect(result.status).toBe(0);
  });
});
