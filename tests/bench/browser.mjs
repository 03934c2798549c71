// Browser benchmark (headless Chromium on 127.0.0.1): first render and step change against
// a plain JavaScript reference page, long tasks, parse + validate in wasm against JSON.parse,
// and the idle widget's wasm memory. Prints rows for scripts/bench; asserts nothing.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serve, DIST, ROOT } from "../e2e/helpers.mjs";

const [guidesDir, out] = process.argv.slice(2);
const LOADS = 15;
const glue = readdirSync(DIST).find((f) => /^stepguide-[0-9a-f]+\.js$/.test(f));
const wasmFile = readdirSync(DIST).find((f) => /^stepguide-[0-9a-f]+_bg\.wasm$/.test(f));
const html = (body) => ({ type: "text/html; charset=utf-8", body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>` });
const routes = {
  "/widget.html": html('<step-guide persist="off"></step-guide><script type="module" src="/embed.js"></script>'),
  "/reference.html": html('<main id="app"></main><script src="/reference.js"></script>'),
  "/reference.js": { type: "text/javascript", body: readFileSync(join(ROOT, "tests/bench/reference.js")) },
  "/scale.html": html(""),
};
for (const f of readdirSync(guidesDir)) routes[`/guides/${f}`] = { body: readFileSync(join(guidesDir, f)) };
// Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs, which a step
// change of about a millisecond needs. Every file is same-origin, so nothing else changes.
const server = await serve({
  root: DIST, routes,
  headers: { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" },
});
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function firstRender(path) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext(); // a cold cache every time
    const page = await context.newPage();
    await page.goto(server.url + path.slice(1));
    await page.waitForFunction(() => performance.getEntriesByName("stepguide:interactive").length > 0);
    times.push(await page.evaluate(() => performance.getEntriesByName("stepguide:interactive")[0].startTime));
    await context.close();
  }
  return median(times);
}

// Clicks the first answer 60 times (starting over whenever a walk reaches its end, which is
// not timed); for each click, the time from the click to the new heading in the DOM (seen by
// a MutationObserver), and the long tasks seen meanwhile. One walk of the guide is only a
// few clicks long, too few for a stable median on a busy machine.
async function stepChanges(path, shadow) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + path.slice(1));
  await page.waitForFunction(() => performance.getEntriesByName("stepguide:interactive").length > 0);
  const result = await page.evaluate(async (shadow) => {
    const longTasks = [];
    new PerformanceObserver((l) => longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask", buffered: true });
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
    const times = [];
    if (!crossOriginIsolated) throw new Error("the bench page is not cross-origin isolated");
    while (times.length < 60) {
      const before = title();
      const button = root.querySelector(".sg-card .sg-answers button, #app button");
      if (!button) {
        const done = changed(before);
        document.querySelector("step-guide").restart();
        await done;
        await settle();
        continue;
      }
      const done = changed(before);
      const t0 = performance.now();
      button.click();
      times.push((await done) - t0);
      await settle();
    }
    return { times, longTasks };
  }, shadow);
  let memory = null;
  if (shadow) {
    memory = await page.evaluate(async (glue) => (await (await import(`/${glue}`)).default()).memory.buffer.byteLength, glue);
  }
  await context.close();
  return { median: median(result.times), longTasks: result.longTasks.length, memory };
}

async function scale() {
  const rows = [];
  for (const n of [1000, 10000, 100000]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + "scale.html");
    rows.push(await page.evaluate(async ({ glue, wasmFile, n }) => {
      const mod = await import(`/${glue}`);
      const wasm = await mod.default({ module_or_path: `/${wasmFile}` });
      const text = await (await fetch(`/guides/guide-${n}.json`)).text();
      const before = wasm.memory.buffer.byteLength;
      const json = [], ours = [];
      for (let i = 0; i < 7; i++) {
        let t = performance.now(); JSON.parse(text); json.push(performance.now() - t);
        t = performance.now(); const nodes = mod.checkGuide(text); ours.push(performance.now() - t);
        if (nodes < 1) throw new Error("invalid");
      }
      const m = (xs) => [...xs].sort((a, b) => a - b)[3];
      return { n, fileBytes: text.length, jsonParseMs: m(json), wasmMs: m(ours), memoryGrowth: wasm.memory.buffer.byteLength - before };
    }, { glue, wasmFile, n }));
    await context.close();
  }
  return rows;
}

const result = {
  firstRender: { widget: await firstRender("/widget.html"), reference: await firstRender("/reference.html") },
  stepChange: { widget: await stepChanges("/widget.html", true), reference: await stepChanges("/reference.html", false) },
  scale: await scale(),
};
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
await browser.close();
await server.close();
