// Browser benchmark (headless Chromium on 127.0.0.1): first render (cold, warm, and cold over
// a slow mobile link) of the bundled guide and of the same guide given by `src`, and step
// change, against a plain JavaScript reference page and against the Yew floor (a minimal Yew
// app showing the same step, tests/bench/floor); long tasks; parse + validate in wasm against
// JSON.parse; the first render of a `src` guide near the 2 MiB limit; the idle widget's wasm
// memory; with BENCH_AGAINST=DIR, another build's dist/ measured in turn with the others
// (scripts/bench --against). Writes the results as JSON for scripts/bench-table.mjs; asserts
// nothing.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { launch, serve, DIST, ROOT } from "../e2e/helpers.mjs";
import { TYPES } from "../../scripts/server.mjs";

const [guidesDir, out, floorDir, liveDir] = process.argv.slice(2);
const LOADS = 21;
// The generated guides scripts/bench wrote (tests/bench/parse.rs), by their number of nodes,
// and the largest of them that a page may give by `src` (the widget refuses one over 2 MiB,
// `MAX_REMOTE_BYTES` in src/ui/load.rs): 18,000 nodes, 1.94 MiB.
const SIZES = readdirSync(guidesDir)
  .map((f) => Number(/^guide-(\d+)\.json$/.exec(f)?.[1]))
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const CAP_NODES = SIZES.filter((n) => statSync(join(guidesDir, `guide-${n}.json`)).size <= 2 * 1024 * 1024).at(-1);
// The build with the guide reader, which the scale measurements call; the widget on the bench
// page shows the bundled guide with the build without it (see embed.js).
const glue = readdirSync(DIST).find((f) => /^stepguide-[0-9a-f]+\.js$/.test(f));
const wasmFile = readdirSync(DIST).find((f) => /^stepguide-[0-9a-f]+_bg\.wasm$/.test(f));
const liteGlue = readdirSync(DIST).find((f) => /^stepguide-lite-[0-9a-f]+\.js$/.test(f));
const html = (body) => ({ type: "text/html; charset=utf-8", body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>` });
// A page with the widget of the build under `prefix`: the bundled guide, or with `src`.
const widgetPage = (prefix, src = null) =>
  html(`<step-guide persist="off"${src ? ` src="${src}"` : ""}></step-guide><script type="module" src="${prefix}embed.js"></script>`);
const routes = {
  "/widget.html": widgetPage("/"),
  // The same guide given by URL: the build with the guide reader, a fetch, then reading and
  // checking, as a host with its own guide sees it.
  "/widget-src.html": widgetPage("/", "/bundled.json"),
  // The largest guide a page can be given (see CAP_NODES).
  "/widget-cap.html": widgetPage("/", `/guides/guide-${CAP_NODES}.json`),
  "/bundled.json": { body: readFileSync(join(ROOT, "guides/imessage-signed-out.json")) },
  "/reference.html": html('<main id="app"></main><script src="/reference.js"></script>'),
  "/reference.js": { type: "text/javascript", body: readFileSync(join(ROOT, "tests/bench/reference.js")) },
  "/scale.html": html(""),
  "/floor.html": html('<main id="app"></main><script type="module">import init from "/floor/floor.js"; init({ module_or_path: "/floor/floor_bg.wasm" });</script>'),
};
// Every page's files are served from memory, the widget's as the reference page's and the
// floor's, so that no page waits on the disk and the others not.
const serveDir = (dir, prefix) => {
  for (const f of readdirSync(dir)) {
    const type = TYPES[extname(f)];
    if (type) routes[`${prefix}${f}`] = { type, body: readFileSync(join(dir, f)) };
  }
};
serveDir(DIST, "/");
// Another build of the widget to compare this one with (scripts/bench --against DIR): its
// dist/ served under /against/, measured in turn with the others.
const AGAINST = process.env.BENCH_AGAINST || null;
if (AGAINST) {
  serveDir(AGAINST, "/against/");
  routes["/against/widget.html"] = widgetPage("/against/");
  routes["/against/widget-src.html"] = widgetPage("/against/", "/bundled.json");
}
serveDir(floorDir, "/floor/");
serveDir(liveDir, "/live/");
for (const f of readdirSync(guidesDir)) routes[`/guides/${f}`] = { body: readFileSync(join(guidesDir, f)) };
// Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs, which a step
// change of about a millisecond needs. Every file is same-origin, so nothing else changes.
// Files may be cached for an hour, as a host serves hashed files, so that warm loads (below)
// come from the browser's cache; cold loads use a fresh context, whose cache is empty.
const server = await serve({
  root: DIST, routes,
  headers: {
    "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp",
    "cache-control": "public, max-age=3600",
  },
});
// The same files compressed with brotli, as a host serves them, for loads over a slow link.
const compressing = await serve({
  root: DIST, routes, brotli: true,
  headers: { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" },
});
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The pages measured side by side, loaded in turn so that all see the same moments of a busy
// machine.
const PAGES = {
  widget: "/widget.html", reference: "/reference.html", floor: "/floor.html", src: "/widget-src.html",
  ...(AGAINST ? { against: "/against/widget.html", againstSrc: "/against/widget-src.html" } : {}),
};
const medians = (times) => Object.fromEntries(Object.entries(times).map(([k, ts]) => [k, median(ts)]));

// Waits for the page's "stepguide:interactive" mark; its time from navigation start.
async function interactiveAt(page) {
  await page.waitForFunction(() => performance.getEntriesByName("stepguide:interactive").length > 0, null, { timeout: 60000 });
  return page.evaluate(() => performance.getEntriesByName("stepguide:interactive")[0].startTime);
}

// One cold load (a fresh browser context, so an empty cache). A `slow` one goes over a slow
// mobile link (150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up: Lighthouse's mobile
// network) with the files compressed as a host serves them: what a person on a phone with a
// weak signal waits for, where bytes count most.
async function coldLoad(path, slow) {
  // English browsers throughout: the standalone page follows the browser's languages.
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
    });
  }
  await page.goto((slow ? compressing : server).url + path.slice(1));
  const t = await interactiveAt(page);
  await context.close();
  return t;
}

// `count` cold loads of each page, in turn; each one's median.
async function coldLoads(count, slow = false, pages = PAGES) {
  const times = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  for (let i = 0; i < count; i++) {
    for (const [k, path] of Object.entries(pages)) times[k].push(await coldLoad(path, slow));
  }
  return medians(times);
}

// Warm loads: one browser profile per page, loaded again and again, as a person who comes back
// sees it: files from the HTTP cache and, once V8 has cached it, the compiled wasm. The first
// three loads warm up and are not counted; the pages are loaded in turn, as for cold loads.
async function warmLoads() {
  const pages = {}, times = {};
  for (const k of Object.keys(PAGES)) {
    pages[k] = await (await browser.newContext({ locale: "en-US" })).newPage();
    times[k] = [];
  }
  for (let i = 0; i < 3 + 11; i++) {
    for (const [k, path] of Object.entries(PAGES)) {
      await pages[k].goto(server.url + path.slice(1));
      const t = await interactiveAt(pages[k]);
      if (i >= 3) times[k].push(t);
    }
  }
  for (const page of Object.values(pages)) await page.context().close();
  return medians(times);
}

// Opens a page and installs `window.__click(focused)`: clicks the first answer (starting over,
// untimed, when a walk has reached its end) and resolves with the time from the click to the
// new heading in the DOM, seen by a MutationObserver. Long tasks are collected meanwhile.
// `focused` focuses the answer first (untimed), as pressing Enter on it does, or a mouse
// click or a tap in browsers that focus a button they click; a tap in Safari does not, and
// neither does `click()`, so without it focus stays on the heading each step moves it to.
async function clicker(path, shadow) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(server.url + path.slice(1));
  await interactiveAt(page);
  await page.evaluate((shadow) => {
    if (!crossOriginIsolated) throw new Error("the bench page is not cross-origin isolated");
    // Long tasks from now on, during the walk: not buffered ones from the page's load.
    window.__longTasks = [];
    new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
    const root = shadow ? document.querySelector("step-guide").shadowRoot : document;
    const title = () => root.querySelector(".sg-title")?.textContent;
    const changed = (before) => new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        const now = title();
        if (now && now !== before) { mo.disconnect(); resolve(performance.now()); }
      });
      mo.observe(root, { subtree: true, childList: true, characterData: true });
    });
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    window.__click = async (focused) => {
      let button = root.querySelector(".sg-card .sg-answers button, #app button");
      if (!button) {
        const done = changed(title());
        document.querySelector("step-guide").restart();
        await done;
        await settle();
        button = root.querySelector(".sg-card .sg-answers button");
      }
      if (focused) button.focus();
      const done = changed(title());
      const t0 = performance.now();
      button.click();
      const t = (await done) - t0;
      await settle();
      return t;
    };
  }, shadow);
  return { page, context };
}

// Clicks through the widget, the reference page and the Yew floor in turn, 60 clicks each
// (whole walks of the guide are only a few clicks long, too few for a stable median), so that
// all see the same moments of a busy machine.
async function stepChanges() {
  const widget = await clicker("/widget.html", true);
  const reference = await clicker("/reference.html", false);
  const floor = await clicker("/floor.html", false);
  const against = AGAINST ? await clicker("/against/widget.html", true) : null;
  const times = { widget: [], reference: [], floor: [], against: [] };
  const focused = { widget: [], reference: [], floor: [], against: [] };
  for (const [into, focus] of [[times, false], [focused, true]]) {
    for (let i = 0; i < 60; i++) {
      into.widget.push(await widget.page.evaluate((f) => window.__click(f), focus));
      into.reference.push(await reference.page.evaluate((f) => window.__click(f), focus));
      into.floor.push(await floor.page.evaluate((f) => window.__click(f), focus));
      if (against) into.against.push(await against.page.evaluate((f) => window.__click(f), focus));
    }
  }
  if (against) await against.context.close();
  const longTasks = await widget.page.evaluate(() => window.__longTasks.length);
  // The module the widget runs: importing its glue again gives the same, initialised instance.
  const memory = await widget.page.evaluate(async (glue) => (await (await import(`/${glue}`)).default()).memory.buffer.byteLength, liteGlue);
  const referenceLongTasks = await reference.page.evaluate(() => window.__longTasks.length);
  await widget.context.close();
  await reference.context.close();
  await floor.context.close();
  // The second half of the clicks too: the first ones run code V8 has not optimised yet, and
  // how soon it does moves the whole walk's median from run to run.
  const late = (xs) => median(xs.slice(xs.length / 2));
  return {
    widget: { median: median(times.widget), late: late(times.widget), focused: median(focused.widget), longTasks, memory },
    reference: { median: median(times.reference), late: late(times.reference), focused: median(focused.reference), longTasks: referenceLongTasks, memory: null },
    floor: { median: median(times.floor), late: late(times.floor), focused: median(focused.floor) },
    ...(against ? { against: { median: median(times.against), focused: median(focused.against) } } : {}),
  };
}

// Parse + validate in wasm against JSON.parse, each file in a fresh page. The first call is
// timed apart: V8 compiles a wasm function when it is first called (and optimises hot ones
// later, in the background), so a page reading one guide pays for that compiling, which
// later calls do not; the median of the seven calls after it is the reader's own speed.
async function scale() {
  const files = [
    { name: "the iMessage guide", path: "/bundled.json" },
    ...SIZES.map((n) => ({ n, path: `/guides/guide-${n}.json` })),
  ];
  const rows = [];
  for (const f of files) {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(server.url + "scale.html");
    rows.push({ ...f, ...await page.evaluate(async ({ glue, wasmFile, path }) => {
      const mod = await import(`/${glue}`);
      const wasm = await mod.default({ module_or_path: `/${wasmFile}` });
      // Each reads the file as it would arrive: JSON.parse its text, the widget its bytes
      // (as it reads a `src` guide, from Response.arrayBuffer()). Copying the bytes into the
      // wasm memory is counted in the wasm's time.
      const file = new Uint8Array(await (await fetch(path)).arrayBuffer());
      const text = new TextDecoder().decode(file);
      const before = wasm.memory.buffer.byteLength;
      const json = [], ours = [];
      let nodes = 0;
      for (let i = 0; i < 8; i++) {
        let t = performance.now(); JSON.parse(text); json.push(performance.now() - t);
        t = performance.now(); nodes = mod.checkGuide(file); ours.push(performance.now() - t);
        if (nodes < 1) throw new Error("invalid");
      }
      const m = (xs) => [...xs].sort((a, b) => a - b)[3];
      // The same reading with an allocator that counts (tests/bench/live), in its own
      // instance: the most bytes live at once, where the row above counts pages grown.
      const live = await import("/live/live.js");
      await live.default({ module_or_path: "/live/live_bg.wasm" });
      return {
        nodes, fileBytes: file.length, liveBytes: live.livePeak(file),
        jsonParseFirstMs: json[0], wasmFirstMs: ours[0],
        jsonParseMs: m(json.slice(1)), wasmMs: m(ours.slice(1)),
        memoryGrowth: wasm.memory.buffer.byteLength - before,
      };
    }, { glue, wasmFile, path: f.path }) });
    await context.close();
  }
  return rows;
}

const result = {
  firstRender: await coldLoads(LOADS),
  warmRender: await warmLoads(),
  slowRender: await coldLoads(5, true),
  // The largest guide a page can be given, against the iMessage guide given the same way: the
  // fetch of 1.94 MiB from 127.0.0.1, then reading and checking it, on a page's first call.
  capRender: { nodes: CAP_NODES, ...await coldLoads(9, false, { cap: "/widget-cap.html", src: "/widget-src.html" }) },
  stepChange: await stepChanges(),
  scale: await scale(),
};
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
await browser.close();
await server.close();
await compressing.close();
