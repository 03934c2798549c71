// The standalone page, driven as a person would: mouse, keyboard only, screen reader cues.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { launch, open, serve, axe, Widget, DIST, ARTIFACTS, waitUntilKept, keptPaths } from "./helpers.mjs";

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve({ root: DIST });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("first step, an answer, the next step, and no console errors", async () => {
  const { page, problems, context } = await open(browser, server.url);
  const w = new Widget(page);
  await w.waitForHeading("Which iOS is on your iPhone?");
  await page.screenshot({ path: join(ARTIFACTS, "first-step.png") });
  await w.answer("iOS 26 or iOS 18");
  await w.waitForHeading("Is iMessage switched on?");
  assert.match(await w.host.locator(".sg-text").textContent(), /Settings›, Apps›, Messages/);
  // The history's button shows "Change"; its name, as the browser gives it to a screen
  // reader, says which answer.
  await w.host.getByRole("button", { name: "Change answer to Which iOS is on your iPhone?", exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page downloads only the build without the guide reader, which it preloads", async () => {
  const { page, problems, context } = await open(browser, null);
  const scripts = [];
  page.on("request", (r) => { if (/\.(js|wasm)$/.test(r.url())) scripts.push(r.url().split("/").pop()); });
  await page.goto(server.url);
  await new Widget(page).waitForHeading("Which iOS is on your iPhone?");
  // Two requests: a preload that did not match its use would make a third.
  const builds = scripts.filter((f) => f.startsWith("stepguide-"));
  assert.equal(builds.length, 2, builds.join(", "));
  for (const f of builds) assert.match(f, /^stepguide-lite-[0-9a-f]{16}(_bg\.wasm|\.js)$/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Each kind of outcome, reached with the keyboard alone.
const WALKS = {
  resolved: ["iOS 17 or earlier", "It's off", "Yes, it's fixed"],
  waiting: ["iOS 26 or iOS 18", "It's on", "My number, ticked", "Yes, pages load", "Yellow or red"],
  escalate: ["iOS 26 or iOS 18", "It's on", "My number, ticked", "Yes, pages load", "Green",
    "No, still", "No, still", "No, still", "No, still", "iOS is up to date", "No, I'd rather get help"],
};

for (const [kind, answers] of Object.entries(WALKS)) {
  test(`keyboard only: a walk to "${kind}", focus on each new heading, announced politely`, async () => {
    const { page, problems, context } = await open(browser, server.url);
    const w = new Widget(page);
    await w.waitForHeading("Which iOS");
    const violations = [];
    for (const [i, answer] of answers.entries()) {
      await w.keyboardAnswer(answer);
      await page.waitForFunction((n) => {
        const t = document.querySelector("step-guide").shadowRoot.querySelector("[aria-live=polite]").textContent;
        return t.includes(`Step ${n}.`);
      }, i + 2);
      const heading = await w.heading().textContent();
      // Focus moves at the frame that first shows the step (see src/ui/later.rs).
      const focused = await w.focusedOnceFrameDrawn();
      assert.equal(focused, `h2.sg-title: ${heading}`, "focus moves to the new step's heading");
      assert.equal(await w.liveText(), `Now showing: Step ${i + 2}. ${heading}`);
      // axe on every kind of screen: a question, a fix step, and the outcome.
      const node = await w.node();
      if (["imessage-on", "send-receive", "toggle-off-on", "turn-on", "status"].includes(node) || i === answers.length - 1) {
        for (const v of await axe(page)) violations.push(`${node}: ${v}`);
      }
    }
    assert.equal(await w.host.locator(".sg-outcome").getAttribute("data-outcome"), kind);
    // The kind's colour, on its name and on the card's edge: green, amber or red.
    const colours = await w.host.locator(".sg-outcome").evaluate((card) => [
      getComputedStyle(card).borderInlineStartColor, getComputedStyle(card.querySelector(".sg-outcome-kind")).color]);
    const expected = { resolved: "rgb(17, 107, 52)", waiting: "rgb(138, 75, 0)", escalate: "rgb(179, 38, 30)" }[kind];
    assert.deepEqual(colours, [expected, expected]);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the transcript copies to the clipboard, and is selected when copying is refused", async () => {
  const { page, context } = await open(browser, server.url);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  const w = new Widget(page);
  for (const a of WALKS.escalate) await w.answer(a);
  await w.waitForHeading("Contact your carrier or Apple");
  await w.button("Copy").click();
  await w.host.getByRole("status").filter({ hasText: "Copied to the clipboard" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The clipboard may drop the final line break; the text is otherwise exactly the transcript.
  assert.equal(copied.trimEnd(), (await w.host.locator(".sg-transcript").textContent()).trimEnd());
  assert.match(copied, /^Guide: Fix “iMessage is Signed Out” \(imessage-signed-out\)\nVersion: 2026-12-06\n/);

  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error("denied")); });
  await w.button("Copy").click();
  await w.host.getByRole("status").filter({ hasText: "Copying was blocked" }).waitFor();
  const selected = await page.evaluate(() => document.getSelection().toString());
  assert.equal(selected.trimEnd(), copied.trimEnd());

  // What a copy did is said beside that copy only: back and on to the same ending again,
  // the status is empty. (Exact: a history item's name, "… sign out of iMessage and back in",
  // has the word too.)
  await w.host.getByRole("button", { name: "Back", exact: true }).click();
  await w.answer(WALKS.escalate.at(-1));
  await w.waitForHeading("Contact your carrier or Apple");
  assert.equal((await w.host.locator(".sg-copy-status").textContent()).trim(), "");
  await context.close();
});

test("on a phone-sized screen, every control is a tap target of at least 44 by 44 px", async () => {
  const { page, context } = await open(browser, server.url, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const w = new Widget(page);
  // Controls that are not at least 44 px each way, on the screen as it stands. Links inside
  // running text are left out, as WCAG 2.5.8 leaves them out: they follow the text's lines.
  const small = () => w.host.evaluate((host) => {
    const controls = [...host.shadowRoot.querySelectorAll("button, a.sg-link-button, [tabindex='0']")]
      .filter((el) => el.getBoundingClientRect().width > 0);
    const small = controls.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width < 44 || r.height < 44;
    }).map((el) => `${el.className}: ${el.textContent.trim()} (${el.getBoundingClientRect().width}×${el.getBoundingClientRect().height})`);
    return { measured: controls.length, small };
  });
  const screens = [];
  await w.waitForHeading("Which iOS");
  screens.push(["first step", await small()]);
  // The check step (its page's link button), with the history's Change buttons below it.
  for (const a of WALKS.waiting.slice(0, -1)) await w.answer(a);
  await w.waitForHeading("Is iMessage down at Apple?");
  screens.push(["check step, history", await small()]);
  await w.host.locator(".sg-change").first().click();
  screens.push(["an answer being changed", await small()]);
  await w.host.locator(".sg-change").first().click();
  // The escalation outcome: the summary and its Copy button.
  for (const a of WALKS.escalate.slice(4)) await w.answer(a);
  await w.waitForHeading("Contact your carrier or Apple");
  screens.push(["escalation outcome", await small()]);
  assert.deepEqual(screens.filter(([, { small }]) => small.length > 0), []);
  // Each screen had its controls measured: answers and Back, Start over at least; then the
  // link button and the Change buttons; then Copy.
  assert.deepEqual(screens.map(([, { measured }]) => measured >= 4), [true, true, true, true]);
  await context.close();
});

test("a settings path wraps after its arrows, never before the punctuation that follows it", async () => {
  const { page, context } = await open(browser, server.url, { viewport: { width: 390, height: 740 }, hasTouch: true, isMobile: true });
  const w = new Widget(page);
  await w.answer("iOS 26 or iOS 18");
  await w.waitForHeading("Is iMessage switched on?");
  // Every width of a phone, a path in the text and what follows it.
  const bad = [];
  let paths = 0;
  for (let width = 300; width <= 480; width += 2) {
    await page.setViewportSize({ width, height: 740 });
    const seen = await w.host.evaluate((host) => {
      const found = [];
      const all = host.shadowRoot.querySelectorAll(".sg-text .sg-path");
      for (const path of all) {
        const levels = path.querySelectorAll(".sg-path-level");
        const last = levels[levels.length - 1].getBoundingClientRect();
        const after = path.nextSibling;
        if (!after || after.nodeType !== Node.TEXT_NODE || /^\s/.test(after.data)) continue;
        const range = document.createRange();
        range.setStart(after, 0);
        range.setEnd(after, 1);
        const mark = range.getBoundingClientRect();
        // The character after the path sits on its last level's line.
        if (mark.top >= last.bottom || mark.bottom <= last.top) found.push(`"${after.data[0]}" after ${path.textContent}`);
        // Each line the path takes ends after an arrow or at its end, never between a
        // level and the arrow after it.
        for (const sep of path.querySelectorAll(".sg-path-sep")) {
          const before = sep.previousElementSibling.getBoundingClientRect();
          if (sep.getBoundingClientRect().top >= before.bottom) found.push(`"›" wrapped apart from ${sep.previousElementSibling.textContent}`);
        }
      }
      return { count: all.length, found };
    });
    paths = Math.max(paths, seen.count);
    bad.push(...seen.found.map((f) => `${width}px: ${f}`));
  }
  assert.ok(paths > 0, "the step shows a settings path");
  assert.deepEqual(bad, []);
  await context.close();
});

test("focus is visible: a 3 px outline with at least 3:1 contrast against what is around it", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, context } = await open(browser, server.url, { colorScheme });
    const w = new Widget(page);
    await w.waitForHeading("Which iOS");
    // The focused element's outline, and the background it is drawn on (the first ancestor
    // with one), as the browser computes them.
    const ring = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      const style = getComputedStyle(el);
      let bg = el.parentElement;
      while (bg && ["rgba(0, 0, 0, 0)", "transparent"].includes(getComputedStyle(bg).backgroundColor)) {
        bg = bg.parentElement ?? bg.getRootNode().host;
      }
      return {
        what: `${el.tagName.toLowerCase()}.${el.className}`,
        style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor,
        background: bg ? getComputedStyle(bg).backgroundColor : "rgb(255, 255, 255)",
      };
    });
    const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const luminance = (c) => {
      const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    // Tab to the first answer; then answer by keyboard, which focuses the next heading.
    await w.keyboardAnswer("iOS 26 or iOS 18");
    await w.waitForHeading("Is iMessage switched on?");
    // Focus moves to the heading at the frame that shows the step, which may come after it
    // is in the DOM (idle-time work, such as embed.js's rehearsal, can run in between).
    await w.focusedOnceFrameDrawn();
    const heading = await ring();
    await page.keyboard.press("Tab");
    const answer = await ring();
    for (const r of [heading, answer]) {
      assert.equal(r.style, "solid", `${colorScheme} ${r.what}`);
      assert.equal(r.width, "3px", `${colorScheme} ${r.what}`);
      assert.ok(contrast(r.color, r.background) >= 3, `${colorScheme} ${r.what}: ${r.color} on ${r.background}`);
    }
    assert.match(heading.what, /^h2\.sg-title/);
    assert.match(answer.what, /^button\.sg-answer/);
    await context.close();
  }
});

