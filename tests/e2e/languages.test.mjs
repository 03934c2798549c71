// The widget in the reader's language: Spanish in full, Arabic right to left, the host
// page's language chosen, a missing translation shown in the guide's own language and
// marked as such, and the first screen never in the wrong language.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, serve, axe, Widget, DIST, CSP, waitUntilKept, keptPaths } from "./helpers.mjs";

// A host page in `lang`, with `body` in it.
const page = (lang, body) => ({
  type: "text/html; charset=utf-8",
  body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="embed.js"></script></head><body><main>${body}</main></body></html>`,
});

// A small guide with a Spanish translation that leaves one text out.
const GUIDE = {
  format: 1, id: "partial", title: "Partial guide", lang: "en", version: "1", start: "q", translations: ["es"],
  nodes: [
    { id: "q", kind: "question", title: "Does it work?", text: "Look at the screen.", answers: [{ label: "Yes", next: "ok" }, { label: "No", next: "help" }] },
    { id: "ok", kind: "outcome", outcome: "resolved", title: "Fixed", text: "Good." },
    { id: "help", kind: "outcome", outcome: "escalate", title: "Ask for help", text: "Call us." },
  ],
};

let browser, server;
before(async () => {
  browser = await launch();
  // The `of` hashes the translation needs, from the CLI that authors use.
  const { execFileSync } = await import("node:child_process");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "stepguide-i18n-"));
  writeFileSync(join(dir, "partial.json"), JSON.stringify(GUIDE));
  writeFileSync(join(dir, "partial.es.json"), JSON.stringify({ format: 1, translates: "partial", lang: "es", nodes: {} }));
  const stamps = execFileSync(process.env.STEPGUIDE_CLI ?? join(process.env.HOME, ".cache/stepguide/target-native/debug/stepguide"), ["i18n", join(dir, "partial.json")], { encoding: "utf8" });
  const of = (node) => new RegExp(node ? `node "${node}": "of": "([0-9a-f]+)"` : `guide: "of": "([0-9a-f]+)"`).exec(stamps)[1];
  const SPANISH = {
    format: 1, translates: "partial", lang: "es", of: of(null), title: "Guía parcial",
    nodes: {
      // The question's text is left out: it shows in English, marked lang="en".
      q: { of: of("q"), title: "¿Funciona?", answers: ["Sí", "No"] },
      ok: { of: of("ok"), title: "Solucionado", text: "Bien." },
      help: { of: of("help"), title: "Pide ayuda", text: "Llámanos." },
    },
  };
  const json = (v) => ({ type: "application/json", body: JSON.stringify(v) });
  server = await serve({
    root: DIST,
    headers: { "content-security-policy": CSP },
    routes: {
      "/es.html": page("en", '<step-guide lang="es" persist="off"></step-guide>'),
      "/es-mx.html": page("es-MX", '<step-guide persist="off"></step-guide>'),
      "/ar.html": page("en", '<step-guide lang="ar" persist="off"></step-guide>'),
      "/de.html": page("de", '<step-guide persist="off"></step-guide>'),
      "/words.html": page("en", `<step-guide persist="off" words='{"back":"Go back","bakc":"x"}'></step-guide>`),
      // embed.js passes the words to the wasm each ended by a NUL, so one holding a NUL is refused.
      "/words-nul.html": page("en", `<step-guide persist="off" words='{"back":"Go\\u0000back"}'></step-guide>`),
      "/partial.html": page("es", '<step-guide src="partial.json" persist="off"></step-guide>'),
      "/partial.json": json(GUIDE),
      "/ar-guide.html": page("ar", '<step-guide src="ar.json" persist="off"></step-guide>'),
      "/ar.json": json({
        format: 1, id: "ar-demo", title: "دليل", lang: "ar", dir: "rtl", version: "1", start: "s",
        nodes: [
          { id: "s", kind: "step", title: "افتح الإعدادات", text: "افتح [[الإعدادات > عام]].", next: "ok", fixed: "ok2" },
          { id: "ok", kind: "outcome", outcome: "escalate", title: "اطلب المساعدة", text: "اتصل بنا." },
          { id: "ok2", kind: "outcome", outcome: "resolved", title: "تم", text: "جيد." },
        ],
      }),
      "/partial.es.json": json(SPANISH),
    },
  });
});
after(async () => { await browser?.close(); await server?.close(); });

// Records every heading the widget shows (and the loading screen's words), from the first
// screen on, and its error events.
const record = (page) => page.addInitScript(() => {
  window.__titles = [];
  window.__errors = [];
  document.addEventListener("stepguide:error", (e) => window.__errors.push(e.detail));
  // Every frame: a shadow root's changes are not seen by an observer of the document.
  const tick = () => {
    for (const host of document.querySelectorAll("step-guide")) {
      const loading = host.shadowRoot?.querySelector(".sg-loading");
      const t = host.shadowRoot?.querySelector(".sg-title")?.textContent ?? (loading && `(loading: ${loading.textContent})`);
      if (t && window.__titles.at(-1) !== t) window.__titles.push(t);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
const shadow = (page, fn) => page.locator("step-guide").evaluate(fn);

test('<step-guide lang="es"> is in Spanish throughout, and never shows an English step first', async () => {
  const { page, context, problems } = await open(browser, null);
  await record(page);
  await page.goto(server.url + "es.html");
  const w = new Widget(page);
  await w.waitForHeading("¿Qué iOS tiene tu iPhone?");
  const root = await shadow(page, (el) => {
    const r = el.shadowRoot.querySelector(".stepguide");
    return { lang: r.lang, dir: r.dir, marked: [...el.shadowRoot.querySelectorAll(".stepguide [lang]")].map((e) => e.outerHTML) };
  });
  // Guide and words both Spanish: nothing inside the root says another language.
  assert.deepEqual(root, { lang: "es", dir: "ltr", marked: [] });
  assert.match(await w.host.locator(".sg-step-label").textContent(), /^Paso 1 · /);
  await w.answer("iOS 26 o iOS 18");
  await w.waitForHeading("¿Está activado iMessage?");
  assert.match(await w.host.locator(".sg-text").textContent(), /Abre Ajustes\W+Apps\W+Mensajes\./);
  assert.equal(await w.host.locator(".sg-history .sg-subtitle").textContent(), "Lo que has probado");
  assert.equal(await w.host.locator(".sg-nav-button").first().textContent(), "Atrás");
  await w.answer("Está desactivado");
  await w.waitForHeading("Activa iMessage");
  assert.ok(await w.button("Sí, ya funciona").isVisible());
  await w.answer("Sí, ya funciona");
  await w.waitForHeading("Solucionado: iMessage vuelve a estar activado");
  assert.equal(await w.host.locator(".sg-outcome-kind").textContent(), "solucionado");
  const titles = await page.evaluate(() => window.__titles);
  assert.ok(!titles.some((t) => /Which iOS|Loading the guide/.test(t)), `English was shown: ${titles}`);
  // A token made in Spanish opens the same step on an English page.
  const token = await page.locator("step-guide").evaluate((el) => el.state());
  assert.ok(token);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  const english = await open(browser, null);
  await english.page.goto(server.url + "words.html");
  const e = new Widget(english.page);
  await e.waitForLive();
  await english.page.locator("step-guide").evaluate((el, t) => el.resume(t), token);
  await e.waitForHeading("Fixed: iMessage is on again");
  await english.context.close();
  await context.close();
});

test("the standalone page follows a Spanish browser: never an English step, Spanish from its HTML on, offline too", async () => {
  const plain = await serve({ root: DIST });
  const { page, context, problems } = await open(browser, null, { locale: "es-ES" });
  // Every frame's visible heading, from the page's first paint (its first screen is in its HTML).
  await page.addInitScript(() => {
    window.__seen = [];
    const tick = () => {
      const root = document.querySelector("step-guide")?.shadowRoot;
      const title = [...(root?.querySelectorAll(".sg-title") ?? [])].find((t) => t.checkVisibility());
      const loading = [...(root?.querySelectorAll(".sg-loading") ?? [])].find((l) => l.checkVisibility());
      const now = title ? title.textContent : loading ? `(loading: ${loading.textContent})` : null;
      if (now !== null && window.__seen.at(-1) !== now) window.__seen.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(plain.url);
  const w = new Widget(page);
  await w.waitForHeading("¿Qué iOS tiene tu iPhone?");
  // The Spanish step from the page's HTML on (a neutral screen before it, if any, has no words).
  const seen = await page.evaluate(() => window.__seen);
  assert.equal(seen.at(-1), "¿Qué iOS tiene tu iPhone?", seen.join(" | "));
  assert.ok(seen.slice(0, -1).every((s) => /^\(loading: (Cargando la guía…)?\)$/.test(s)), seen.join(" | "));
  // The page preloaded the build with the reader, which a Spanish reader needs, not the other.
  assert.ok(asked.some((u) => /^\/stepguide-[0-9a-f]+_bg\.wasm$/.test(u)), asked.join(" "));
  assert.ok(!asked.some((u) => u.includes("stepguide-lite-")), asked.join(" "));
  assert.equal(await shadow(page, (el) => el.shadowRoot.querySelector(".stepguide").lang), "es");
  // The page's own words (its title, the article for no-JS readers) stay English, and say so.
  assert.equal(await page.locator("step-guide > article").getAttribute("lang"), "en");
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.ready).active && navigator.serviceWorker.controller));
  await w.answer("iOS 26 o iOS 18");
  await w.waitForHeading("¿Está activado iMessage?");
  // Kept by the worker: the build with the reader, the guide, its translation and the words,
  // though this first load fetched them before the worker was there.
  await waitUntilKept(page, /\/(guides|words|first)\/[^/]+\.json$|\/stepguide-[0-9a-f]+(_bg\.wasm|\.js)$/, 5);
  // And not the build without the reader, which a Spanish reader never runs.
  const kept = await keptPaths(page);
  assert.ok(!kept.some((p) => p.includes("stepguide-lite-")), kept.join(" "));
  assert.ok(!asked.some((u) => u.includes("stepguide-lite-")), asked.join(" "));
  assert.deepEqual(problems, []);
  await context.setOffline(true);
  await page.reload();
  await w.waitForHeading("¿Está activado iMessage?");
  await context.setOffline(false);
  await context.close();
  await plain.close();
});

test("a page in es-MX gets the Spanish guide and words", async () => {
  const { page, context, problems } = await open(browser, server.url + "es-mx.html");
  const w = new Widget(page);
  await w.waitForHeading("¿Qué iOS tiene tu iPhone?");
  assert.equal(await shadow(page, (el) => el.shadowRoot.querySelector(".stepguide").lang), "es");
  assert.deepEqual(problems, []);
  await context.close();
});

test('lang="ar" mirrors the widget right to left, keyboard-walkable and axe-clean, with no sideways scroll at 320 px', async () => {
  const { page, context, problems } = await open(browser, server.url + "ar.html", { viewport: { width: 320, height: 700 }, bypassCSP: true });
  const w = new Widget(page);
  await w.waitForHeading("Which iOS is on your iPhone?");
  await w.waitForLive();
  const look = await shadow(page, (el) => {
    const r = el.shadowRoot.querySelector(".stepguide");
    const title = el.shadowRoot.querySelector(".sg-title");
    const nav = el.shadowRoot.querySelector(".sg-nav");
    return {
      lang: r.lang, dir: r.dir, direction: getComputedStyle(r).direction,
      title: [title.lang, title.dir],
      back: el.shadowRoot.querySelector(".sg-nav-button").textContent,
      // In a right-to-left row the first button sits at the right.
      navStartsRight: nav.firstElementChild.getBoundingClientRect().right >= nav.lastElementChild.getBoundingClientRect().right,
    };
  });
  assert.deepEqual(look, { lang: "ar", dir: "rtl", direction: "rtl", title: ["en", "ltr"], back: "رجوع", navStartsRight: true });
  assert.match(await w.host.locator(".sg-step-label").textContent(), /^الخطوة 1/);
  // Keyboard only: Tab to an answer, Enter, and focus is on the next step's heading.
  await w.keyboardAnswer("iOS 26 or iOS 18");
  await w.waitForHeading("Is iMessage switched on?");
  assert.match(await w.focusedOnceFrameDrawn(), /^h2\.sg-title: Is iMessage switched on\?/);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(wide, 0, "the page scrolls sideways");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an Arabic guide's paths and progress run right to left", async () => {
  const { page, context, problems } = await open(browser, server.url + "ar-guide.html");
  const w = new Widget(page);
  await w.waitForHeading("افتح الإعدادات");
  const look = await shadow(page, (el) => {
    const r = el.shadowRoot;
    return {
      root: [r.querySelector(".stepguide").lang, r.querySelector(".stepguide").dir],
      marked: r.querySelectorAll(".stepguide [lang]").length,
      arrow: getComputedStyle(r.querySelector(".sg-path-sep")).transform,
      progress: getComputedStyle(r.querySelector(".sg-progress")).direction,
    };
  });
  assert.deepEqual(look, { root: ["ar", "rtl"], marked: 0, arrow: "matrix(-1, 0, 0, 1, 0, 0)", progress: "rtl" });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a host page\'s <html lang="de"> gives German interface words around the English guide', async () => {
  const { page, context, problems } = await open(browser, server.url + "de.html");
  const w = new Widget(page);
  await w.waitForHeading("Which iOS is on your iPhone?");
  await w.waitForLive();
  const look = await shadow(page, (el) => ({
    root: el.shadowRoot.querySelector(".stepguide").lang,
    title: el.shadowRoot.querySelector(".sg-title").lang,
    back: el.shadowRoot.querySelector(".sg-nav-button").textContent,
  }));
  assert.deepEqual(look, { root: "de", title: "en", back: "Zurück" });
  assert.match(await w.host.locator(".sg-step-label").textContent(), /^Schritt 1 · /);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a text the Spanish translation leaves out shows in English, marked lang=\"en\"", async () => {
  const { page, context, problems } = await open(browser, null);
  await record(page);
  await page.goto(server.url + "partial.html");
  const w = new Widget(page);
  await w.waitForHeading("¿Funciona?");
  const look = await shadow(page, (el) => {
    const text = el.shadowRoot.querySelector(".sg-text");
    const title = el.shadowRoot.querySelector(".sg-title");
    return { root: el.shadowRoot.querySelector(".stepguide").lang, title: title.lang, text: [text.lang, text.textContent] };
  });
  assert.deepEqual(look, { root: "es", title: "", text: ["en", "Look at the screen."] });
  assert.ok(await w.button("Sí").isVisible());
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a host's words replace the interface's, and a wrong one is reported", async () => {
  const { page, context, problems } = await open(browser, null);
  await record(page);
  await page.goto(server.url + "words.html");
  const w = new Widget(page);
  await w.waitForLive();
  await w.answer("iOS 26 or iOS 18");
  await w.waitForHeading("Is iMessage switched on?");
  assert.equal(await w.host.locator(".sg-nav-button").first().textContent(), "Go back");
  const errors = await page.evaluate(() => window.__errors);
  assert.deepEqual(errors, [{ kind: "words", message: "`bakc` is not one of the interface's words" }]);
  await page.goto(server.url + "words-nul.html");
  await w.waitForLive();
  await w.answer("iOS 26 or iOS 18");
  await w.waitForHeading("Is iMessage switched on?");
  assert.equal(await w.host.locator(".sg-nav-button").first().textContent(), "Back");
  assert.deepEqual(await page.evaluate(() => window.__errors), [
    { kind: "words", message: "the words attribute is not a JSON object of words: a word holds a NUL character" },
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});
