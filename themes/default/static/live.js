// attune serve: reloads the page after each successful rebuild, keeping your place,
// and shows build errors over the page until they are fixed. Served only by
// `attune serve`; never written into a built site.
(function () {
  "use strict";
  var key = "attune-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var restore = function () { window.scrollTo(0, +saved); };
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  }
  // The build this page was served from; a rebuild that ends before the first poll
  // answers still reloads it. Without it, the first poll's build is taken as the page's.
  var script = document.currentScript;
  var build = script && script.getAttribute("data-build") !== null ? +script.getAttribute("data-build") : null;
  var overlay = null;

  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "attune-error-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:1rem;z-index:2147483647;overflow:auto;background:#1b1b1f;color:#f4f4f4;" +
        "border:3px solid #d13438;border-radius:8px;padding:1rem 1.25rem;font:14px/1.5 ui-monospace,monospace;box-shadow:0 8px 40px rgb(0 0 0/.5)";
      var title = document.createElement("p");
      title.style.cssText = "margin:0 0 .75rem;font:600 16px system-ui,sans-serif;color:#ff8a8d";
      title.textContent = "The last change did not build. The page below is the last good build; fix the error and save.";
      var pre = document.createElement("pre");
      pre.style.cssText = "margin:0;white-space:pre-wrap";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = text;
  }

  // A long poll: the server answers at once the first time, then only when a rebuild
  // ends (or after a while with nothing new), so no request is made in between.
  var version = null;
  var failures = 0;
  function poll() {
    var query = version === null ? "" : "?seen=" + version;
    fetch("/__attune/status" + query, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        failures = 0;
        version = status.version;
        if (status.errors) {
          show(status.errors);
        } else if (overlay) {
          overlay.remove();
          overlay = null;
        }
        if (build !== null && status.build !== build) {
          sessionStorage.setItem(key, String(window.scrollY));
          location.reload();
          return false;
        }
        build = status.build;
        return true;
      }, function () {
        // Server restarting: try again, more slowly each time (at most every 5 s).
        failures += 1;
        return new Promise(function (ok) { setTimeout(function () { ok(true); }, Math.min(5000, 200 * failures)); });
      })
      .then(function (again) { if (again) poll(); });
  }
  poll();
})();
