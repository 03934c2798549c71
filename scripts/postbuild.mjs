// After `trunk build`: writes dist/embed.js with the hashed file names, and makes
// dist/index.html load through it (no inline script, so it runs under a strict CSP),
// with the static article inside <step-guide> as the no-JavaScript fallback.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dist, articleFile, embedSrc] = process.argv.slice(2);
const files = readdirSync(dist);
const glue = files.find((f) => /^stepguide-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^stepguide-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) {
  console.error(`postbuild: no stepguide glue or wasm in ${dist}: ${files.join(", ")}`);
  process.exit(1);
}
const embed = readFileSync(embedSrc, "utf8")
  .replace("__STEPGUIDE_GLUE__", `./${glue}`)
  .replace("__STEPGUIDE_WASM__", `./${wasm}`);
writeFileSync(join(dist, "embed.js"), embed);

const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module"[^>]*>(?:(?!<\/script>)[\s\S])*?init\([\s\S]*?<\/script>/;
if (!inline.test(html)) {
  console.error("postbuild: trunk's loader script was not found in index.html");
  process.exit(1);
}
html = html.replace(inline, "");
html = html.replace("</head>", '<script type="module" src="./embed.js"></script>\n<script type="module" src="./offline.js"></script>\n</head>');
html = html.replace("<!-- stepguide:article -->", readFileSync(articleFile, "utf8"));
writeFileSync(indexPath, html);
console.log(`postbuild: embed.js -> ${glue}, ${wasm}`);

// Offline support for the standalone page: a service worker that caches the page and the
// files it loads.
const srcDir = embedSrc.replace(/embed\.js$/, "");
writeFileSync(join(dist, "offline.js"), readFileSync(join(srcDir, "offline.js"), "utf8"));
const cached = ["./", "./index.html", "./embed.js", "./offline.js", `./${glue}`, `./${wasm}`,
  ...files.filter((f) => /\.(css|svg)$/.test(f)).map((f) => `./${f}`)];
const sw = readFileSync(join(srcDir, "sw.js"), "utf8")
  .replace("__STEPGUIDE_CACHE__", `stepguide-${glue.match(/-([0-9a-f]+)\.js$/)[1]}`)
  .replace("__STEPGUIDE_FILES__", JSON.stringify(cached));
writeFileSync(join(dist, "sw.js"), sw);
