// Bytes of everything a host page downloads to show the bundled guide: embed.js (which carries
// the stylesheet), the JS glue and the wasm (which carries the guide) of the build without a
// guide reader; and
// what a page whose element has a `src` downloads (the build with the reader). Prints raw,
// gzip -9 and brotli -q 11.
//   node scripts/size.mjs [dist] [--json FILE] [--check BUDGET_FILE]
//   node scripts/size.mjs DIR --floor [--json FILE]   (the benchmark's Yew floor instead)
// With --check it fails when either brotli total exceeds its budget plus 2 KB: bytes are
// deterministic, so this gate is fair (time is measured by scripts/bench, never asserted).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };
const dist = args[0] && !args[0].startsWith("--") ? args[0] : "dist";
const files = readdirSync(dist);
const pick = (re) => files.find((f) => re.test(f));
const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const part = (what, file) => {
  if (!file) {
    console.error(`size: a file for "${what}" is missing from ${dist}: ${files.join(", ")}`);
    process.exit(1);
  }
  return { what, ...measure(file) };
};
// What a page showing the bundled guide downloads (the build without a guide reader), and
// what one with a `src` downloads instead (the build with it).
// (A dist/ from before there were two builds, as `scripts/bench --against` may be given, has
// only the one with the reader.)
const floor = args.includes("--floor");
const split = !floor && pick(/^stepguide-lite-/) !== undefined;
const rows = floor
  ? [part("JS glue", "floor.js"), part("wasm", "floor_bg.wasm")]
  : [
    part("embed.js", "embed.js"),
    part("JS glue", pick(split ? /^stepguide-lite-[0-9a-f]+\.js$/ : /^stepguide-[0-9a-f]+\.js$/)),
    part("wasm (with the guide)", pick(split ? /^stepguide-lite-[0-9a-f]+_bg\.wasm$/ : /^stepguide-[0-9a-f]+_bg\.wasm$/)),
  ];
const total = sum(rows);
const readerRows = !split ? null : [
  part("embed.js", "embed.js"),
  part("JS glue, with the reader", pick(/^stepguide-[0-9a-f]+\.js$/)),
  part("wasm, with the reader", pick(/^stepguide-[0-9a-f]+_bg\.wasm$/)),
];
const reader = readerRows && { rows: readerRows, total: sum(readerRows) };
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const print = (title, list, t) => {
  console.log(`${title.padEnd(28)}${"raw KB".padStart(9)}${"gzip KB".padStart(9)}${"br KB".padStart(9)}`);
  for (const r of [...list, { what: "total", ...t }]) console.log(`  ${r.what.padEnd(26)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
};
print(reader ? "the bundled guide" : "files", rows, total);
if (reader) print("a guide from a URL (src)", reader.rows, reader.total);

const out = flag("--json");
if (out) writeFileSync(out, JSON.stringify({ route: process.env.STEPGUIDE_WASM_ROUTE ?? "build-std", rows, total, reader }, null, 2) + "\n");
const budgetFile = flag("--check");
if (budgetFile) {
  // One entry per way of building std for wasm (scripts/env.sh, wasm_route).
  const route = process.env.STEPGUIDE_WASM_ROUTE ?? "build-std";
  const budget = JSON.parse(readFileSync(budgetFile, "utf8"))[route];
  if (!budget) {
    console.error(`no size budget for the "${route}" build in ${budgetFile}: run scripts/bench and add it`);
    process.exit(1);
  }
  // Both are gated: a page with the bundled guide, and one with a guide from a URL.
  const checks = [["the bundled guide", total.brotli, budget.brotli_bytes]];
  if (reader) checks.push(["a guide from a URL", reader.total.brotli, budget.reader_brotli_bytes]);
  let failed = false;
  for (const [what, bytes, last] of checks) {
    if (!last) {
      console.error(`no size budget for ${what} on the "${route}" build in ${budgetFile}: run scripts/bench and add it`);
      failed = true;
    } else if (bytes > last + 2048) {
      console.error(`size budget exceeded for ${what}: ${bytes} bytes brotli > ${last} + 2048 (${budgetFile}, ${route} build)`);
      failed = true;
    } else {
      console.log(`size budget for ${what} (${route} build): ${bytes} of ${last + 2048} bytes brotli (last met ${last} + 2 KB)`);
    }
  }
  if (failed) process.exit(1);
}
