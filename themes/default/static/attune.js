// attune: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";

  // Redirect pages keep the #fragment of the old URL.
  var me = document.currentScript;
  if (me && me.dataset.redirect) {
    location.replace(me.dataset.redirect + location.hash);
    return;
  }

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var root = document.documentElement;

    // Light/dark toggle that remembers the choice.
    var toggle = document.querySelector(".theme-toggle");
    if (toggle) {
      var isDark = function () {
        var set = root.getAttribute("data-theme");
        if (set) return set === "dark";
        return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches;
      };
      var show = function () { toggle.setAttribute("aria-pressed", isDark() ? "true" : "false"); };
      toggle.hidden = false;
      show();
      toggle.addEventListener("click", function () {
        var next = isDark() ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try { localStorage.setItem("attune-theme", next); } catch (e) { /* not saved */ }
        show();
      });
    }

    // Copy-link controls: a plain link without JavaScript; with it, copy and confirm.
    // The confirmation lasts 2.5 s from the last copy: a second copy restarts it.
    var confirmations = new WeakMap();
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-copy-link]");
      if (!link || !navigator.clipboard || location.protocol === "file:") return;
      var url = new URL(link.getAttribute("href"), location.href).href;
      event.preventDefault();
      navigator.clipboard.writeText(url).then(function () {
        link.setAttribute("data-copied", "");
        announce("Link copied");
        clearTimeout(confirmations.get(link));
        confirmations.set(link, setTimeout(function () { link.removeAttribute("data-copied"); }, 2500));
      }, function () { location.href = url; });
    });

    var live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    live.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)";
    document.body.appendChild(live);
    function announce(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }

    // Print button.
    var print = document.querySelector(".print-page");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }

    // Quick exit: the button, and Shift pressed three times.
    var exitTo = document.body.getAttribute("data-quick-exit");
    if (exitTo) {
      var leave = function () { location.replace(exitTo); };
      var button = document.querySelector(".quick-exit");
      if (button) button.addEventListener("click", function (e) { e.preventDefault(); leave(); });
      var presses = [];
      document.addEventListener("keydown", function (e) {
        if (e.key !== "Shift" || e.repeat) return;
        var now = Date.now();
        presses = presses.filter(function (t) { return now - t < 1500; });
        presses.push(now);
        if (presses.length >= 3) leave();
      });
    }
  });
})();
