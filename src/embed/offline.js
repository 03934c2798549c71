// The standalone page works offline after its first load: a person restarting a phone or
// losing the network mid-walk can still reload the guide. Host pages embedding the widget
// decide about service workers themselves, so only index.html includes this file.
if ("serviceWorker" in navigator) {
  // Under a Trusted Types policy (require-trusted-types-for 'script') the worker's URL must be
  // a TrustedScriptURL: a policy that allows this one file and nothing else. A page whose
  // policy does not allow the name "stepguide" goes without offline support.
  let url = "./sw.js";
  try {
    if (window.trustedTypes) {
      url = trustedTypes.createPolicy("stepguide", {
        createScriptURL: (u) => (u === "./sw.js" ? u : null),
      }).createScriptURL(url);
    }
  } catch {
    url = null;
  }
  if (url) {
    navigator.serviceWorker.register(url).catch(() => {
      // Without a service worker the page still works online; nothing to tell the person.
    });
    // The files this load fetched before the worker was active, for it to keep those a reader
    // in another language needs offline (it ignores the rest). Sent again once the widget is
    // ready, by when the guide's files have arrived too.
    const tell = () => navigator.serviceWorker.ready.then((reg) => reg.active &&
      reg.active.postMessage({ loaded: performance.getEntriesByType("resource").map((e) => e.name) }));
    tell();
    document.addEventListener("stepguide:ready", tell, { once: true });
  }
}
