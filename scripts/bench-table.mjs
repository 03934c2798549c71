// Prints scripts/bench's results as one table (ours, reference, ratio, target, pass or miss)
// and writes them all to bench-results/latest.json.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const read = (f) => JSON.parse(readFileSync(join(dir, f), "utf8"));
const size = read("size.json"), native = read("native.json"), browser = read("browser.json");
const floor = read("floor-size.json");
const rows = [];
const row = (what, ours, reference, target, ok, unit = "") =>
  rows.push({ what, ours, reference, ratio: reference ? ours / reference : null, target, result: ok ? "pass" : "miss", unit });
const kb = (n) => n / 1024;
// The headline: the phone run (tests/bench/phone.mjs), each page against the static page with
// the same first step in its markup, in the same run.
const phone = read("phone.json");
const st = phone.static;
for (const [page, what] of [["standalone", "standalone page"], ["embedded", "widget on a host page (demo.html)"],
  ["pasted", "demo.html with dist/first-screen.html pasted in"],
  // A Spanish reader: the first step in Spanish, against the same static page (in English).
  ["standaloneEs", "standalone page, a Spanish browser"], ["embeddedEs", "demo.html in Spanish"]]) {
  const p = phone[page];
  if (!p) continue;
  row(`phone: first step visible, ${what} (ms)`, p.firstStep, st.firstStep, "≤ 1.25× static", p.firstStep <= 1.25 * st.firstStep);
  // On the host page, against the same page with the step written in: demo.css holds every
  // page of that site back by a round trip, widget or not, so this is the widget's own share.
  const host = phone.hostStatic;
  if (!page.startsWith("standalone") && host) {
    row(`phone: first step visible, ${what}, against demo.html with the step in its markup (ms)`, p.firstStep, host.firstStep, "≤ 1.25× that page", p.firstStep <= 1.25 * host.firstStep);
  }
  row(`phone: ready, ${what} (ms)`, p.ready, st.ready, "≤ 2.5× static", p.ready <= 2.5 * st.ready);
  row(`phone: an answer tapped at first sight moves on, ${what} (ms)`, p.moved, st.moved, "report", true);
  // The click comes once the person has read the step (tests/bench/phone.mjs).
  row(`phone: click processing (Event Timing), after reading the step, ${what} (ms)`, p.processing, st.processing, "≤ 10 ms", p.processing !== null && p.processing <= 10);
  row(`phone: click to next paint (Event Timing), ${what} (ms)`, p.duration, st.duration, "report", true);
  row(`phone: bytes over the wire, ${what} (KB)`, kb(p.bytes), kb(st.bytes), "report", true);
}
// The bundled page's ceiling is stated for the build-std route (scripts/env.sh); another
// route's build is larger by its std and is reported only.
const buildStd = (size.route ?? "build-std") === "build-std";
row("embed bytes, brotli (KB)", kb(size.total.brotli), null, buildStd ? "≤ 85 KB" : "report (≤ 85 KB on build-std)", !buildStd || size.total.brotli <= 85 * 1024);
// What the languages cost the English page, on the rustup route: its growth since just before
// them (2026-12-07, commit 13ff50a: 98,022 bytes brotli), less what the later changes of other
// work added, each measured as it landed (tests/bench/HISTORY.md), against the languages' 6 KB.
const LATER = [
  ["the history listing a new step after the paint (8e6e2af)", 48],
  ["the answers keyed, so that a step patches them in place", 110],
  ["embed.js showing the first screens in the other languages (first/<lang>.json)", 202],
  ["embed.js asking for the build before it builds the first screen", 11],
  ["embed.js keeping the first screen in another language that the page's HTML drew", 63],
  ["embed.js rehearsing a step change off the page once ready", 177],
];
const later = LATER.reduce((sum, [, bytes]) => sum + bytes, 0);
if (!buildStd) {
  const grown = size.total.brotli - 98022;
  row("bundled English page: bytes added since the languages began (13ff50a), brotli (KB)", kb(grown), null, "report", true);
  row(`bundled English page: the languages' share, less ${LATER.length} later changes (${later} bytes), brotli (KB)`, kb(grown - later), null, "≤ 6 KB", grown - later <= 6 * 1024);
}
row("embed bytes, gzip -9 (KB)", kb(size.total.gzip), null, "report", true);
row("embed bytes, raw (KB)", kb(size.total.raw), null, "report", true);
// An element with a `src` loads the build with the guide reader instead (see embed.js).
if (size.reader) row("embed bytes with a src (the build with the guide reader), brotli (KB)", kb(size.reader.total.brotli), null, "report", true);
// What src/validate/json.rs buys: the same page with its reader on serde_json.
const serdeJson = read("serde-json-size.json");
if (size.reader && serdeJson) row("embed bytes with a src, reader src/validate/json.rs against serde_json, brotli (KB)", kb(size.reader.total.brotli), kb(serdeJson.total.brotli), "keep if ≥ 2 KB less", serdeJson.total.brotli - size.reader.total.brotli >= 2048);
// The Yew floor (tests/bench/floor) in the reference column: what the framework costs alone.
row("embed bytes, brotli, against the Yew floor (KB)", kb(size.total.brotli), kb(floor.total.brotli), "report", true);
const fr = browser.firstRender;
row("first render, median of 21 cold loads (ms)", fr.widget, fr.reference, "≤ 1.5× reference", fr.widget <= 1.5 * fr.reference);
row("first render, against the Yew floor (ms)", fr.widget, fr.floor, "report", true);
if (fr.src !== undefined) row("first render, the same guide from a URL (src), cold (ms)", fr.src, fr.reference, "report", true);
const sr = browser.slowRender;
row("first render, slow mobile link, brotli, median of 5 (ms)", sr.widget, sr.reference, "report", true);
row("first render, slow mobile link, against the Yew floor (ms)", sr.widget, sr.floor, "report", true);
if (sr.src !== undefined) row("first render, the same guide from a URL (src), slow link (ms)", sr.src, sr.reference, "report", true);
// The largest guide a page can be given (a src over 2 MiB is refused), against the iMessage
// guide given the same way, in the same loads.
const cr = browser.capRender;
if (cr !== undefined) {
  // Named by the nodes read, as the rows for each guide below are: a generated guide has
  // about the number its file is named by (999 for guide-1000.json).
  const nodes = browser.scale.find((s) => s.n === cr.nodes)?.nodes ?? cr.nodes;
  row(`first render, a src guide near the 2 MiB limit (${nodes} nodes), cold, median of 9, against the iMessage guide by src (ms)`, cr.cap, cr.src, "report", true);
}
const wr = browser.warmRender;
row("first render, warm cache, median of 11 loads (ms)", wr.widget, wr.reference, "report", true);
row("first render, warm cache, against the Yew floor (ms)", wr.widget, wr.floor, "report", true);
if (wr.src !== undefined) row("first render, the same guide from a URL (src), warm (ms)", wr.src, wr.reference, "report", true);
const sc = browser.stepChange;
row("step change, median of 60 clicks (ms)", sc.widget.median, sc.reference.median, "≤ 1.5× reference", sc.widget.median <= 1.5 * sc.reference.median);
row("step change, against the Yew floor (ms)", sc.widget.median, sc.floor.median, "report", true);
if (sc.widget.late !== undefined) row("step change, median of clicks 31–60 (ms)", sc.widget.late, sc.reference.late, "report", true);
// The same walk with each answer focused before its click (Enter on it, or a click in a
// browser that focuses what it clicks): focus then really moves to the new heading.
if (sc.widget.focused !== undefined) {
  row("step change, answer focused first (keyboard), median of 60 (ms)", sc.widget.focused, sc.reference.focused, "report", true);
  row("step change, answer focused first, against the Yew floor (ms)", sc.widget.focused, sc.floor.focused, "report", true);
}
row("long tasks (> 50 ms) during the walk", sc.widget.longTasks, null, "0", sc.widget.longTasks === 0);
row("idle widget wasm memory (MiB)", sc.widget.memory / 1048576, null, "≤ 1.5 MiB", sc.widget.memory <= 1.5 * 1048576);
// scripts/bench --against DIR: this build against another, measured in the same run.
if (browser.firstRender.against !== undefined) {
  const against = read("against-size.json");
  row("A/B: embed bytes, brotli, this build against the other (KB)", kb(size.total.brotli), kb(against.total.brotli), "report", true);
  row("A/B: first render, cold, this build against the other (ms)", fr.widget, fr.against, "report", true);
  row("A/B: first render, warm, this build against the other (ms)", wr.widget, wr.against, "report", true);
  row("A/B: first render, slow link, this build against the other (ms)", sr.widget, sr.against, "report", true);
  row("A/B: step change, this build against the other (ms)", sc.widget.median, sc.against.median, "report", true);
  row("A/B: step change, answer focused first, this build against the other (ms)", sc.widget.focused, sc.against.focused, "report", true);
  row("A/B: first render of a guide from a URL (src), cold, this build against the other (ms)", fr.src, fr.againstSrc, "report", true);
  row("A/B: first render of a guide from a URL (src), warm, this build against the other (ms)", wr.src, wr.againstSrc, "report", true);
  row("A/B: first render of a guide from a URL (src), slow link, this build against the other (ms)", sr.src, sr.againstSrc, "report", true);
}
for (const n of native) {
  const what = n.name === "generated" || !n.name ? `${n.nodes} nodes` : `${n.name} (${n.nodes} nodes)`;
  // The reference column: serde_json reading the same text into untyped values, unchecked.
  row(`native parse+validate ${what} vs serde_json::Value (ms)`, n.median_ms, n.serde_json_value_ms ?? null, "report", true);
  row(`native peak heap / file, ${what}`, n.peak_heap_bytes / n.file_bytes, null, "≤ 2×", n.peak_heap_bytes <= 2 * n.file_bytes);
}
for (const s of browser.scale) {
  // The nodes read, as the native rows count them, not the size the file is named by.
  const what = s.n ? `${s.nodes} nodes` : `${s.name} (${s.nodes} nodes)`;
  // The first call in a fresh page includes compiling the reader's code on first use: what a
  // page that reads one guide pays. The target is for the calls after it.
  row(`wasm parse+validate ${what} vs JSON.parse, first call (ms)`, s.wasmFirstMs, s.jsonParseFirstMs, "report", true);
  row(`wasm parse+validate ${what} vs JSON.parse, median of the 7 calls after (ms)`, s.wasmMs, s.jsonParseMs,
    "report", true);
  // Memory grows by 64 KiB pages, too coarse a unit for a file of a few KB.
  if (s.n) row(`wasm memory growth / file, ${s.nodes} nodes`, s.memoryGrowth / s.fileBytes, null, "≤ 2×", s.memoryGrowth <= 2 * s.fileBytes);
  // The bytes themselves, counted by tests/bench/live: no pages, no allocator's gaps.
  if (s.liveBytes !== undefined) row(`wasm live bytes at the peak / file, ${what}`, s.liveBytes / s.fileBytes, null, "report", true);
}
const fmt = (x) => (x === null ? "" : x >= 100 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toFixed(3));
const lines = [
  "| measure | ours | reference | ratio | target | result |",
  "|---|---:|---:|---:|---|---|",
  ...rows.map((r) => `| ${r.what} | ${fmt(r.ours)} | ${fmt(r.reference)} | ${r.ratio === null ? "" : fmt(r.ratio) + "×"} | ${r.target} | ${r.result} |`),
];
console.log(lines.join("\n"));
console.log(`\nwasm std: ${size.route ?? "build-std"} build`);
writeFileSync(join(dir, "latest.json"), JSON.stringify({ rows, size, floor, native, browser }, null, 2) + "\n");
