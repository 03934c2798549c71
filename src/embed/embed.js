// stepguide embed: defines the <step-guide> element. A host page needs only
//   <script type="module" src="https://…/embed.js"></script>
//   <step-guide></step-guide>
// scripts/build fills in the names of the hashed files that sit beside this one.

// Two builds of the widget: with the guide reader, for an element with a `src`, and without
// it, for one showing the bundled guide, which was read and checked when the widget was built
// (about a quarter fewer bytes). Each is loaded once for every element on the page that needs it.
const BUILDS = {
  reader: { glue: "__STEPGUIDE_GLUE__", wasm: "__STEPGUIDE_WASM__" },
  bundled: { glue: "__STEPGUIDE_LITE_GLUE__", wasm: "__STEPGUIDE_LITE_WASM__" },
};

// The widget's stylesheet (styles/stepguide.css, minified): as text, adopted into each shadow
// root before any wasm has loaded; and as a file, for browsers without constructable
// stylesheets.
const STYLESHEET_TEXT = "__STEPGUIDE_CSS_TEXT__";
const STYLESHEET_FILE = "__STEPGUIDE_CSS__";

// The first screens, rendered when the widget was built from its own components (see
// src/ui/prerender.rs), shown the moment an element is on the page, before any wasm has
// loaded: { guide, screens, start, loading, ios, waiting, ... }, each screen an element tree.
// The same first steps in the other languages it speaks are in first/<lang>.json, one file
// for each language in FIRST.localized, as { screens, start, ios, waiting }, for a host page
// in that language (the standalone page and dist/first-screen.html have them in their HTML).
const FIRST = "__STEPGUIDE_FIRST__";

// The bundled guide's file and its translations, and the catalogues of interface words, in
// directories beside this file. A page in another language than the bundled guide's loads the
// build with a reader, which reads them.
const GUIDE_FILE = "__STEPGUIDE_GUIDE_FILE__";
const WORDS_DIR = new URL("words/", import.meta.url).href;

const primary = (tag) => tag.trim().split(/[-_]/)[0].toLowerCase();

// The closest of `tags` to the language `tag`, as the widget negotiates (src/words/lang.rs):
// the tag itself, else with its last subtag dropped, and so on (es-MX gets es); else none.
function closest(tag, tags) {
  let t = tag.trim().replace(/_/g, "-").toLowerCase();
  for (;;) {
    const found = tags.find((x) => x.toLowerCase() === t);
    if (found || !t.includes("-")) return found;
    t = t.slice(0, t.lastIndexOf("-"));
  }
}

// The language asked of an element: its own `lang` or its nearest ancestor's, up to the
// page's <html lang>; else the first of the browser's languages there are words or a guide
// translation for; else none (the guide's own). The widget narrows it to the closest it
// has (es-MX gets es).
function wantedLang(el) {
  const marked = el.closest("[lang]");
  const given = marked && marked.getAttribute("lang").trim();
  if (given) return given;
  const known = new Set([...FIRST.interface, ...FIRST.langs].map(primary));
  for (const tag of navigator.languages || [navigator.language || ""]) {
    if (tag && known.has(primary(tag))) return tag;
  }
  return null;
}

// The host's words for the element's `words` attribute, a JSON object of name to text, as
// the pairs the widget takes; a problem is the error to report.
function hostWords(el) {
  const text = el.getAttribute("words");
  if (!text) return { pairs: null, problem: null };
  try {
    const given = JSON.parse(text);
    if (!given || typeof given !== "object" || Array.isArray(given)) throw new Error("not an object");
    const parts = Object.entries(given).flatMap(([k, v]) => [k, String(v)]);
    // The widget takes the parts each ended by a NUL (src/embed/mod.rs).
    if (parts.some((p) => p.includes("\0"))) throw new Error("a word holds a NUL character");
    return { pairs: parts.map((p) => p + "\0").join(""), problem: null };
  } catch (error) {
    return { pairs: null, problem: `the words attribute is not a JSON object of words: ${reason(error)}` };
  }
}

// An element tree from FIRST as DOM: [tag, [name, value, ...], ...children], text as strings.
function build(node) {
  if (typeof node === "string") return document.createTextNode(node);
  const [tag, attrs, ...children] = node;
  const el = document.createElement(tag);
  for (let i = 0; i < attrs.length; i += 2) el.setAttribute(attrs[i], attrs[i + 1]);
  for (const child of children) el.append(build(child));
  return el;
}

