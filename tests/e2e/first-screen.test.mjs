// The first screen shown before the wasm has loaded: there at once, taken over without a
// flash or a shift, an early click carried out, and never a wrong step when the widget will
// open elsewhere (a saved walk, a link to a step). The wasm is held back by the test until
// it says so, so "before the wasm" is a state, not a race.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { launch, open, serve, Widget, DIST, CSP as HOST_CSP, hostPage } from "./helpers.mjs";

// The README's policy, with Trusted Types enforced: the first screen is built without innerHTML.
const CSP = `${HOST_CSP}; require-trusted-types-for 'script'`;
const page = (body) => hostPage(`${body}<p class="after">Below the widget</p>`);
// The languages the build has first screens for (dist/first/<lang>.json).
const LOCALIZED = () => readdirSync(join(DIST, "first")).map((f) => f.replace(/\.json$/, "")).sort();
const PASTED = () => readFileSync(join(DIST, "first-screen.html"), "utf8");
const standaloneCsp = () => {
  const hashes = Object.fromEntries(readFileSync(join(DIST, "csp-hashes.txt"), "utf8").trim().split("\n")
    .map((line) => [line.split(" ")[0], line.slice(line.indexOf(" ") + 1)]));
  return CSP.replace("script-src 'self'", `script-src 'self' ${hashes["script-src"]}`)
    .replace("style-src 'self'", `style-src 'self' ${hashes["style-src"]}`);
};
const FIRST = "Which iOS is on your iPhone?";
const SECOND = "Is iMessage switched on?";
const ES_FIRST = "¿Qué iOS tiene tu iPhone?";
const ES_SECOND = "¿Está activado iMessage?";

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve({
    root: DIST,
    headers: { "content-security-policy": CSP },
    routes: {
      "/host.html": page("<step-guide><p>Fallback text</p></step-guide>"),
      "/remote.html": page('<step-guide src="guides/none.json" persist="off"></step-guide>'),
      // A page written right to left, in a language the widget has no first screens for.
      "/remote-rtl.html": { ...page('<step-guide src="guides/none.json" persist="off"></step-guide>'),
        body: page('<step-guide src="guides/none.json" persist="off"></step-guide>').body.replace('<html lang="en">', '<html lang="he" dir="rtl">') },
      "/es.html": page('<step-guide lang="es" persist="off"></step-guide>'),
      "/es-saved.html": page('<step-guide lang="es"></step-guide>'),
      ...Object.fromEntries(LOCALIZED().map((l) => [`/lang-${l}.html`, page(`<step-guide lang="${l}" persist="off"></step-guide>`)])),
      // A page in Spanish that preloads its first screens, as the README suggests.
      "/es-preload.html": { ...page(""), body: hostPage('<step-guide persist="off"></step-guide>',
        '<link rel="preload" href="first/es.json" as="fetch" crossorigin>').body.replace('<html lang="en">', '<html lang="es">') },
      // A host page that pasted dist/first-screen.html into its element, allowed by hashes.
      "/snippet.html": { ...page(`<step-guide>${PASTED()}<p>Fallback text</p></step-guide>`),
        headers: { "content-security-policy": standaloneCsp() } },
      // The same on a page in Spanish: the English first step must not show there.
      "/snippet-es.html": { ...page(`<step-guide>${PASTED()}<p>Fallback text</p></step-guide>`),
        body: page(`<step-guide>${PASTED()}<p>Fallback text</p></step-guide>`).body.replace('<html lang="en">', '<html lang="es">'),
        headers: { "content-security-policy": standaloneCsp() } },
      "/snippet-src.html": { ...page(`<step-guide src="guides/none.json" persist="off">${PASTED()}</step-guide>`),
        headers: { "content-security-policy": standaloneCsp() } },
      // The standalone page under the same policy, allowing its inline style and script by
      // the hashes the build wrote: proof that they are the right ones.
      "/": { type: "text/html; charset=utf-8", body: readFileSync(join(DIST, "index.html")), headers: { "content-security-policy": standaloneCsp() } },
    },
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// A page whose wasm files are held until `release()`, recording the widget's events, the
// heading of every frame drawn (null when there is none) and the layout shifts after the
// first screen.
async function held(options = {}) {
  const { page, context, problems } = await open(browser, null, options);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let asked = 0;
  await page.route(/_bg\.wasm$/, async (route) => {
    asked++;
    await gate;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["ready", "answer", "step", "error"]) {
      document.addEventListener(`stepguide:${name}`, (e) => window.__events.push([name, e.detail]));
    }
    window.__frames = [];
    const tick = () => {
      // The visible ones: the standalone page's HTML holds hidden screens beside the one shown.
      const root = document.querySelector("step-guide")?.shadowRoot;
      const visible = (selector) => [...(root?.querySelectorAll(selector) ?? [])].find((e) => e.checkVisibility());
      const title = visible(".sg-card .sg-title");
      window.__frames.push(title ? title.textContent : visible(".sg-loading") ? "(loading)" : null);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  return { page, context, problems, release: () => release(), asked: () => asked };
}
const events = (page, name) => page.evaluate((n) => window.__events.filter(([e]) => e === n).map(([, d]) => d), name);
const frames = (page) => page.evaluate(() => window.__frames.filter((f, i, all) => i === 0 || f !== all[i - 1]));

test("the first step is on show before the wasm has loaded, and the widget takes it over without a flash or a shift", async () => {
  const { page, context, problems, release, asked } = await held();
  const files = [];
  page.on("request", (r) => files.push(new URL(r.url()).pathname));
  await page.goto(server.url + "host.html");
  const w = new Widget(page);
  await w.waitForHeading(FIRST);
  assert.ok(asked() > 0, "the wasm was asked for");
  assert.ok(!files.some((f) => f.startsWith("/first/")), `an English page fetches no other language's screens: ${files}`);
  assert.deepEqual(await events(page, "ready"), [], "the wasm has not run");
  assert.equal(await w.button("iOS 26 or iOS 18").count(), 1);
  assert.equal(await page.locator("step-guide > p").isVisible(), false, "the fallback is hidden by the first screen");
  const box = await w.host.locator(".sg-card").boundingBox();
  await page.evaluate(() => { window.__shift = 0; });
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
  // Two frames after the takeover.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = await frames(page);
  assert.deepEqual(seen.slice(seen.indexOf(FIRST)), [FIRST], "from the first screen on, every frame shows the first step");
  assert.equal(await page.evaluate(() => window.__shift), 0);
  assert.deepEqual(await w.host.locator(".sg-card").boundingBox(), box);
  // One screen, the live one: the first screen's root is gone.
  assert.equal(await page.evaluate(() => document.querySelector("step-guide").shadowRoot.querySelectorAll(".sg-mount").length), 1);
  await w.answer("iOS 26 or iOS 18");
  await w.waitForHeading(SECOND);
  assert.deepEqual(problems, [], "no console error, page error or policy violation");
  await context.close();
});

// An answer (`answer`, not `other`) taken on `path` before the wasm has loaded: shown as
// received, the live region saying `waiting`, then carried out, with focus on `second`.
async function earlyAnswerCarriedOut({ path, first, answer, other, waiting, second }) {
  const { page, context, problems, release } = await held();
  await page.goto(server.url + path);
  const w = new Widget(page);
  await w.waitForHeading(first);
  await w.answer(answer);
  assert.equal(await w.button(answer).getAttribute("aria-busy"), "true");
  assert.equal(await w.button(other).getAttribute("aria-busy"), null);
  assert.equal(await w.host.locator("[aria-live]").textContent(), waiting);
  assert.deepEqual(await events(page, "answer"), []);
  release();
  await w.waitForHeading(second);
  const [taken] = await events(page, "answer");
  assert.equal(taken.node, "which-ios");
  assert.equal(taken.choice, 0);
  // As after any answer: focus on the new step's heading, which is announced.
  assert.match(await w.focusedOnceFrameDrawn(), new RegExp(`^h2\\.sg-title: ${second}`));
  assert.deepEqual(problems, []);
  await context.close();
}

test("an answer taken before the wasm has loaded is shown as received, then carried out", () =>
  earlyAnswerCarriedOut({ path: "host.html", first: FIRST, answer: "iOS 26 or iOS 18", other: "iOS 17 or earlier",
    waiting: "Loading the guide…", second: SECOND }));

test("with a keyboard, focus stays on the same answer when the widget takes over", async () => {
  const { page, context, release } = await held();
  await page.goto(server.url + "host.html");
  const w = new Widget(page);
  await w.waitForHeading(FIRST);
  await w.button("iOS 17 or earlier").focus();
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
  assert.match(await w.focused(), /^button\.sg-answer: iOS 17 or earlier/);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("step-guide").shadowRoot.querySelector(".sg-card")?.dataset.node !== "which-ios");
  await context.close();
});

// A walk saved on `path` (by answering `answer`, which leads to `second`), then the page
// opened again with the wasm held: the neutral screen stays, even once the screens the page's
// language fetches (`fetched`, if any) have arrived, until the widget offers the walk (`resume`).
async function savedWalkStaysNeutral({ path, answer, second, resume, fetched }) {
  const { page, context, release } = await held();
  release();
  await page.goto(server.url + path);
  const w = new Widget(page);
  await w.answer(answer);
  await w.waitForHeading(second);
  const again = await context.newPage();
  let open;
  const gate = new Promise((r) => { open = r; });
  await again.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  const arrived = fetched && again.waitForResponse(fetched);
  await again.goto(server.url + path);
  if (arrived) await (await arrived).finished();
  const w2 = new Widget(again);
  await w2.host.locator(".sg-loading").waitFor();
  await again.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await w2.host.locator(".sg-title").count(), 0, "no first step while a walk is saved");
  open();
  await w2.host.getByRole("button", { name: resume }).first().waitFor();
  await context.close();
}

test("a saved walk shows a neutral screen until the widget offers it, never the first step as though current", () =>
  savedWalkStaysNeutral({ path: "host.html", answer: "iOS 26 or iOS 18", second: SECOND, resume: "Continue" }));

test("a link to a step shows a neutral screen, then that step", async () => {
  const first = await held();
  first.release();
  await first.page.goto(server.url);
  const w = new Widget(first.page);
  await w.answer("iOS 26 or iOS 18");
  await w.waitForHeading(SECOND);
  // The link is rewritten once the step is painted: wait for it to carry the walk's state.
  const token = await first.page.locator("step-guide").evaluate((el) => el.state());
  await first.page.waitForFunction((t) => location.hash === "#sg=" + t, token);
  const link = first.page.url();
  await first.context.close();

  const { page, context, problems, release } = await held();
  await page.goto(link);
  const w2 = new Widget(page);
  await w2.host.locator(".sg-loading").waitFor();
  release();
  await w2.waitForHeading(SECOND);
  const seen = await frames(page);
  assert.ok(!seen.includes(FIRST), `the first step was never drawn: ${JSON.stringify(seen)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("on an iPhone the first screen points out its iOS version, as the widget does", async () => {
  const { page, context, release } = await held({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
  });
  await page.goto(server.url + "host.html");
  const w = new Widget(page);
  await w.waitForHeading(FIRST);
  const card = () => w.host.locator(".sg-card").innerText();
  const before = await card();
  assert.match(before, /iOS 26 or iOS 18\s*Detected on this device/);
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
  assert.equal(await card(), before);
  await context.close();
});

test("a guide from a URL shows the neutral loading screen at once", async () => {
  const { page, context, release } = await held();
  await page.goto(server.url + "remote.html");
  const w = new Widget(page);
  await w.host.locator(".sg-loading").waitFor();
  assert.equal(await w.host.locator(".sg-title").count(), 0);
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "error"));
  await context.close();
});

test("in Spanish the first step is on show in Spanish before the wasm has loaded, and taken over without a flash", async () => {
  const { page, context, problems, release } = await held();
  await page.goto(server.url + "es.html");
  const w = new Widget(page);
  await w.waitForHeading(ES_FIRST);
  assert.deepEqual(await events(page, "ready"), [], "the wasm has not run");
  const root = () => page.evaluate(() => {
    const r = document.querySelector("step-guide").shadowRoot.querySelector(".stepguide");
    return { lang: r.lang, dir: r.dir, english: r.querySelectorAll('[lang="en"]').length, html: r.outerHTML };
  });
  const shown = await root();
  assert.deepEqual({ ...shown, html: undefined }, { lang: "es", dir: "ltr", english: 0, html: undefined });
  const box = await w.host.locator(".sg-card").boundingBox();
  await page.evaluate(() => { window.__shift = 0; });
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = await frames(page);
  assert.ok(!seen.includes(FIRST), `no English step: ${JSON.stringify(seen)}`);
  assert.deepEqual(seen.slice(seen.indexOf(ES_FIRST)), [ES_FIRST], "from the Spanish first screen on, every frame shows it");
  assert.equal(await page.evaluate(() => window.__shift), 0);
  assert.deepEqual(await w.host.locator(".sg-card").boundingBox(), box);
  // The live widget drew what the first screen showed, to the attribute.
  assert.equal((await root()).html, shown.html);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a page in Spanish that preloads first/es.json has its first screens from that one request", async () => {
  const { page, context, problems } = await held();
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(server.url + "es-preload.html");
  const w = new Widget(page);
  await w.waitForHeading(ES_FIRST);
  assert.deepEqual(await events(page, "ready"), [], "the wasm has not run");
  assert.equal(asked.filter((u) => u === "/first/es.json").length, 1, asked.join(" "));
  assert.deepEqual(await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => e.name.endsWith("/first/es.json")).map((e) => e.initiatorType)), ["link"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("in every language the widget speaks, its first screen is what the live widget then draws", async () => {
  const langs = LOCALIZED();
  assert.deepEqual(langs, ["ar", "de", "es", "fr", "ja"]);
  for (const lang of langs) {
    const { page, context, problems, release } = await held();
    await page.goto(server.url + `lang-${lang}.html`);
    const root = () => page.evaluate(() => document.querySelector("step-guide").shadowRoot.querySelector(".stepguide")?.outerHTML);
    const w = new Widget(page);
    await w.host.locator(".sg-card .sg-title").waitFor();
    assert.deepEqual(await events(page, "ready"), [], `${lang}: the wasm has not run`);
    const shown = await root();
    assert.match(shown, new RegExp(`^<div [^>]*\\blang="${lang}"`), `${lang}: the first screen in that language`);
    release();
    await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await root(), shown, `${lang}: the live widget drew the same`);
    assert.deepEqual(problems, [], lang);
    await context.close();
  }
});

test("in Spanish an answer taken before the wasm has loaded is shown as received, in Spanish, then carried out", () =>
  earlyAnswerCarriedOut({ path: "es.html", first: ES_FIRST, answer: "iOS 26 o iOS 18", other: "iOS 17 o anterior",
    waiting: "Cargando la guía…", second: ES_SECOND }));

test("in Spanish a saved walk keeps the neutral screen when the Spanish first screens arrive", () =>
  savedWalkStaysNeutral({ path: "es-saved.html", answer: "iOS 26 o iOS 18", second: ES_SECOND, resume: "Seguir donde lo dejaste", fetched: /\/first\/es\.json$/ }));

test("the neutral screen follows the page's direction: its bars run right to left on a right-to-left page", async () => {
  const { page, context, release } = await held();
  await page.goto(server.url + "remote-rtl.html");
  const w = new Widget(page);
  await w.host.locator(".sg-loading").waitFor();
  const bars = await page.evaluate(() => {
    const root = document.querySelector("step-guide").shadowRoot.querySelector(".stepguide");
    const [full, short] = [...root.querySelectorAll(".sg-skeleton")].map((b) => b.getBoundingClientRect());
    return { direction: getComputedStyle(root).direction, lang: root.getAttribute("lang"), shortEndsRight: Math.abs(short.right - full.right) < 1 };
  });
  assert.deepEqual(bars, { direction: "rtl", lang: null, shortEndsRight: true });
  release();
  await context.close();
});

// The standalone page: its first screen is in its HTML (a declarative shadow root), there
// before any script, embed.js included, has arrived.
async function heldScript(options = {}) {
  const h = await held(options);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await h.page.route(/\/embed\.js$/, async (route) => { await gate; await route.continue(); });
  return { ...h, releaseScript: () => release() };
}

test("in another language the translation and the words are asked for with the guide, before the wasm runs", async () => {
  const { page, context, problems, release } = await held();
  const files = [];
  page.on("request", (r) => { if (r.url().endsWith(".json")) files.push(new URL(r.url()).pathname); });
  const early = Promise.all([/\/guides\/imessage-signed-out\.json$/, /\/guides\/imessage-signed-out\.es\.json$/, /\/words\/es\.json$/, /_bg\.wasm$/]
    .map((url) => page.waitForRequest(url)));
  await page.goto(server.url + "es.html");
  // All three asked for while the wasm is held back, so by embed.js, not the widget.
  await early;
  assert.equal(await page.evaluate(() => performance.getEntriesByName("stepguide:interactive").length), 0);
  release();
  await new Widget(page).waitForHeading("¿Qué iOS tiene tu iPhone?");
  // The widget took those requests over rather than asking again (the fourth file is the
  // Spanish first screens, embed.js's own).
  assert.deepEqual(files.sort(), ["/first/es.json", "/guides/imessage-signed-out.es.json", "/guides/imessage-signed-out.json", "/words/es.json"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the standalone page draws its first step from its HTML, before any script has loaded", async () => {
  const { page, context, problems, release, releaseScript } = await heldScript();
  await page.goto(server.url, { waitUntil: "commit" });
  const w = new Widget(page);
  await w.waitForHeading(FIRST);
  assert.equal(await page.evaluate(() => customElements.get("step-guide")), undefined, "embed.js has not run");
  assert.equal(await page.locator("step-guide section h3").first().isVisible(), false, "the article is not on show");
  releaseScript();
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = await frames(page);
  assert.deepEqual(seen.slice(seen.indexOf(FIRST)), [FIRST], "from the first screen on, every frame shows the first step");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the standalone page in a Spanish browser draws the Spanish first step from its HTML, and keeps it to the end", async () => {
  const { page, context, problems, release, releaseScript } = await heldScript({ locale: "es-ES" });
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(server.url, { waitUntil: "commit" });
  const w = new Widget(page);
  await w.waitForHeading(ES_FIRST);
  assert.equal(await page.evaluate(() => customElements.get("step-guide")), undefined, "embed.js has not run");
  releaseScript();
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = await frames(page);
  assert.ok(!seen.includes(FIRST), `no English step: ${JSON.stringify(seen)}`);
  assert.deepEqual(seen.slice(seen.indexOf(ES_FIRST)), [ES_FIRST], "from the HTML's first screen on, every frame shows it");
  // The HTML had it: the file with the Spanish first screens is not asked for.
  assert.ok(!asked.includes("/first/es.json"), asked.join(" "));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a tap on the standalone page's Spanish first screen before any script has loaded is carried out", async () => {
  const { page, context, problems, release, releaseScript } = await heldScript({ locale: "es-ES" });
  await page.goto(server.url, { waitUntil: "commit" });
  const w = new Widget(page);
  await w.waitForHeading(ES_FIRST);
  await w.answer("iOS 26 o iOS 18");
  assert.equal(await w.button("iOS 26 o iOS 18").getAttribute("aria-busy"), "true");
  releaseScript();
  await page.waitForFunction(() => customElements.get("step-guide"));
  // embed.js has taken the tap over: its live region says, in Spanish, that the guide is coming.
  await w.host.locator(".sg-mount:not([hidden]) [aria-live]").filter({ hasText: "Cargando la guía…" }).waitFor();
  release();
  await w.waitForHeading(ES_SECOND);
  const [answer] = await events(page, "answer");
  assert.equal(answer.choice, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a tap on the standalone page's first screen before any script has loaded is carried out", async () => {
  const { page, context, problems, release, releaseScript } = await heldScript();
  await page.goto(server.url, { waitUntil: "commit" });
  const w = new Widget(page);
  await w.waitForHeading(FIRST);
  await w.answer("iOS 26 or iOS 18");
  assert.equal(await w.button("iOS 26 or iOS 18").getAttribute("aria-busy"), "true");
  releaseScript();
  release();
  await w.waitForHeading(SECOND);
  const [answer] = await events(page, "answer");
  assert.equal(answer.choice, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

// Safari on an iPhone with iOS 18 and one with iOS 17: the first step points out the version.
const IPHONE = (v) => `Mozilla/5.0 (iPhone; CPU iPhone OS ${v}_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${v}.6 Mobile/15E148 Safari/604.1`;

test("on an iPhone the standalone page draws the step for its iOS version from its HTML, in the reader's language, and a tap on it is carried out", async () => {
  for (const [v, locale, detected, badge, first, second] of [
    [18, "en-US", "iOS 26 or iOS 18", "Detected on this device", FIRST, SECOND],
    [17, "en-US", "iOS 17 or earlier", "Detected on this device", FIRST, SECOND],
    [17, "es-ES", "iOS 17 o anterior", "Detectado en este dispositivo", ES_FIRST, ES_SECOND],
  ]) {
    const { page, context, problems, release, releaseScript } = await heldScript({ userAgent: IPHONE(v), locale });
    await page.goto(server.url, { waitUntil: "commit" });
    const w = new Widget(page);
    await w.waitForHeading(first);
    assert.equal(await page.evaluate(() => customElements.get("step-guide")), undefined, "embed.js has not run");
    const card = () => w.host.locator(".sg-mount:not([hidden]) .sg-card").innerText();
    const before = await card();
    assert.match(before, new RegExp(`${detected}\\s*${badge}`), `iOS ${v}, ${locale}`);
    await w.answer(detected);
    assert.equal(await w.button(detected).getAttribute("aria-busy"), "true");
    releaseScript();
    release();
    await w.waitForHeading(second);
    const [answer] = await events(page, "answer");
    assert.equal(answer.answer, detected, `iOS ${v}, ${locale}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the standalone page with a link to a step never draws the first step from its HTML", async () => {
  const { page, context, release, releaseScript } = await heldScript();
  // A token for the second step, as the widget writes it into the URL.
  await page.goto(server.url + "#sg=AR4KzxfJiwEAAA", { waitUntil: "commit" });
  const w = new Widget(page);
  await w.host.locator(".sg-loading").waitFor();
  releaseScript();
  release();
  await w.waitForHeading(SECOND);
  const seen = await frames(page);
  assert.ok(!seen.includes(FIRST), `the first step was never drawn: ${JSON.stringify(seen)}`);
  await context.close();
});

test("without JavaScript the standalone page shows the article, not the widget's first screen", async () => {
  const { page, context } = await open(browser, null, { javaScriptEnabled: false });
  await page.goto(server.url);
  await page.locator("step-guide section h3").first().waitFor();
  assert.equal(await page.locator("step-guide section h3").first().textContent(), FIRST);
  assert.equal(await page.locator("step-guide .sg-card .sg-title").first().isVisible(), false);
  await context.close();
});

test("a host page that pasted dist/first-screen.html draws the first step with the page, under its policy", async () => {
  const { page, context, problems, release, releaseScript } = await heldScript();
  await page.goto(server.url + "snippet.html", { waitUntil: "commit" });
  const w = new Widget(page);
  await w.waitForHeading(FIRST);
  assert.equal(await page.evaluate(() => customElements.get("step-guide")), undefined, "embed.js has not run");
  assert.equal(await page.locator("step-guide > p").isVisible(), false);
  await w.answer("iOS 26 or iOS 18");
  releaseScript();
  release();
  await w.waitForHeading(SECOND);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the pasted first screen draws the page's language's first step, on a page in Spanish", async () => {
  const { page, context, problems, release, releaseScript } = await heldScript();
  await page.goto(server.url + "snippet-es.html", { waitUntil: "commit" });
  const w = new Widget(page);
  await w.waitForHeading(ES_FIRST);
  assert.equal(await page.evaluate(() => customElements.get("step-guide")), undefined, "embed.js has not run");
  assert.equal(await page.locator("step-guide > p").isVisible(), false);
  releaseScript();
  release();
  await page.waitForFunction(() => window.__events.some(([e]) => e === "ready"));
  const seen = await frames(page);
  assert.deepEqual(seen.slice(seen.indexOf(ES_FIRST)), [ES_FIRST], JSON.stringify(seen));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the pasted first screen is neutral on an element with a src", async () => {
  const { page, context, releaseScript } = await heldScript();
  await page.goto(server.url + "snippet-src.html", { waitUntil: "commit" });
  const w = new Widget(page);
  await w.host.locator(".sg-loading").waitFor();
  assert.equal(await w.host.locator(".sg-title").first().isVisible(), false);
  releaseScript();
  await context.close();
});