test("the progress bar's fill stands out from its track, in light and dark, and in forced colours", async () => {
  // Forced colours (Windows contrast themes) drop backgrounds, which are all a styled bar's
  // fill: without a rule of its own the bar showed empty at every step.
  const rgb = (d) => `rgb(${d[0]}, ${d[1]}, ${d[2]})`;
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  for (const colorScheme of ["light", "dark"]) {
    for (const forcedColors of ["none", "active"]) {
      const { page, context } = await open(browser, server.url, { colorScheme, viewport: { width: 390, height: 844 } });
      await page.emulateMedia({ forcedColors });
      const w = new Widget(page);
      await w.waitForHeading("Which iOS");
      await w.answer("iOS 26 or iOS 18");
      await w.answer("It's on");
      await w.waitForHeading("What does Send & Receive show?");
      const bar = w.host.locator(".sg-progress");
      const fraction = await bar.evaluate((p) => p.value / p.max);
      assert.ok(fraction > 0.1 && fraction < 0.9, String(fraction));
      const png = await bar.screenshot({ animations: "disabled" });
      // The middle row of the screenshot, halfway into the fill and halfway into the rest.
      const [fill, track] = await page.evaluate(async ({ bytes, fraction }) => {
        const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: "image/png" }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const g = canvas.getContext("2d");
        g.drawImage(image, 0, 0);
        const at = (x) => [...g.getImageData(Math.round(x), Math.floor(image.height / 2), 1, 1).data];
        return [at((image.width * fraction) / 2), at((image.width * (1 + fraction)) / 2)];
      }, { bytes: [...png], fraction });
      const what = `${colorScheme}, forced colours ${forcedColors}: fill ${rgb(fill)}, track ${rgb(track)}`;
      assert.ok(contrast(fill, track) >= 3, what);
      await context.close();
    }
  }
});

