// The phone run, scripts/bench's headline: what a person on a phone with a weak signal feels.
// Chromium emulating Slow 4G (150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up) with its CPU
// slowed 4×, a 390 px wide viewport and an iPhone's user agent, the files served brotli-compressed; the standalone page
// (`/`), the widget on a host page (`demo.html`, and the same with dist/first-screen.html pasted
// into its element), both again for a Spanish reader (a Spanish browser; demo.html in Spanish), a hand-written static page with the same first step in its markup
// (tests/bench/static.html, the physical limit) and the host page with that step in place of
// the widget (its own limit), loaded in turn in one run, each load in a fresh context (an
// empty cache).
//
// Each load measures, from navigation start: the first frame with the first step's heading
// visible; ready (the widget's "stepguide:interactive" mark, the static page's at the end of
// its script); the bytes over the wire. Then, once the person has read the step (2 s after it
// is on screen, and not before ready), a real click on the first answer (Playwright's mouse):
// its Event Timing entry (processing, the handlers' time; duration, to the next paint). A
// second load clicks the first answer the moment it is visible, as an impatient person does,
// and measures when the next step is first on screen.
//   node tests/bench/phone.mjs OUT_JSON [ROUNDS]
// Writes medians as JSON for scripts/bench-table.mjs; asserts nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serve, DIST, ROOT } from "../e2e/helpers.mjs";

const [out, roundsArg] = process.argv.slice(2);
// 11 rounds: with 7, a page's median moved 5–10 % between runs, enough to flip a ratio across
// its target (tests/bench/HISTORY.md, 2026-12-07).
const ROUNDS = Number(roundsArg ?? 11);
const FIRST = "Which iOS is on your iPhone?";
// How long the person reads the first step before the measured click (see load()).
const READING_MS = 2000;
const NEXT = "Is iMessage switched on?";
// Each page, and the reader's language: the Spanish reader's first step comes from the
// widget's Spanish first screens (first/es.json), fetched where the English one is built in.
const SPANISH = { locale: "es-ES", first: "¿Qué iOS tiene tu iPhone?", next: "¿Está activado iMessage?" };
const PAGES = {
  standalone: { path: "/" }, embedded: { path: "/demo.html" }, pasted: { path: "/demo-pasted.html" },
  static: { path: "/static.html" }, hostStatic: { path: "/demo-static.html" },
  standaloneEs: { path: "/", ...SPANISH }, embeddedEs: { path: "/demo-es.html", ...SPANISH },
};
// demo.html with dist/first-screen.html pasted into its element, as a host may.
const demo = readFileSync(join(DIST, "demo.html"), "utf8");
const pasted = demo.replace(/<step-guide[^>]*>/, (tag) => tag + readFileSync(join(DIST, "first-screen.html"), "utf8"));
if (pasted === demo) throw new Error("phone: demo.html has no <step-guide>");
// The host page's own limit: demo.html with static.html's first step, its styles for it and its
// script in place of the widget. demo.css holds every page of that host back by a round trip,
// with or without a widget; this page says how much of the embedded figures is the widget's.
const still = readFileSync(join(ROOT, "tests/bench/static.html"), "utf8");
const part = (re, what) => {
  const m = re.exec(still);
  if (!m) throw new Error(`phone: tests/bench/static.html has no ${what}`);
  return m[0];
};
const stepRules = still.match(/^\s*(?:section|h2|button) \{[^}]*\}/gm) ?? [];
if (stepRules.length !== 3) throw new Error("phone: tests/bench/static.html's section, h2 and button rules not found");
const hostStatic = demo
  .replace(/<step-guide[^>]*>[\s\S]*?<\/step-guide>/, () => part(/<section>[\s\S]*?<\/section>/, "<section>"))
  // The step in the widget's font, as static.html has it on its body (the host's is a serif).
  .replace("</head>", () => `<style>${stepRules.join("\n")}\nsection { font: 100%/1.5 system-ui, sans-serif; }</style>\n</head>`)
  // Its script first in the head, listening on the document: a script after demo.css would
  // wait for it, and a tap on the step painted before then would be lost.
  .replace("<head>", () => `<head>\n${part(/<script>[\s\S]*?<\/script>/, "<script>")
    .replace('document.querySelector("section").addEventListener(', "document.addEventListener(")}`)
  .replace(/<script type="module" src="embed\.js"><\/script>\s*/, "");
// demo.html in Spanish, as a Spanish host page would be.
const demoEs = demo.replace(/<html lang="en">/, '<html lang="es">');
if (demoEs === demo) throw new Error('phone: demo.html has no <html lang="en">');
if (!hostStatic.includes("document.addEventListener(") || hostStatic.includes("step-guide") || hostStatic.includes("embed.js")) throw new Error("phone: demo-static.html still holds the widget");

