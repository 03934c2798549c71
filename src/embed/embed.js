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

const RESTART_ON = ["src", "persist", "lang", "link-state"];

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
  const show = () => { root.hidden = false; };
  link.addEventListener("load", show);
  link.addEventListener("error", show);
  return [link];
}

class StepGuideElement extends HTMLElement {
  static get observedAttributes() { return [...RESTART_ON, "theme"]; }

  #widget = null;
  #prefetch = null;
  // Commands made before the widget is ready, kept as what they add up to: the last
  // restart() or resume(), each of which makes the calls before it moot, and how many
  // back() calls came after it. So a page that calls them in a loop while the wasm loads
  // holds two fields, not a list.
  #pending = { reset: null, backs: 0 };
  #generation = 0;
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
    // theme is pure CSS (:host([theme])); the others need a new widget.
    if (before === after || !RESTART_ON.includes(name)) return;
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
    else if (name === "back") this.#pending.backs++;
    else this.#pending = { reset: [name, args], backs: 0 };
  }

  async #mount() {
    const generation = ++this.#generation;
    this.#mounted = true;
    this.#failed = false;
    let mod;
    const src = this.getAttribute("src");
    const remote = Boolean(src && src.trim());
    // Ask for the guide now, while the wasm loads, rather than after it: one round trip less.
    // The widget takes the request over (its time limit aborts it through this controller).
    let prefetch = null;
    if (remote) {
      const controller = new AbortController();
      prefetch = { response: fetch(src, { signal: controller.signal }), controller };
      prefetch.response.catch(() => {}); // the widget reports a failure
      this.#prefetch = controller;
    }
    try {
      mod = await load(remote ? "reader" : "bundled");
    } catch (error) {
      if (generation === this.#generation) this.#fail(`the widget could not be loaded: ${reason(error)}`);
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    try {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      const root = document.createElement("div");
      root.className = "sg-mount";
      shadow.replaceChildren(...styles(shadow, root), root);
      this.#widget = new mod.Widget(
        this,
        root,
        src,
        this.getAttribute("persist") !== "off",
        this.hasAttribute("link-state"),
        this.getAttribute("lang"),
        prefetch?.response ?? null,
        prefetch?.controller ?? null,
      );
    } catch (error) {
      this.#fail(`the widget could not be shown: ${reason(error)}`);
      return;
    }
    const { reset, backs } = this.#pending;
    this.#pending = { reset: null, backs: 0 };
    if (reset) this.#widget[reset[0]](...reset[1]);
    for (let i = 0; i < backs; i++) this.#widget.back();
  }

  // Shows the host's fallback content and tells the page why. Before the first widget there is
  // no shadow root and the fallback is on show; after one, the shadow root would hide it for
  // good, so a slot shows it again.
  #fail(message) {
    // Nothing will read the guide or carry out the commands waiting for this widget; a later
    // mount (a changed attribute) starts afresh rather than replaying them on another guide.
    this.#failed = true;
    this.#pending = { reset: null, backs: 0 };
    this.#prefetch?.abort();
    this.#prefetch = null;
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
    this.#prefetch?.abort();
    this.#prefetch = null;
    if (this.#widget) {
      this.#widget.destroy();
      this.#widget.free();
      this.#widget = null;
    }
    this.shadowRoot?.replaceChildren();
  }
}

if (!customElements.get("step-guide")) customElements.define("step-guide", StepGuideElement);
