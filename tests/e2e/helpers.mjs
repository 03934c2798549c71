// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core, the
// dist/ server, and a page object for the widget.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/server.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

export { serve };

/** The strict policy the README gives host pages. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";
/** A host page's route for `serve`: `body` in <main>, embed.js loaded from the head. */
export const hostPage = (body, head = "") => ({
  type: "text/html; charset=utf-8",
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="embed.js"></script>${head}</head><body><main>${body}</main></body></html>`,
});

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** Opens a page that records console errors, page errors and CSP violations. */
export async function open(browser, url, options = {}) {
  // English unless a test says otherwise: the standalone page follows the browser's languages.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction("__reportViolation", (v) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (url) await page.goto(url);
  return { context, page, problems };
}

/**
 * Waits until the standalone page's service worker keeps every file this page loaded whose
 * address matches `pattern`, once at least `count` of them have loaded.
 */
export async function waitUntilKept(page, pattern, count) {
  await page.waitForFunction(async ([source, count]) => {
    const re = new RegExp(source);
    const used = performance.getEntriesByType("resource").map((e) => e.name).filter((n) => re.test(n));
    const name = (await caches.keys()).find((k) => k.startsWith("stepguide-"));
    if (!name || used.length < count) return false;
    const cache = await caches.open(name);
    return (await Promise.all(used.map((u) => cache.match(u)))).every(Boolean);
  }, [pattern.source, count]);
}

/** The paths the standalone page's service worker keeps. */
export const keptPaths = (page) => page.evaluate(async () => {
  const cache = await caches.open((await caches.keys()).find((k) => k.startsWith("stepguide-")));
  return (await cache.keys()).map((r) => new URL(r.url).pathname);
});

/** The widget inside a page: Playwright's locators pierce open shadow roots. */
export class Widget {
  constructor(page, index = 0) {
    this.page = page;
    this.host = page.locator("step-guide").nth(index);
  }
  heading() { return this.host.locator(".sg-card .sg-title"); }
  async waitForHeading(text) {
    // The visible one: the standalone page's HTML holds a hidden first step for each way a
    // device may show it.
    await this.heading().filter({ hasText: text, visible: true }).waitFor();
  }
  /** Waits until the live widget has taken over from the first screen shown before it. */
  async waitForLive() {
    await this.page.waitForFunction(() => performance.getEntriesByName("stepguide:interactive").length > 0);
  }
  button(name) { return this.host.getByRole("button", { name, exact: false }); }
  async answer(name) { await this.button(name).first().click(); }
  /** The id of the node on screen. */
  node() { return this.host.locator(".sg-card").getAttribute("data-node"); }
  /** Presses Tab until the focused element in the widget is the button named `name`, then Enter. */
  async keyboardAnswer(name) {
    for (let i = 0; i < 40; i++) {
      await this.page.keyboard.press("Tab");
      const focused = await this.page.evaluate(() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        return el ? el.textContent : null;
      });
      if (focused && focused.trim().startsWith(name)) {
        await this.page.keyboard.press("Enter");
        return;
      }
    }
    throw new Error(`no button "${name}" reached with Tab`);
  }
  /** The element focused inside the widget's shadow root, as "TAG.class: text". */
  async focused() {
    return this.page.evaluate(() => {
      const host = document.activeElement;
      const el = host && host.shadowRoot ? host.shadowRoot.activeElement : host;
      return el ? `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim()}` : null;
    });
  }
  /** `focused()` once the browser has drawn the next frame (a step moves focus then). */
  async focusedOnceFrameDrawn() {
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    return this.focused();
  }
  liveText() { return this.host.locator("[aria-live=polite]").textContent(); }
}

/** Runs axe-core on the page (shadow roots included) with the WCAG 2.2 AA tags. */
export async function axe(page) {
  await page.addScriptTag({ path: join(ROOT, "node_modules/axe-core/axe.min.js") });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
