// The standalone page works offline after its first load: a person restarting a phone or
// losing the network mid-walk can still reload the guide. Host pages embedding the widget
// decide about service workers themselves, so only index.html includes this file.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch(() => {
    // Without a service worker the page still works online; nothing to tell the person.
  });
}