// The iOS major version in a user-agent string, read as src/walk/detect.rs reads it.
function iosMajor(ua) {
  let at = ua.indexOf("iPhone OS ");
  if (at >= 0) at += 10;
  else if (ua.includes("iPad")) {
    at = ua.indexOf("CPU OS ");
    if (at >= 0) at += 7;
  }
  const digits = at >= 0 ? /^[0-9]*/.exec(ua.slice(at))[0] : "";
  const v = digits ? Number(digits) : 0;
  return v >= 1 && v < 100 ? v : null;
}

// Where focus is in `from` (inside `shadow`), as a function that puts it on the same control
// in a screen that looks the same: focus is kept across each swap of screens.
function keepFocus(shadow, from) {
  const focusable = (root) => [...root.querySelectorAll("button, a[href], [tabindex]")];
  const at = from ? focusable(from).indexOf(shadow.activeElement) : -1;
  return (to) => { if (at >= 0) focusable(to)[at]?.focus({ preventScroll: true }); };
}

const loading = {};
let sheet = null;

function load(which) {
  if (!loading[which]) {
    const { glue, wasm } = BUILDS[which];
    // Fetch the wasm while the glue loads, rather than after it: one round trip less.
    const bytes = fetch(new URL(wasm, import.meta.url));
    bytes.catch(() => {}); // a failure is reported through the import chain below
    loading[which] = import(new URL(glue, import.meta.url).href).then(async (mod) => {
      await mod.default({ module_or_path: bytes });
      return mod;
    });
    // Let a later element try again after a failed load (for example, back online).
    loading[which].catch(() => { loading[which] = null; });
  }
  return loading[which];
}

// The first tap on a step costs about twice the later ones on a phone: V8 compiles each wasm
// function the first time it runs, and the first step change runs most of the widget's code
// for the first time (Slow 4G + 4x CPU: a first answer's handlers 15.8 ms, 8.0 with every
// function compiled at load, 6.4 for the same answer again; medians of 7). So once a page's
// first widget of a build is ready, a rehearsal widget off the page, in English, not kept,
// takes its first step's first answer while the person reads, and is taken down. Its events
// go to an element on no page; it reads and writes no storage, no URL and no network.
const rehearsed = {};
function rehearse(mod, which) {
  if (rehearsed[which]) return;
  rehearsed[which] = true;
  // Each part in a task of its own when the page is idle, so a tap in between waits little.
  const idle = (work) => (window.requestIdleCallback ? requestIdleCallback(work, { timeout: 3000 }) : setTimeout(work, 300));
  idle(() => {
    const root = document.createElement("div");
    let widget;
    try {
      widget = new mod.Widget(document.createElement("div"), root, null, false, false, "en", WORDS_DIR, null, null, null);
    } catch {
      return;
    }
    idle(() => {
      // A click, as a tap arrives: through the widget's own listener.
      root.querySelector("button.sg-answer")?.click();
      idle(() => { widget.destroy(); widget.free(); });
    });
  });
}

const RESTART_ON = ["src", "persist", "lang", "link-state", "words"];

const reason = (error) => (error && error.message ? error.message : String(error));

// Constructable stylesheets: one sheet adopted by every widget on the page, which a page's
// style-src policy does not govern. Safari has them from 16.4.
function adoptable() {
  return "adoptedStyleSheets" in ShadowRoot.prototype && "replaceSync" in CSSStyleSheet.prototype;
}

// Styles `shadow`, and returns what to put in it before the widget's `root`. Without
// constructable stylesheets, a <link> to the stylesheet's file (a strict style-src policy
// blocks a <style> element, not a file from an allowed origin); `root` stays hidden until it
// has loaded, so the widget never shows unstyled.
function styles(shadow, root) {
  if (adoptable()) {
    if (!sheet) {
      const made = new CSSStyleSheet();
      made.replaceSync(STYLESHEET_TEXT);
      sheet = made;
    }
    shadow.adoptedStyleSheets = [sheet];
    return [];
  }
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL(STYLESHEET_FILE, import.meta.url).href;
  root.hidden = true;
  const show = () => { link.dataset.done = ""; root.hidden = false; };
  link.addEventListener("load", show);
  link.addEventListener("error", show);
  return [link];
}

class StepGuideElement extends HTMLElement {
  static get observedAttributes() { return [...RESTART_ON, "theme"]; }

