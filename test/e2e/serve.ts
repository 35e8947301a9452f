import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, resolve} from "node:path";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8"
};

/** Maps a URL path to a file in the built site, with Framework's clean URLs (/risk → risk.html, / → index.html). */
function resolveFile(root: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split("?")[0])).replace(/^(\.\.[/\\])+/, "");
  const base = join(root, clean);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Serves a built Framework site on 127.0.0.1 (random port), with Range requests and the wasm MIME type. */
export async function serveStatic(dir: string): Promise<{url: string; close(): Promise<void>}> {
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    const file = resolveFile(root, request.url ?? "/");
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    const size = statSync(file).size;
    const headers = {"content-type": MIME[extname(file)] ?? "application/octet-stream", "accept-ranges": "bytes"};
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
    if (range) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        response.writeHead(416, {"content-range": `bytes */${size}`}).end();
        return;
      }
      response.writeHead(206, {...headers, "content-range": `bytes ${start}-${end}/${size}`, "content-length": end - start + 1});
      createReadStream(file, {start, end}).pipe(response);
      return;
    }
    response.writeHead(200, {...headers, "content-length": size});
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done()))
  };
}
