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
// The widget's first screens (FIRST_FILE, from `stepguide prerender`: Yew's server renderer
// over the widget's own components) go into embed.js as element trees, which it builds with
// createElement, not innerHTML, so that a page's Trusted Types policy has nothing to refuse.
//   node scripts/postbuild.mjs DIST ARTICLE_FILE EMBED_JS LITE_DIR CSS_FILE FIRST_FILE
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const minify = (code) => transformSync(code, { minify: true, format: "esm", charset: "utf8" }).code;

const [dist, articleFile, embedSrc, liteDir, cssFile, firstFile] = process.argv.slice(2);

// Markup as Yew's server renderer writes it (elements with double-quoted attributes, escaped
// text, no comments) as a tree: [tag, [name, value, ...], ...children], text as strings.
// Anything else fails the build, and the tree is written back and compared with the markup.
const VOID = new Set(["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" })[e]);
const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
function tree(html) {
  const top = ["", []];
  const open = [top];
  const token = /<\/([a-z][a-z0-9]*)>|<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*>|([^<]+)/y;
  const attr = /\s+([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;
  while (token.lastIndex < html.length) {
    const at = token.lastIndex;
    const m = token.exec(html);
    if (!m) throw new Error(`first screen: markup not understood at ${at}: ${html.slice(at, at + 60)}`);
    const [, close, tag, attrs, text] = m;
    if (text !== undefined) open.at(-1).push(unescape(text));
    else if (close !== undefined) {
      if (open.length < 2 || open.at(-1)[0] !== close) throw new Error(`first screen: </${close}> closes nothing open at ${at}`);
      open.pop();
    } else {
      const el = [tag, [...attrs.matchAll(attr)].flatMap(([, k, v]) => [k, unescape(v ?? "")])];
      open.at(-1).push(el);
      if (!VOID.has(tag)) open.push(el);
    }
  }
  if (open.length !== 1 || top.length !== 3) throw new Error("first screen: not one element, or not closed");
  const back = (n) => typeof n === "string" ? escapeText(n)
    : `<${n[0]}${n[1].map((v, i) => i % 2 ? `="${escapeAttr(v)}"` : ` ${v}`).join("")}>${VOID.has(n[0]) ? "" : `${n.slice(2).map(back).join("")}</${n[0]}>`}`;
  if (back(top[2]) !== html) throw new Error("first screen: the tree does not give the markup back");
  return top[2];
}
const firstScreens = JSON.parse(readFileSync(firstFile, "utf8"));
// The neutral screen goes without words (its bars alone): it is shown where the widget's
// language may not be English yet, and the widget shows the same until its words are in. Nor
// does it say a language or a direction: its bars follow the page's (an Arabic page's run
// right to left) until the widget, or the first screen in the reader's language, is there.
{
  const at = firstScreens.loading;
  const bare = firstScreens.screens[at]
    .replace(/(<div [^>]*class="sg-card sg-loading"[^>]*>)<p>[^<]*<\/p>/, "$1")
    .replace(/^<div lang="en" dir="ltr" /, "<div ");
  if (!/^<div part="root"/.test(bare) || bare.includes("<p>")) throw new Error("first screen: the loading screen's words, language or direction were not found");
  firstScreens.screens[at] = bare;
}
// The first steps in the other languages go in files of their own (first/<lang>.json), which
// embed.js fetches for a page in that language: embed.js lists their languages only.
const { localized, ...english } = firstScreens;
const first = { ...english, screens: english.screens.map(tree), localized: localized.map((l) => l.lang) };
// Primary language subtags, as embed.js compares them; those with words or a translation.
const primary = (tag) => tag.trim().split(/[-_]/)[0].toLowerCase();
const known = [...new Set([...firstScreens.interface, ...firstScreens.langs].map(primary))];
const guideLang = primary(firstScreens.langs[0]);
// The same in the inline scripts below: `p` the primary subtag, `browserLang` the first of the
// browser's languages there are words or a translation for (embed.js's wantedLang, after the
// element's and the page's `lang`).
const primaryJs = "p=(t)=>t.trim().split(/[-_]/)[0].toLowerCase()";
const browserLangJs = `(navigator.languages||[navigator.language||""]).find((t)=>t&&${JSON.stringify(known)}.includes(p(t)))`;
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
  .replace('"__STEPGUIDE_CSS_TEXT__"', () => JSON.stringify(cssText))
  .replace('"__STEPGUIDE_FIRST__"', () => JSON.stringify(first))
  .replace("__STEPGUIDE_GUIDE_FILE__", `./guides/${first.guide}.json`);
// The bundled guide's file and its translations, read by the build with a reader for a page
// in another language, and the catalogues of interface words (src/words/*.json), compacted.
const compact = (path) => JSON.stringify(JSON.parse(readFileSync(path, "utf8")));
for (const [dir, from, names] of [
  ["guides", "guides", [first.guide, ...first.langs.slice(1).map((l) => `${first.guide}.${l}`)]],
  ["words", "src/words", first.interface.filter((l) => l !== "en")],
]) {
  rmSync(join(dist, dir), { recursive: true, force: true });
  mkdirSync(join(dist, dir));
  for (const name of names) writeFileSync(join(dist, dir, `${name}.json`), compact(join(from, `${name}.json`)));
}
rmSync(join(dist, "first"), { recursive: true, force: true });
mkdirSync(join(dist, "first"));
for (const { lang, screens, ...rest } of localized) {
  writeFileSync(join(dist, "first", `${lang}.json`), JSON.stringify({ screens: screens.map(tree), ...rest }));
}
writeFileSync(join(dist, "embed.js"), minify(embed));

const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module"[^>]*>(?:(?!<\/script>)[\s\S])*?init\([\s\S]*?<\/script>/;
if (!inline.test(html)) {
  console.error("postbuild: trunk's loader script was not found in index.html");
  process.exit(1);
}
html = html.replace(inline, "");
// Trunk preloads its own build's files. The standalone page's element has lang="" (the
// browser's languages choose): in the bundled guide's language it loads the build without the
// reader, in another the one with it, so a few lines of inline script preload whichever the
// browser's languages pick, as embed.js will (the files are the same origin: no integrity
// needed, and the crossorigin mode matches embed.js's fetch and import).
const preloads = /<link rel="(?:modulepreload|preload)" href="\.\/stepguide-[0-9a-f]+(?:_bg\.wasm|\.js)"[^>]*>\s*/g;
if ((html.match(preloads) ?? []).length !== 2 || !/<step-guide [^>]*lang=""/.test(html)) {
  console.error("postbuild: trunk's two preload links, or the element's lang=\"\", were not found in index.html");
  process.exit(1);
}
html = html.replace(preloads, "");
const headJs = `(()=>{const ${primaryJs},l=${browserLangJs},` +
  `[g,w]=l&&p(l)!==${JSON.stringify(guideLang)}?${JSON.stringify([`./${glue}`, `./${wasm}`])}:${JSON.stringify([`./${liteGlue}`, `./${liteWasm}`])};` +
  `for(const[h,r]of[[g,"modulepreload"],[w,"preload"]]){const e=document.createElement("link");` +
  `e.rel=r;e.href=h;e.crossOrigin="anonymous";if(r==="preload"){e.as="fetch";e.type="application/wasm"}document.head.append(e)}})()`;
html = html.replace("</head>", `<script>${headJs}</script>\n</head>`);
html = html.replace("</head>", '<script type="module" src="./embed.js"></script>\n<script type="module" src="./offline.js"></script>\n</head>');
// The standalone page's first screen is in its HTML, drawn with the page itself, before any
// script has loaded: a declarative shadow root with the stylesheet, the first step in each
// way a device may show it (on an iPhone or iPad it points out the iOS version), and the
// neutral loading screen, all hidden. A few lines of inline script right after it show one
// (never a screen before the script that takes its taps): the neutral one where the widget
// will open elsewhere (a walk saved or given in the URL), else the first step as this device
// shows it, and keep an answer tapped before embed.js runs, which takes over from there.
// Without scripts the shadow root shows the article instead (its slot). A page served under a Content-Security-Policy allows the inline style and
// script by their hashes, written to dist/csp-hashes.txt.
const firstCss = `${cssText}slot{display:none}@media (scripting:none){.sg-mount{display:none}slot{display:contents}}`;
// The language is chosen as embed.js's wantedLang chooses it (the nearest `lang`, else the
// first of the browser's languages there are words or a guide translation for), and in
// another than the bundled guide's, the closest of the other languages' first screens, as
// embed.js's `closest` picks it; with none, the neutral screen.
const closestJs = `c=(t,a)=>{t=t.trim().replace(/_/g,"-").toLowerCase();for(;;){const f=a.find((x)=>x.toLowerCase()===t);` +
  `if(f||!t.includes("-"))return f;t=t.slice(0,t.lastIndexOf("-"))}}`;
// Each language's first screens as [the screen with no iOS version known, the runs of versions].
const runs = Object.fromEntries(localized.map((l) => [l.lang, [l.start, l.ios]]));
const firstJs = `(()=>{const h=document.currentScript.parentElement,r=h.shadowRoot;if(!r)return;` +
  // The same choice as embed.js's #firstScreen.
  `const a=(k)=>h.getAttribute(k),src=a("src"),${primaryJs},${closestJs},m=h.closest("[lang]"),` +
  `l=m&&m.getAttribute("lang").trim()||${browserLangJs},L=${JSON.stringify(runs)};` +
  `let n=Boolean(src&&src.trim())||h.hasAttribute("link-state")&&location.hash.includes("sg="),` +
  `k="",[w,I]=${JSON.stringify([firstScreens.start, firstScreens.ios])};` +
  `if(l&&p(l)!==${JSON.stringify(guideLang)}){const o=c(l,Object.keys(L));if(o){k=o+":";[w,I]=L[o]}else n=true}` +
  `try{n=n||a("persist")!=="off"&&localStorage.getItem(${JSON.stringify(`stepguide:${firstScreens.guide}`)})!==null}catch{}` +
  `if(n){r.querySelector("[data-first=loading]").hidden=false;return}` +
  // The iOS major version as embed.js's iosMajor reads it, and the screen for it.
  `const u=navigator.userAgent;let t=u.indexOf("iPhone OS ");if(t>=0)t+=10;else if(u.includes("iPad")){t=u.indexOf("CPU OS ");if(t>=0)t+=7}` +
  `const d=t>=0?/^[0-9]*/.exec(u.slice(t))[0]:"",v=d?Number(d):0;` +
  `for(const[f,x]of I)if(v>=1&&v<100&&v>=f)w=x;` +
  `const s=r.querySelector('[data-first="'+k+w+'"]');s.hidden=false;` +
  `s.addEventListener("click",e=>{const b=e.target.closest("button.sg-answer");if(!b)return;` +
  `const all=[...s.querySelectorAll("button.sg-answer")];h.dataset.sgEarly=all.indexOf(b);` +
  `for(const x of all)x===b?x.setAttribute("aria-busy","true"):x.removeAttribute("aria-busy")})})()`;
// The other languages' first screens too, named `<lang>:<screen>`, each with what its live
// region says while an early answer waits: a reader in another language sees their first
// step with the page as well (all five languages about 1.3 KB brotli more).
const shadowHtml = `<template shadowrootmode="open"><style>${firstCss}</style>` +
  firstScreens.screens.map((screen, i) =>
    `<div class="sg-mount" data-first="${i === firstScreens.loading ? "loading" : i}" hidden>${screen}</div>`).join("") +
  localized.map(({ lang, screens, waiting }) => screens.map((screen, i) =>
    `<div class="sg-mount" data-first="${lang}:${i}" data-waiting="${escapeAttr(waiting)}" hidden>${screen}</div>`).join("")).join("") +
  `<slot></slot></template><script>${firstJs}</script>`;
if (firstCss.includes("</style") || firstJs.includes("</script") || headJs.includes("</script")) {
  console.error("postbuild: the first screen's inline style or script would end early");
  process.exit(1);
}
const sha = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
// The page's own stylesheet goes inline too: as a file it held the first paint back by a
// round trip (150 ms on a slow phone link), longer than the rest of the page took to arrive.
const pageCssLink = /<link rel="stylesheet" href="\.\/(page-[0-9a-f]+\.css)"[^>]*\/?>/;
const pageCssFile = pageCssLink.exec(html)?.[1];
if (!pageCssFile) {
  console.error("postbuild: trunk's link to page.css was not found in index.html");
  process.exit(1);
}
const pageCss = readFileSync(join(dist, pageCssFile), "utf8");
html = html.replace(pageCssLink, () => `<style>${pageCss}</style>`);
writeFileSync(join(dist, "csp-hashes.txt"), `script-src ${sha(firstJs)} ${sha(headJs)}\nstyle-src ${sha(firstCss)} ${sha(pageCss)}\n`);
// The same first screen for a host page to paste inside its <step-guide> (the bundled
// guide's element): its first step is then drawn with the page, as on the standalone page.
// Under a policy it needs the first script-src and style-src hashes above.
writeFileSync(join(dist, "first-screen.html"), shadowHtml + "\n");
html = html.replace("<!-- stepguide:article -->", () => shadowHtml + readFileSync(articleFile, "utf8"));
writeFileSync(indexPath, html);
console.log(`postbuild: embed.js -> ${glue}, ${wasm}; without a reader ${liteGlue}, ${liteWasm}; stylesheet ${css}`);

// Offline support for the standalone page: a service worker that caches the page and the
// files it loads.
const srcDir = embedSrc.replace(/embed\.js$/, "");
writeFileSync(join(dist, "offline.js"), readFileSync(join(srcDir, "offline.js"), "utf8"));
// Cached at install: the page and what it loads in any language. The two builds (the one
// without the reader for the bundled guide in its language, the one with it for another) and
// the guide's, the words' and the first screens' files are cached as they are used (see
// sw.js): a reader downloads only the build their language needs, offline too.
const cached = ["./", "./index.html", "./embed.js", "./offline.js", `./${css}`,
  ...files.filter((f) => /\.(css|svg)$/.test(f)).map((f) => `./${f}`)];
const texts = ["guides", "words", "first"].flatMap((d) => readdirSync(join(dist, d)).sort().map((f) => `./${d}/${f}`));
const onUse = [`./${liteGlue}`, `./${liteWasm}`, `./${glue}`, `./${wasm}`, ...texts];
// Those files keep their names from build to build, so the cache's name carries a hash of
// their contents too: a corrected translation replaces the cached one.
const textsHash = texts.reduce((h, f) => h.update(f).update(readFileSync(join(dist, f))), createHash("sha256")).digest("hex").slice(0, 16);
const sw = readFileSync(join(srcDir, "sw.js"), "utf8")
  .replace("__STEPGUIDE_CACHE__", `stepguide-${glue.match(/-([0-9a-f]+)\.js$/)[1]}-${liteHash}-${textsHash}`)
  .replace("__STEPGUIDE_FILES__", JSON.stringify(cached))
  .replace("__STEPGUIDE_ON_USE__", JSON.stringify(onUse));
writeFileSync(join(dist, "sw.js"), sw);
