// After `trunk build`: puts the build without a guide reader (from LITE_DIR, made by
// scripts/build) beside Trunk's under hashed names, writes dist/embed.js with the hashed file
// names, and makes dist/index.html load through it (no inline script, so it runs under a
// strict CSP), with the static article inside <step-guide> as the no-JavaScript fallback.
// Every JavaScript file shipped is minified (comments and long names are bytes every visitor
// downloads).
// The widget's stylesheet (CSS_FILE, styles/stepguide.css) is minified by esbuild and goes into
// embed.js as text, adopted into each shadow root as soon as embed.js runs; the same text is
// written beside it as a file for browsers without constructable stylesheets, which embed.js
// gives a <link> to (a strict style-src policy allows a file where it blocks a <style>).
//   node scripts/postbuild.mjs DIST ARTICLE_FILE EMBED_JS LITE_DIR CSS_FILE
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const minify = (code) => transformSync(code, { minify: true, format: "esm", charset: "utf8" }).code;

const [dist, articleFile, embedSrc, liteDir, cssFile] = process.argv.slice(2);
// A rebuild into the same dist/ leaves no stale lite or stylesheet files behind.
for (const f of readdirSync(dist)) if (f.startsWith("stepguide-lite-") || /^stepguide-[0-9a-f]+\.css$/.test(f)) rmSync(join(dist, f));
const files = readdirSync(dist);
const glue = files.find((f) => /^stepguide-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^stepguide-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) {
  console.error(`postbuild: no stepguide glue or wasm in ${dist}: ${files.join(", ")}`);
  process.exit(1);
}
writeFileSync(join(dist, glue), minify(readFileSync(join(dist, glue), "utf8")));
// Named by a hash of both files, as Trunk names its own, so a host may cache them for long.
const liteGlueText = minify(readFileSync(join(liteDir, "stepguide-lite.js"), "utf8"));
const liteWasmBytes = readFileSync(join(liteDir, "stepguide-lite_bg.wasm"));
const liteHash = createHash("sha256").update(liteGlueText).update(liteWasmBytes).digest("hex").slice(0, 16);
const liteGlue = `stepguide-lite-${liteHash}.js`;
const liteWasm = `stepguide-lite-${liteHash}_bg.wasm`;
writeFileSync(join(dist, liteGlue), liteGlueText);
writeFileSync(join(dist, liteWasm), liteWasmBytes);
const cssText = transformSync(readFileSync(cssFile, "utf8"), { loader: "css", minify: true, charset: "utf8" }).code.trim();
if (!cssText.startsWith(":host")) {
  console.error(`postbuild: ${cssFile} does not hold the widget's stylesheet`);
  process.exit(1);
}
const css = `stepguide-${createHash("sha256").update(cssText).digest("hex").slice(0, 16)}.css`;
writeFileSync(join(dist, css), cssText);
const embed = readFileSync(embedSrc, "utf8")
  .replace("__STEPGUIDE_GLUE__", `./${glue}`)
  .replace("__STEPGUIDE_WASM__", `./${wasm}`)
  .replace("__STEPGUIDE_LITE_GLUE__", `./${liteGlue}`)
  .replace("__STEPGUIDE_LITE_WASM__", `./${liteWasm}`)
  .replace("__STEPGUIDE_CSS__", `./${css}`)
  .replace('"__STEPGUIDE_CSS_TEXT__"', () => JSON.stringify(cssText));
writeFileSync(join(dist, "embed.js"), minify(embed));

const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module"[^>]*>(?:(?!<\/script>)[\s\S])*?init\([\s\S]*?<\/script>/;
if (!inline.test(html)) {
  console.error("postbuild: trunk's loader script was not found in index.html");
  process.exit(1);
}
html = html.replace(inline, "");
// Trunk preloads its own build's files; the standalone page shows the bundled guide, so it
// needs the build without the reader instead (the files are the same origin: no integrity
// needed, and the crossorigin mode matches embed.js's fetch and import).
const preloads = /<link rel="(?:modulepreload|preload)" href="\.\/stepguide-[0-9a-f]+(?:_bg\.wasm|\.js)"[^>]*>\s*/g;
if ((html.match(preloads) ?? []).length !== 2) {
  console.error("postbuild: trunk's two preload links were not found in index.html");
  process.exit(1);
}
html = html.replace(preloads, "");
html = html.replace("</head>", `<link rel="modulepreload" href="./${liteGlue}" crossorigin="anonymous">
<link rel="preload" href="./${liteWasm}" crossorigin="anonymous" as="fetch" type="application/wasm">
</head>`);
html = html.replace("</head>", '<script type="module" src="./embed.js"></script>\n<script type="module" src="./offline.js"></script>\n</head>');
html = html.replace("<!-- stepguide:article -->", readFileSync(articleFile, "utf8"));
writeFileSync(indexPath, html);
console.log(`postbuild: embed.js -> ${glue}, ${wasm}; without a reader ${liteGlue}, ${liteWasm}; stylesheet ${css}`);

// Offline support for the standalone page: a service worker that caches the page and the
// files it loads.
const srcDir = embedSrc.replace(/embed\.js$/, "");
writeFileSync(join(dist, "offline.js"), readFileSync(join(srcDir, "offline.js"), "utf8"));
// The page shows the bundled guide, so only the build without the reader is cached; other
// files under the worker's scope come from the network as usual.
const cached = ["./", "./index.html", "./embed.js", "./offline.js", `./${liteGlue}`, `./${liteWasm}`, `./${css}`,
  ...files.filter((f) => /\.(css|svg)$/.test(f)).map((f) => `./${f}`)];
const sw = readFileSync(join(srcDir, "sw.js"), "utf8")
  .replace("__STEPGUIDE_CACHE__", `stepguide-${glue.match(/-([0-9a-f]+)\.js$/)[1]}-${liteHash}`)
  .replace("__STEPGUIDE_FILES__", JSON.stringify(cached));
writeFileSync(join(dist, "sw.js"), sw);