const server = await serve({
  root: DIST, brotli: true,
  routes: {
    "/static.html": { type: "text/html; charset=utf-8", body: readFileSync(join(ROOT, "tests/bench/static.html")) },
    "/demo-pasted.html": { type: "text/html; charset=utf-8", body: pasted },
    "/demo-static.html": { type: "text/html; charset=utf-8", body: hostStatic },
    "/demo-es.html": { type: "text/html; charset=utf-8", body: demoEs },
  },
});
const browser = await launch();
const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};

// Installed before any of the page's scripts: watches every frame for the first step's
// heading (in the page or the widget's shadow root) and, with `impatient`, clicks its first
// answer at once and notes when the next step is on screen.
function watch({ FIRST, NEXT, impatient }) {
  const t = (window.__phone = { firstStep: null, moved: null, events: [] });
  const heading = (text) => {
    for (const root of [document, document.querySelector("step-guide")?.shadowRoot]) {
      for (const h of root?.querySelectorAll("h2") ?? []) if (h.textContent === text && h.checkVisibility()) return h;
    }
    return null;
  };
  const frame = () => {
    if (t.firstStep === null) {
      const h = heading(FIRST);
      if (h) {
        t.firstStep = performance.now();
        if (impatient) h.closest("section").querySelector("button").click();
      }
    } else if (impatient && t.moved === null && heading(NEXT)) {
      t.moved = performance.now();
    }
    if (t.firstStep === null || (impatient && t.moved === null)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "click") t.events.push({ processing: e.processingEnd - e.processingStart, duration: e.duration });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
}

// Safari's user agent on an iPhone with iOS 18: the person with the problem is often on the
// iPhone that has it, and there the first step points out the iOS version.
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1";

async function load({ path, locale = "en-US", first = FIRST, next = NEXT }, impatient) {
  // An English browser unless the page says otherwise: the standalone page follows the
  // browser's languages.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale, userAgent: IPHONE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript(watch, { FIRST: first, NEXT: next, impatient });
  await page.goto(server.url + path.slice(1));
  await page.waitForFunction(() => performance.getEntriesByName("stepguide:interactive").length > 0, null, { timeout: 120000 });
  const ready = await page.evaluate(() => performance.getEntriesByName("stepguide:interactive")[0].startTime);
  let result;
  if (impatient) {
    await page.waitForFunction(() => window.__phone.moved !== null, null, { timeout: 120000 });
    result = { moved: await page.evaluate(() => window.__phone.moved) };
  } else {
    const firstStep = await page.evaluate(() => window.__phone.firstStep);
    // The person reads the step before answering: its question, two sentences and three
    // answers take longer than 2 s. Clicking at ready instead measured a moment no one taps
    // at, before the widget's idle-time work (embed.js's rehearsal) has run.
    await page.waitForFunction((at) => performance.now() >= at, firstStep + READING_MS, { timeout: 120000 });
    // A real click, as a finger's tap arrives: Event Timing sees only trusted input.
    // Scrolled into view first: a longer text (Spanish) puts the answers below the fold.
    const box = await page.evaluate(() => {
      const root = document.querySelector("step-guide")?.shadowRoot ?? document;
      const button = root.querySelector("section button");
      button.scrollIntoView({ block: "center" });
      const r = button.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await page.waitForFunction(() => window.__phone.events.length > 0, null, { timeout: 30000 }).catch(() => {});
    const [click] = await page.evaluate(() => window.__phone.events);
    result = { firstStep, ready, bytes, processing: click?.processing ?? null, duration: click?.duration ?? null };
  }
  await context.close();
  return result;
}

const runs = Object.fromEntries(Object.keys(PAGES).map((k) => [k, []]));
for (let i = 0; i < ROUNDS; i++) {
  for (const [k, page] of Object.entries(PAGES)) {
    const measured = await load(page, false).catch((e) => { throw new Error(`phone: ${k}, round ${i + 1}: ${e.message}`); });
    const impatient = await load(page, true).catch((e) => { throw new Error(`phone: ${k} (impatient), round ${i + 1}: ${e.message}`); });
    runs[k].push({ ...measured, ...impatient });
  }
}
const result = { rounds: ROUNDS };
for (const [k, rs] of Object.entries(runs)) {
  result[k] = Object.fromEntries(["firstStep", "ready", "moved", "processing", "duration", "bytes"].map((f) => [f, median(rs.map((r) => r[f]))]));
}
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
await browser.close();
await server.close();