test("a link reopens the same step; back and forward move through steps; reload resumes", async () => {
  const { page, context } = await open(browser, server.url);
  const w = new Widget(page);
  await w.answer("iOS 26 or iOS 18");
  await w.answer("It's on");
  await w.waitForHeading("What does Send & Receive show?");
  // The link is rewritten once the step is painted: wait for it to carry the walk's state.
  const token = await page.locator("step-guide").evaluate((el) => el.state());
  await page.waitForFunction((t) => location.hash === "#sg=" + t, token);
  const link = page.url();
  assert.match(link, /#sg=[A-Za-z0-9_-]+$/);
  await page.goBack();
  await w.waitForHeading("Is iMessage switched on?");
  await page.goForward();
  await w.waitForHeading("What does Send & Receive show?");

  const other = await context.newPage();
  await other.goto(link);
  await new Widget(other).waitForHeading("What does Send & Receive show?");

  // A reload without the fragment offers to continue.
  const fresh = await context.newPage();
  await fresh.goto(server.url);
  const f = new Widget(fresh);
  await f.answer("Continue where you left off");
  await f.waitForHeading("What does Send & Receive show?");
  await context.close();
});

test("link-state taken off the element: the widget stops writing the walk into the link", async () => {
  const { page, context } = await open(browser, server.url);
  const w = new Widget(page);
  await w.answer("iOS 26 or iOS 18");
  await w.waitForHeading("Is iMessage switched on?");
  const token = await page.locator("step-guide").evaluate((el) => el.state());
  await page.waitForFunction((t) => location.hash === "#sg=" + t, token);
  const link = page.url();
  assert.match(link, /#sg=[A-Za-z0-9_-]+$/);
  await page.evaluate(() => document.querySelector("step-guide").removeAttribute("link-state"));
  // A new widget, which finds the walk kept in storage.
  await w.answer("Continue where you left off");
  await w.answer("It's on");
  await w.waitForHeading("What does Send & Receive show?");
  assert.equal(page.url(), link);
  await context.close();
});

for (const width of [360, 1280]) {
  for (const scheme of ["light", "dark"]) {
    test(`screenshots at ${width} px, ${scheme}; no horizontal scroll at 320 px`, async () => {
      const { page, context } = await open(browser, server.url, { viewport: { width, height: 900 }, colorScheme: scheme });
      const w = new Widget(page);
      await w.waitForHeading("Which iOS");
      await page.screenshot({ path: join(ARTIFACTS, `question-${width}-${scheme}.png`), fullPage: true });
      await w.answer("iOS 26");
      await w.answer("It's off");
      await w.waitForHeading("Switch iMessage on");
      await page.screenshot({ path: join(ARTIFACTS, `fix-${width}-${scheme}.png`), fullPage: true });
      assert.deepEqual(await axe(page), []);
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0);
      await context.close();
    });
  }
}

test("an invalid remote guide shows a clear error screen that passes axe", async () => {
  const bad = await serve({ root: DIST, routes: { "/bad.json": { body: '{"format": 1}' } } });
  const { page, context } = await open(browser, null);
  await page.goto(bad.url);
  await page.evaluate(() => {
    const el = document.querySelector("step-guide");
    el.removeAttribute("link-state");
    el.setAttribute("src", "/bad.json");
  });
  const w = new Widget(page);
  await w.host.locator(".sg-error").waitFor();
  assert.match(await w.host.locator(".sg-error-message").textContent(), /^the guide could not be read: line 1, column 13: missing field `id`$/);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(ARTIFACTS, "error.png") });
  await context.close();
  await bad.close();
});

