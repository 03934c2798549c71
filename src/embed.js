// stepguide embed: defines the <step-guide> element. A host page needs only
//   <script type="module" src="https://…/embed.js"></script>
//   <step-guide></step-guide>
// scripts/build fills in the names of the hashed files that sit beside this one.
const GLUE = "__STEPGUIDE_GLUE__";
const WASM = "__STEPGUIDE_WASM__";

let loading = null;
let sheet = null;

// Loads the wasm once for every element on the page.
function load() {
  if (!loading) {
    // Fetch the wasm while the glue loads, rather than after it: one round trip less.
    const wasm = fetch(new URL(WASM, import.meta.url));
    wasm.catch(() => {}); // a failure is reported through the import chain below
    loading = import(new URL(GLUE, import.meta.url).href).then(async (mod) => {
      await mod.default({ module_or_path: wasm });
      return mod;
    });
    // Let a later element try again after a failed load (for example, back online).
    loading.catch(() => { loading = null; });
  }
  return loading;
}

const RESTART_ON = ["src", "persist", "lang"];

class StepGuideElement extends HTMLElement {
  static get observedAttributes() { return [...RESTART_ON, "theme"]; }

  #widget = null;
  #queue = [];
  #generation = 0;

  connectedCallback() { this.#mount(); }

  disconnectedCallback() { this.#unmount(); }

  attributeChangedCallback(name, before, after) {
    // theme is pure CSS (:host([theme])); the others need a new widget.
    if (before === after || !this.isConnected || !RESTART_ON.includes(name)) return;
    this.#unmount();
    this.#mount();
  }

  /** Goes back one step. Calls made before the widget is ready are queued. */
  back() { this.#call("back"); }

  /** Starts the guide over. */
  restart() { this.#call("restart"); }

  /** Goes to the state in a token from state(). */
  resume(token) { this.#call("resume", String(token)); }

  /** The resume token of the current state, or null while loading. */
  state() { return this.#widget ? (this.#widget.state() ?? null) : null; }

  #call(name, ...args) {
    if (this.#widget) this.#widget[name](...args);
    else this.#queue.push([name, args]);
  }

  async #mount() {
    const generation = ++this.#generation;
    let mod;
    try {
      mod = await load();
    } catch (error) {
      // The host's fallback content stays visible; tell the page why.
      this.dispatchEvent(new CustomEvent("stepguide:error", {
        bubbles: true, composed: true,
        detail: { kind: "load", message: `the widget could not be loaded: ${error && error.message ? error.message : error}` },
      }));
      return;
    }
    if (generation !== this.#generation || !this.isConnected) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(mod.stylesheet());
    }
    shadow.adoptedStyleSheets = [sheet];
    const root = document.createElement("div");
    root.className = "sg-mount";
    shadow.replaceChildren(root);
    this.#widget = new mod.Widget(
      this,
      root,
      this.getAttribute("src"),
      this.getAttribute("persist") !== "off",
      this.hasAttribute("link-state"),
      this.getAttribute("lang"),
    );
    for (const [name, args] of this.#queue.splice(0)) this.#widget[name](...args);
  }

  #unmount() {
    this.#generation++;
    if (this.#widget) {
      this.#widget.destroy();
      this.#widget.free();
      this.#widget = null;
    }
    this.shadowRoot?.replaceChildren();
  }
}

if (!customElements.get("step-guide")) customElements.define("step-guide", StepGuideElement);
