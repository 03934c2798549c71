// Bytes of everything a host page downloads to show the bundled guide: embed.js, the JS glue
// and the wasm (which carries the CSS and the guide). Prints raw, gzip -9 and brotli -q 11.
//   node scripts/size.mjs [dist] [--json FILE] [--check BUDGET_FILE]
//   node scripts/size.mjs DIR --floor [--json FILE]   (the benchmark's Yew floor instead)
// With --check it fails when the brotli total exceeds the budget plus 2 KB: bytes are
// deterministic, so this gate is fair (time is measured by scripts/bench, never asserted).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };
const dist = args[0] && !args[0].startsWith("--") ? args[0] : "dist";
const files = readdirSync(dist);
const pick = (re) => files.find((f) => re.test(f));
const parts = args.includes("--floor")
  ? [["JS glue", "floor.js"], ["wasm", "floor_bg.wasm"]]
  : [
    ["embed.js", "embed.js"],
    ["JS glue", pick(/^stepguide-[0-9a-f]+\.js$/)],
    ["wasm (with CSS and guide)", pick(/^stepguide-[0-9a-f]+_bg\.wasm$/)],
  ];
const rows = parts.map(([what, file]) => {
  const bytes = readFileSync(join(dist, file));
  return {
    what, file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${"what".padEnd(28)}${"raw KB".padStart(9)}${"gzip KB".padStart(9)}${"br KB".padStart(9)}`);
for (const r of [...rows, { what: "total", ...total }]) console.log(`${r.what.padEnd(28)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);

const out = flag("--json");
if (out) writeFileSync(out, JSON.stringify({ route: process.env.STEPGUIDE_WASM_ROUTE ?? "build-std", rows, total }, null, 2) + "\n");
const budgetFile = flag("--check");
if (budgetFile) {
  // One entry per way of building std for wasm (scripts/env.sh, wasm_route).
  const route = process.env.STEPGUIDE_WASM_ROUTE ?? "build-std";
  const budget = JSON.parse(readFileSync(budgetFile, "utf8"))[route];
  if (!budget) {
    console.error(`no size budget for the "${route}" build in ${budgetFile}: run scripts/bench and add it`);
    process.exit(1);
  }
  const limit = budget.brotli_bytes + 2048;
  if (total.brotli > limit) {
    console.error(`size budget exceeded: ${total.brotli} bytes brotli > ${budget.brotli_bytes} + 2048 (${budgetFile}, ${route} build)`);
    process.exit(1);
  }
  console.log(`size budget (${route} build): ${total.brotli} of ${limit} bytes brotli (last met ${budget.brotli_bytes} + 2 KB)`);
}
