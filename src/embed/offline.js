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
  }
}
