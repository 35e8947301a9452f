// Network guard for builds and tests: loaded with NODE_OPTIONS=--import=./config/no-network.mjs.
// Every outgoing request to a non-loopback host is refused and logged, and the process exits non-zero
// at the end if anything tried, so "builds offline" is proven on every build rather than assumed.
import net from "node:net";

const refused = [];
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

function isLoopback(host) {
  return host === undefined || host === null || host === "" || LOOPBACK.test(String(host));
}

function refuse(what) {
  refused.push(what);
  process.stderr.write(`[no-network] refused ${what}\n`);
  return new Error(`network access refused by config/no-network.mjs: ${what}`);
}

const realFetch = globalThis.fetch;
globalThis.fetch = async function guardedFetch(input, init) {
  const url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url);
  if (!isLoopback(url.hostname)) throw refuse(`fetch ${url.origin}${url.pathname}`);
  return realFetch(input, init);
};

const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect() passes its normalised arguments as one array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === "object" && first !== null && !Array.isArray(first) ? first : null;
  const host = options ? (options.host ?? "localhost") : typeof args[1] === "string" ? args[1] : undefined;
  const isIpc = options ? typeof options.path === "string" : typeof first === "string" && isNaN(Number(first));
  if (!isIpc && !isLoopback(host)) {
    const error = refuse(`connect ${host}:${options ? options.port : first}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return realConnect.apply(this, args);
};

process.on("exit", () => {
  if (refused.length === 0) return;
  process.stderr.write(`[no-network] ${refused.length} outgoing request(s) were refused; failing.\n`);
  process.exitCode = 1;
});