test("offline after the first load: a reload with the network cut still shows the guide", async () => {
  const { page, context } = await open(browser, server.url);
  const w = new Widget(page);
  await w.waitForHeading("Which iOS");
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready;
    return Boolean(reg.active) && Boolean(navigator.serviceWorker.controller);
  });
  await w.answer("iOS 26");
  await w.waitForHeading("Is iMessage switched on?");
  // Kept as used: the build this English reader ran, and not the one with the reader.
  await waitUntilKept(page, /\/stepguide-lite-[0-9a-f]+(_bg\.wasm|\.js)$/, 2);
  const kept = (await keptPaths(page)).filter((p) => /\.(wasm|json)$/.test(p));
  assert.ok(kept.length === 1 && /^\/stepguide-lite-[0-9a-f]+_bg\.wasm$/.test(kept[0]), kept.join(" "));
  await context.setOffline(true);
  await page.reload();
  await w.waitForHeading("Is iMessage switched on?");
  await context.setOffline(false);
  await context.close();
});

test("with storage blocked (a sandboxed iframe) the guide still works, without persistence", async () => {
  const host = await serve({
    root: DIST,
    cors: true,
    routes: {
      "/frame.html": {
        type: "text/html",
        body: `<!doctype html><html><head><title>frame</title><script type="module" src="embed.js"></script></head>
<body><step-guide></step-guide></body></html>`,
      },
      "/outer.html": { type: "text/html", body: '<!doctype html><title>outer</title><iframe sandbox="allow-scripts" src="/frame.html" width="600" height="800"></iframe>' },
    },
  });
  const { page, problems, context } = await open(browser, host.url.replace(/\/$/, "") + "/outer.html");
  const frame = page.frameLocator("iframe");
  const heading = frame.locator("step-guide .sg-card .sg-title");
  await heading.filter({ hasText: "Which iOS" }).waitFor();
  assert.equal(await page.frames()[1].evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), "SecurityError");
  await frame.getByRole("button", { name: "iOS 26" }).click();
  await heading.filter({ hasText: "Is iMessage switched on?" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
  await host.close();
});

test("saved progress from an older version of the guide: said so, and a fresh start", async () => {
  const { page, context } = await open(browser, server.url);
  const w = new Widget(page);
  await w.answer("iOS 26");
  await w.waitForHeading("Is iMessage switched on?");
  // Change the guide hash inside the saved token, as a new guide version would.
  await page.evaluate(() => {
    const key = "stepguide:imessage-signed-out";
    // Stored as "<seconds>.<token>"; the token's third character is in the hash.
    const [time, t] = localStorage.getItem(key).split(".");
    localStorage.setItem(key, `${time}.${t.slice(0, 2)}${t[2] === "A" ? "B" : "A"}${t.slice(3)}`);
  });
  await page.goto(server.url.replace(/\/$/, "") + "/index.html");
  await w.host.getByRole("status").filter({ hasText: "This guide has been updated since your last visit" }).waitFor();
  assert.equal(await w.heading().textContent(), "Which iOS is on your iPhone?");
  assert.equal(await w.button("Continue where you left off").count(), 0);
  await context.close();
});

test("Send & Receive: each answer people see leads to its own next step", async () => {
  const { page, problems, context } = await open(browser, server.url);
  const w = new Widget(page);
  await w.answer("iOS 26 or iOS 18");
  await w.answer("It's on");
  await w.waitForHeading("What does Send & Receive show?");
  const expected = [
    ["“Waiting for activation…”", "How long has it been waiting?"],
    ["“Activation unsuccessful”", "Can your line send text messages?"],
    ["Only an email address", "Did your SIM or number change lately?"],
    ["My number, but greyed out", "Wake up your number's activation"],
    ["My number or email, not ticked", "Tick your number and email"],
    ["Nothing, or “No Addresses”", "Sign in to iMessage"],
    ["My number, ticked", "Is your internet working?"],
  ];
  const seen = new Set();
  for (const [answer, heading] of expected) {
    await w.answer(answer);
    await w.waitForHeading(heading);
    seen.add(await w.node());
    await w.button("Back").click();
    await w.waitForHeading("What does Send & Receive show?");
  }
  assert.equal(seen.size, expected.length);
  assert.equal(await w.host.locator(".sg-card .sg-answer").count(), expected.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a waiting outcome, reopened later, checks again from where it stood", async () => {
  const { page, problems, context } = await open(browser, server.url);
  const w = new Widget(page);
  for (const a of ["iOS 26 or iOS 18", "It's on", "“Waiting for activation…”", "Less than a day"]) await w.answer(a);
  await w.waitForHeading("Give activation up to a day");
  assert.equal(await w.host.locator(".sg-outcome").getAttribute("data-outcome"), "waiting");
  // Later: the page opened again without its link, as from a bookmark or a new tab.
  const later = await context.newPage();
  await later.goto(server.url);
  const l = new Widget(later);
  await l.answer("Continue where you left off");
  await l.waitForHeading("Give activation up to a day");
  await l.answer("Check again");
  await l.waitForHeading("How long has it been waiting?");
  assert.equal(await l.focusedOnceFrameDrawn(), "h2.sg-title: How long has it been waiting?");
  await l.host.locator(".sg-history li").nth(2).waitFor(); // listed once the step is painted
  assert.equal(await l.host.locator(".sg-history li").count(), 3);
  // The same for Apple's status: yellow or red waits, and checking again asks again.
  await l.button("Back").click();
  await l.waitForHeading("What does Send & Receive show?");
  await l.answer("My number, ticked");
  await l.answer("Yes, pages load");
  await l.answer("Yellow or red");
  await l.waitForHeading("Apple is having trouble with iMessage");
  await l.answer("Check again");
  await l.waitForHeading("Is iMessage down at Apple?");
  assert.deepEqual(problems, []);
  await context.close();
});
