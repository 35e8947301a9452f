/**
 * Self-hosts every `npm:` import Framework would fetch from its CDN, by filling Framework's npm cache
 * (src/.observablehq/cache/_npm/<name>@<version>/) from node_modules. Framework checks that cache before it
 * fetches anything, so with it in place a build or preview makes no request at all.
 *
 * Each shipped package becomes one minified browser ESM bundle; imports of another shipped package are rewritten
 * to a relative path into the cache (the layout the CDN would give), so Plot and the page share one d3, and
 * DuckDB-WASM and the stdlib share one Arrow. Libraries we do not ship get an empty `name@0.0.0-offline`
 * directory so Framework resolves their version locally instead of asking the registry; a page that really
 * imports one fails the build loudly, naming the package.
 *
 * Run by `npm run offline-cache` (prebuild / predev). A stamp skips the work when nothing changed.
 */
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join, posix, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {build, type Plugin} from "esbuild";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(projectRoot, "src", ".observablehq", "cache", "_npm");

/** Framework 1.13.4 hard-codes this DuckDB-WASM version; any other makes it fetch from the CDN. */
const DUCKDB_WASM_VERSION = "1.29.0";

type ShippedPackage = {
  name: string;
  /** Module to bundle, relative to the package directory (default: the package's browser ESM entry). */
  entry?: string;
  /** Extra files served as-is, relative to the package directory (wasm, workers). */
  assets?: string[];
};

const SHIPPED: ShippedPackage[] = [
  {name: "d3"},
  {name: "d3-dsv"},
  {name: "htl"},
  {name: "isoformat"},
  {name: "@observablehq/plot"},
  {name: "@observablehq/inputs"},
  {name: "apache-arrow"},
  {name: "arquero"},
  {name: "parquet-wasm", entry: "esm/parquet_wasm.js", assets: ["esm/parquet_wasm_bg.wasm"]},
  {
    name: "@duckdb/duckdb-wasm",
    entry: "dist/duckdb-browser.mjs",
    assets: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js"
    ]
  }
];

/** Framework's recommended libraries that VolDesk does not use: resolved locally so no registry lookup happens. */
const NOT_SHIPPED = [
  "@observablehq/sample-datasets",
  "@observablehq/sqlite",
  "@uwdata/vgplot",
  "@viz-js/viz",
  "echarts",
  "exceljs",
  "jszip",
  "katex",
  "leaflet",
  "lodash",
  "mapbox-gl",
  "mermaid",
  "react",
  "react-dom",
  "sql.js",
  "topojson-client",
  "vega",
  "vega-lite",
  "vega-lite-api"
];

function packageDir(name: string): string {
  const dir = join(projectRoot, "node_modules", name);
  if (!existsSync(join(dir, "package.json"))) throw new Error(`offline-npm: ${name} is not installed; run npm ci`);
  return dir;
}

function installedVersion(name: string): string {
  return JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")).version;
}

/** Cache path of a package's module, e.g. "@observablehq/plot@0.6.17/_esm.js". */
function cachePath(name: string, file = "_esm.js"): string {
  return posix.join(`${name}@${installedVersion(name)}`, file);
}

/** Rewrites imports of other shipped packages to relative cache paths and leaves them external. */
function shippedExternals(self: string): Plugin {
  const names = SHIPPED.map((p) => p.name).filter((name) => name !== self);
  return {
    name: "voldesk-shipped-externals",
    setup(b) {
      b.onResolve({filter: /^[@a-z]/}, (args) => {
        const target = names.find((name) => args.path === name);
        if (!target) return undefined;
        const from = posix.dirname(cachePath(self));
        return {path: posix.relative(from, cachePath(target)), external: true};
      });
    }
  };
}

async function bundle(pkg: ShippedPackage): Promise<void> {
  const dir = packageDir(pkg.name);
  const outFile = join(cacheDir, cachePath(pkg.name));
  const entry = pkg.entry ? join(dir, pkg.entry) : pkg.name;
  const tmp = `${outFile}.tmp`;
  mkdirSync(dirname(outFile), {recursive: true});
  await build({
    entryPoints: [entry],
    absWorkingDir: projectRoot,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "error",
    outfile: tmp,
    plugins: [shippedExternals(pkg.name)]
  });
  renameSync(tmp, outFile);
  for (const asset of pkg.assets ?? []) {
    const target = join(cacheDir, cachePath(pkg.name, asset));
    mkdirSync(dirname(target), {recursive: true});
    copyFileSync(join(dir, asset), target);
  }
}

function stamp(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const pkg of SHIPPED) hash.update(`${pkg.name}@${installedVersion(pkg.name)}\n`);
  return hash.digest("hex");
}

async function main(): Promise<void> {
  const duckdbVersion = installedVersion("@duckdb/duckdb-wasm");
  if (duckdbVersion !== DUCKDB_WASM_VERSION) {
    throw new Error(
      `offline-npm: @duckdb/duckdb-wasm must be exactly ${DUCKDB_WASM_VERSION} (Framework 1.13.4 hard-codes it), found ${duckdbVersion}`
    );
  }
  const stampFile = join(cacheDir, ".voldesk-offline-stamp");
  const expected = stamp();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === expected) return;
  const started = performance.now();
  rmSync(cacheDir, {recursive: true, force: true});
  mkdirSync(cacheDir, {recursive: true});
  for (const pkg of SHIPPED) await bundle(pkg);
  for (const name of NOT_SHIPPED) mkdirSync(join(cacheDir, `${name}@0.0.0-offline`), {recursive: true});
  writeFileSync(stampFile, expected);
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`offline-npm: ${SHIPPED.length} packages self-hosted in ${relative(projectRoot, cacheDir)} (${ms} ms)\n`);
}

await main();
