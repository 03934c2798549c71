// A small static file server for dist/ on 127.0.0.1, used by scripts/serve and the
// end-to-end tests. Tests can add response headers (a CSP) and mount dist under a sub-path.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

/** Content types by file extension, as this server sends them. */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves `root` (and any extra `routes`: path -> {status, type, body, delayMs, bodyDelayMs};
 * `delayMs` holds back the whole response, `bodyDelayMs` the second half of the body after
 * the headers and the first half are sent).
 * `mount` serves the files under a sub-path such as "/help/widget/". `brotli` compresses
 * responses (brotli -q 11, once per path) for browsers that accept it, as a host would.
 * Resolves to { server, url, close() } once listening.
 */
export function serve({ root, port = 0, host = "127.0.0.1", headers = {}, mount = "/", routes = {}, cors = false, brotli = false }) {
  root = resolve(root);
  const compressed = new Map();
  // Sends `body` (the one at `path`), compressed when asked for and accepted.
  const send = (req, res, path, status, head, body) => {
    if (brotli && /\bbr\b/.test(req.headers["accept-encoding"] ?? "") && body.length > 0) {
      const key = path;
      if (!compressed.has(key)) {
        compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      res.writeHead(status, { ...head, "content-encoding": "br", vary: "accept-encoding" });
      res.end(compressed.get(key));
      return;
    }
    res.writeHead(status, head);
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const extra = { ...headers };
    if (cors) extra["access-control-allow-origin"] = "*";
    if (path === "/favicon.ico") {
      res.writeHead(204, extra).end();
      return;
    }
    const route = routes[path];
    if (route) {
      if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
      const status = route.status ?? 200;
      const head = { "content-type": route.type ?? "application/json", ...extra, ...(route.headers ?? {}) };
      if (route.bodyDelayMs) {
        const body = Buffer.from(route.body ?? "");
        res.writeHead(status, head);
        res.write(body.subarray(0, body.length >> 1));
        const rest = setTimeout(() => res.end(body.subarray(body.length >> 1)), route.bodyDelayMs);
        res.on("close", () => clearTimeout(rest));
        return;
      }
      send(req, res, path, status, head, route.body ?? "");
      return;
    }
    if (!path.startsWith(mount)) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    let file = normalize(join(root, path.slice(mount.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      send(req, res, path, 200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", ...extra }, body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port } = server.address();
      ok({ server, url: `http://${host}:${port}${mount}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// As a program: node scripts/server.mjs DIR [PORT]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  const { url } = await serve({ root, port: Number(port) });
  console.log(`stepguide is served at ${url}  (Ctrl+C stops it)`);
}