  #widget = null;
  #prefetch = [];
  // Commands made before the widget is ready, kept as what they add up to: the last
  // restart() or resume(), each of which makes the calls before it moot, and how many
  // back() calls came after it. So a page that calls them in a loop while the wasm loads
  // holds two fields, not a list.
  #pending = { reset: null, backs: 0 };
  #generation = 0;
  // The first screen on show while the wasm loads: { root, live, choice, buttons, waiting,
  // locked }. `live` when it is the step the widget will show (else it is the neutral loading
  // screen); `choice` the index of an answer clicked on it, carried out once the widget is
  // ready; `waiting` what the live region then says; `locked` once a command has made the
  // first step moot, so that no first screen in the page's language replaces the neutral one.
  #first = null;
  // Set when this mount failed: no widget is coming until the element is mounted again.
  #failed = false;

  // True from a mount until the unmount: a widget is shown, or on its way.
  #mounted = false;

  connectedCallback() {
    // Moved within the page (taken out and put back in one go, as a page does when it moves
    // the element into a dialog or another column): the widget goes on where it was.
    if (!this.#mounted) this.#mount();
  }

  disconnectedCallback() {
    // Unmounts once the moving code has run, unless the element is back on the page by then.
    queueMicrotask(() => { if (!this.isConnected) this.#unmount(); });
  }

  attributeChangedCallback(name, before, after) {
    // theme is pure CSS (:host([theme])); the others need a new widget. Before the first
    // mount (the calls for the attributes an element has when it is defined) there is none
    // to replace: connectedCallback mounts once, with them all.
    if (before === after || !RESTART_ON.includes(name) || !this.#mounted) return;
    this.#unmount();
    if (this.isConnected) this.#mount();
  }

  /**
   * Goes back one step. Calls made before the widget is ready are queued; calls made after it
   * failed to load are dropped.
   */
  back() { this.#call("back"); }

  /** Starts the guide over. */
  restart() { this.#call("restart"); }

  /** Goes to the state in a token from state(). */
  resume(token) { this.#call("resume", String(token)); }

  /** The resume token of the current state, or null while loading. */
  state() { return this.#widget ? (this.#widget.state() ?? null) : null; }

  #call(name, ...args) {
    if (this.#widget) this.#widget[name](...args);
    else if (this.#failed) return;
    else {
      if (name === "back") this.#pending.backs++;
      else this.#pending = { reset: [name, args], backs: 0 };
      // The widget will not open on the first step now: the first screen turns neutral.
      this.#neutral();
    }
  }

  // The first screen of `set` (FIRST, or a language's from first/) this element shows
  // before the wasm: the step the widget will open on, where that can be known now; else
  // null, for the neutral loading screen (a walk saved or given in the URL, which the widget
  // reads).
  #firstScreen(set) {
    if (this.hasAttribute("link-state") && location.hash.includes("sg=")) return null;
    if (this.getAttribute("persist") !== "off") {
      try {
        if (localStorage.getItem(`stepguide:${FIRST.guide}`) !== null) return null;
      } catch {
        // Storage blocked: the widget finds no saved walk either.
      }
    }
    const v = iosMajor(navigator.userAgent);
    let screen = set.start;
    for (const [from, at] of set.ios) if (v !== null && v >= from) screen = at;
    return set.screens[screen];
  }

  // Puts `screen` (an element tree, a node to copy, or null for the neutral one) in the first
  // screen's place; `waiting` is what its live region says once an answer is taken.
  #show(screen, waiting) {
    const first = this.#first;
    first.root.replaceChildren(screen instanceof Node ? screen.cloneNode(true) : build(screen ?? FIRST.screens[FIRST.loading]));
    first.live = screen !== null;
    first.choice = null;
    first.waiting = waiting;
    first.buttons = [...first.root.querySelectorAll("button.sg-answer")];
  }

  // An answer taken on the first screen: the button shows it was pressed, the live region
  // says the guide is on its way, and the widget carries the answer out once it is ready.
  #take(button) {
    const first = this.#first;
    first.choice = first.buttons.indexOf(button);
    for (const b of first.buttons) {
      if (b === button) b.setAttribute("aria-busy", "true");
      else b.removeAttribute("aria-busy");
    }
    const said = first.root.querySelector("[aria-live]");
    if (said) said.textContent = first.waiting;
  }

  #neutral() {
    const first = this.#first;
    if (!first) return;
    first.locked = true;
    if (first.live) this.#show(null);
  }

  // The first screens in the page's language have arrived (`set`, from first/): shown in the
  // neutral screen's place, unless the widget has taken over or will open elsewhere.
  #localize(set) {
    const first = this.#first;
    if (!first || first.live || first.locked) return;
    const screen = this.#firstScreen(set);
    if (screen) this.#show(screen, set.waiting);
  }

  // Shows `screen` (as #show takes it) in `shadow` at once, taking a click on its answers.
  #showFirst(shadow, screen, waiting = FIRST.waiting) {
    const root = document.createElement("div");
    root.className = "sg-mount";
    // Commands called before the element was on the page make the first step moot too.
    const first = { root, locked: Boolean(this.#pending.reset || this.#pending.backs) };
    root.addEventListener("click", (event) => {
      const button = first.live && event.target.closest && event.target.closest("button.sg-answer");
      if (button) this.#take(button);
    });
    this.#first = first;
    this.#show(first.locked ? null : screen, waiting);
    // The standalone page has its first screen in its HTML already (scripts/postbuild.mjs): an
    // answer tapped on it, and focus, carry over to this one, which looks the same.
    const refocus = keepFocus(shadow, shadow.querySelector(".sg-mount:not([hidden])"));
    const early = this.dataset.sgEarly;
    delete this.dataset.sgEarly;
    shadow.replaceChildren(...styles(shadow, root), root);
    const tapped = first.buttons[Number(early)];
    if (first.live && early !== undefined && tapped) this.#take(tapped);
    refocus(root);
  }

  // The live widget's root has rendered: it takes the first screen's place in one go (no
  // paint in between), with focus on the same control if the person had moved it there.
  #swap(shadow, root) {
    const first = this.#first;
    if (!first) return;
    this.#first = null;
    const refocus = keepFocus(shadow, first.root);
    // Without constructable stylesheets, shown once the linked stylesheet is in.
    const link = shadow.querySelector("link[rel=stylesheet]");
    if (link && !("done" in link.dataset)) {
      const show = () => { root.hidden = false; };
      link.addEventListener("load", show);
      link.addEventListener("error", show);
    } else {
      root.hidden = false;
    }
    first.root.remove();
    refocus(root);
    return first;
  }

  async #mount() {
    const generation = ++this.#generation;
    this.#mounted = true;
    this.#failed = false;
    let mod;
    const given = this.getAttribute("src");
    const lang = wantedLang(this);
    // The bundled guide in another language is read from its files, by the build with a reader.
    const translated = lang !== null && primary(lang) !== primary(FIRST.langs[0]);
    const src = given && given.trim() ? given : translated ? new URL(GUIDE_FILE, import.meta.url).href : null;
    const remote = Boolean(src);
    // The page's HTML may show this language's first step already (the standalone page, or a
    // host's copy of dist/first-screen.html): kept, as it is what the live widget will draw.
    const drawn = translated && src !== given ? this.shadowRoot?.querySelector(".sg-mount:not([hidden])[data-waiting]") : null;
    // The build first: ready waits on its transfer, so it starts before the first screen is
    // built (tens of milliseconds on a slow phone), not after.
    const loaded = load(remote ? "reader" : "bundled");
    let shadow;
    try {
      shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      // A page in another language than the bundled guide's reads it as a `src`: the first
      // screens in the guide's language are never shown there.
      if (drawn) this.#showFirst(shadow, drawn.firstElementChild, drawn.dataset.waiting);
      else this.#showFirst(shadow, remote ? null : this.#firstScreen(FIRST));
    } catch (error) {
      this.#fail(`the widget could not be shown: ${reason(error)}`);
      return;
    }
    // The bundled guide in another language: its first screens in that language, asked for
    // first, are shown if they arrive before the widget does (a round trip, against the
    // build with the reader's transfer).
    const localized = !drawn && translated && src !== given && closest(lang, FIRST.localized);
    if (localized) {
      fetch(new URL(`first/${localized}.json`, import.meta.url))
        .then((r) => (r.ok ? r.json() : null))
        .then((set) => { if (set && generation === this.#generation) this.#localize(set); })
        .catch(() => {}); // the neutral screen stays until the widget is there
    }
    // Ask for the guide now, while the wasm loads, rather than after it: one round trip less.
    // The widget takes the request over (its time limit aborts it through this controller).
    const ask = (url) => {
      const controller = new AbortController();
      const request = { url, response: fetch(url, { signal: controller.signal }), controller };
      request.response.catch(() => {}); // the widget reports a failure
      this.#prefetch.push(controller);
      return request;
    };
    const prefetch = remote ? ask(src) : null;
    // The files the widget would ask for only once it has read the guide or rendered, asked
    // for now: the bundled guide's translation and the interface words (English's are
    // compiled in), each the closest to the language, as the widget will pick them.
    const asked = [];
    const translation = translated && closest(lang, FIRST.langs.slice(1));
    if (translation) asked.push(ask(src.replace(/\.json$/, `.${translation}.json`)));
    const interfaceLang = remote && lang !== null && closest(lang, FIRST.interface);
    if (interfaceLang && interfaceLang !== "en") asked.push(ask(`${WORDS_DIR}${interfaceLang}.json`));
    try {
      mod = await loaded;
    } catch (error) {
      if (generation === this.#generation) this.#fail(`the widget could not be loaded: ${reason(error)}`);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    // An answer clicked on the first screen is carried out once the walk is on screen and
    // listening ("ready"), which may come within the constructor below or after it.
    let early = null;
    let ready = false;
    const answer = () => {
      if (!ready || early === null || !this.#widget || generation !== this.#generation) return;
      const choice = early;
      early = null;
      this.#widget.answer(choice);
    };
    const onReady = (event) => {
      if (event.target !== this) return;
      this.removeEventListener("stepguide:ready", onReady);
      ready = true;
      // After the event has reached the page: a host hears "ready" before the answer.
      queueMicrotask(answer);
      rehearse(mod, remote ? "reader" : "bundled");
    };
    this.addEventListener("stepguide:ready", onReady);
    const words = hostWords(this);
    if (words.problem) {
      this.dispatchEvent(new CustomEvent("stepguide:error", {
        bubbles: true, composed: true, detail: { kind: "words", message: words.problem },
      }));
    }
    try {
      const root = document.createElement("div");
      root.className = "sg-mount";
      root.hidden = true;
      shadow.append(root);
      // The live widget replaces the first screen at its first render (within the
      // constructor or in a later task: either way before the next paint), or, where the
      // first screen shows the first step and the widget still has its guide or words to
      // read (a page in another language), at its first render past loading.
      const rendered = new MutationObserver(() => {
        if (this.#first?.live && root.querySelector(".sg-loading")) return;
        rendered.disconnect();
        const first = this.#swap(shadow, root);
        if (first && first.live) early = first.choice;
        answer();
      });
      rendered.observe(root, { childList: true, subtree: true });
      for (const e of asked) mod.Widget.started_early(e.url, e.response, e.controller);
      this.#widget = new mod.Widget(
        this,
        root,
        src,
        this.getAttribute("persist") !== "off",
        this.hasAttribute("link-state"),
        lang,
        WORDS_DIR,
        words.pairs,
        prefetch?.response ?? null,
        prefetch?.controller ?? null,
      );
    } catch (error) {
      this.removeEventListener("stepguide:ready", onReady);
      this.#fail(`the widget could not be shown: ${reason(error)}`);
      return;
    }
    answer();
    const { reset, backs } = this.#pending;
    this.#pending = { reset: null, backs: 0 };
    if (reset) this.#widget[reset[0]](...reset[1]);
    for (let i = 0; i < backs; i++) this.#widget.back();
  }

  // Shows the host's fallback content and tells the page why: the shadow root (with the first
  // screen in it) would hide it for good, so a slot shows it again.
  #fail(message) {
    this.#first = null;
    // Nothing will read the guide or carry out the commands waiting for this widget; a later
    // mount (a changed attribute) starts afresh rather than replaying them on another guide.
    this.#failed = true;
    this.#pending = { reset: null, backs: 0 };
    for (const c of this.#prefetch) c.abort();
    this.#prefetch = [];
    if (this.shadowRoot) {
      if (adoptable()) this.shadowRoot.adoptedStyleSheets = [];
      this.shadowRoot.replaceChildren(document.createElement("slot"));
    }
    this.dispatchEvent(new CustomEvent("stepguide:error", {
      bubbles: true, composed: true, detail: { kind: "load", message },
    }));
  }

  #unmount() {
    this.#generation++;
    this.#mounted = false;
    this.#failed = false;
    // A guide request for this mount that is still under way is not needed any more.
    for (const c of this.#prefetch) c.abort();
    this.#prefetch = [];
    if (this.#widget) {
      this.#widget.destroy();
      this.#widget.free();
      this.#widget = null;
    }
    this.#first = null;
    this.shadowRoot?.replaceChildren();
  }
}

if (!customElements.get("step-guide")) customElements.define("step-guide", StepGuideElement);
