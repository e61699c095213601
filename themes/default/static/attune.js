// attune: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";

  var me = document.currentScript;
  // A part of this page that moved elsewhere (book.toml's `[redirects]`
  // "/page.html#old-part" = "new.html#part"): the address naming it leads there.
  if (me && me.dataset.movedParts && location.hash.length > 1) {
    var moved = me.dataset.movedParts.split(/\s+/);
    var decoded = function (text) {
      try { return decodeURIComponent(text); } catch (e) { return text; }
    };
    var part = decoded(location.hash.slice(1));
    for (var i = 0; i + 1 < moved.length; i += 2) {
      if (decoded(moved[i]) === part) {
        location.replace(moved[i + 1]);
        return;
      }
    }
  }

  // Redirect pages keep the #fragment of the old URL.
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
    // The confirmation lasts 2.5 s from the last copy: a second copy restarts it. The
    // link never navigates when JavaScript runs: where the clipboard is refused, the
    // address is shown, selected, for the reader to copy by hand.
    var confirmations = new WeakMap();
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-copy-link]");
      if (!link) return;
      event.preventDefault();
      var url = new URL(link.getAttribute("href"), location.href);
      if (url.hash === "#article-title") url.hash = "";
      var text = url.href;
      var confirm = function () {
        link.setAttribute("data-copied", "");
        announce("Link copied");
        clearTimeout(confirmations.get(link));
        confirmations.set(link, setTimeout(function () { link.removeAttribute("data-copied"); }, 2500));
      };
      var showByHand = function () {
        var box = link.parentNode.querySelector(".copy-by-hand");
        if (!box) {
          box = document.createElement("input");
          box.className = "copy-by-hand";
          box.readOnly = true;
          box.setAttribute("aria-label", "Address of this link, to copy");
          link.insertAdjacentElement("afterend", box);
        }
        box.value = text;
        box.focus();
        box.select();
      };
      if (!navigator.clipboard) { showByHand(); return; }
      navigator.clipboard.writeText(text).then(confirm, showByHand);
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

    // Small screens: a list folds behind a toggle button (open without JavaScript, and
    // always open on wide screens: see style.css). `label(open)` names the button for
    // screen readers where its text alone would not; `onToggle(open)` does the rest.
    function foldBehindButton(container, list, button, label, onToggle) {
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = button.className;
      toggle.textContent = button.text(false);
      list.id = list.id || button.listId;
      toggle.setAttribute("aria-controls", list.id);
      toggle.setAttribute("aria-expanded", "false");
      if (label) toggle.setAttribute("aria-label", label(false));
      container.insertBefore(toggle, list);
      container.classList.add("is-collapsible");
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        toggle.textContent = button.text(open);
        if (label) toggle.setAttribute("aria-label", label(open));
        container.classList.toggle("is-open", open);
        if (onToggle) onToggle(open);
      });
    }

    // The topic navigation folds behind a Menu button.
    var nav = document.querySelector(".site-nav");
    var navList = nav && nav.querySelector("ul");
    if (navList) {
      foldBehindButton(nav, navList, { className: "menu-toggle", listId: "site-nav-list", text: function () { return "Menu"; } }, null, function (open) {
        var header = nav.closest(".site-header");
        if (header) header.classList.toggle("menu-open", open);
      });
    }

    // The article's contents fold behind a Show button.
    var toc = document.querySelector(".toc");
    var tocList = toc && toc.querySelector("ol");
    if (tocList) {
      foldBehindButton(toc, tocList, { className: "toc-toggle", listId: "toc-list", text: function (open) { return open ? "Hide" : "Show"; } }, function (open) {
        return (open ? "Hide" : "Show") + " the contents of this page";
      });
    }

    // Tables that scroll sideways can be reached and scrolled with the keyboard: the
    // scroll container is focusable and named after the table, while it overflows.
    var wraps = [];
    document.querySelectorAll(".article-body table, .hub-text table").forEach(function (table, i) {
      var wrap = document.createElement("div");
      wrap.className = "table-scroll";
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
      var caption = table.querySelector("caption");
      var heading = null;
      for (var el = wrap.previousElementSibling; el && !heading; el = el.previousElementSibling) {
        if (/^H[2-6]$/.test(el.tagName)) heading = el;
      }
      var name = caption ? caption.textContent : heading ? heading.textContent.replace(/#$/, "").trim() : "";
      wraps.push({ wrap: wrap, label: "Table " + (i + 1) + (name ? ": " + name : "") + " (scrolls sideways)" });
    });
    // Code blocks scroll sideways too (a long line keeps its shape), in an article
    // and in a hub's or the home page's own text (a README's): while one
    // overflows it is a tab stop, so the keyboard can scroll it (a <pre> takes no
    // name or role of its own; its text is what it says).
    var codes = [];
    document.querySelectorAll(".article-body pre, .hub-text pre").forEach(function (pre) {
      if (!pre.closest(".table-scroll")) codes.push(pre);
    });
    var fitTables = function () {
      wraps.forEach(function (w) {
        if (w.wrap.scrollWidth > w.wrap.clientWidth + 1) {
          w.wrap.setAttribute("tabindex", "0");
          w.wrap.setAttribute("role", "region");
          w.wrap.setAttribute("aria-label", w.label);
        } else {
          w.wrap.removeAttribute("tabindex");
          w.wrap.removeAttribute("role");
          w.wrap.removeAttribute("aria-label");
        }
      });
      codes.forEach(function (pre) {
        if (pre.scrollWidth > pre.clientWidth + 1) {
          pre.setAttribute("tabindex", "0");
        } else if (pre.getAttribute("tabindex") === "0") {
          pre.removeAttribute("tabindex");
        }
      });
    };
    if (wraps.length || codes.length) {
      fitTables();
      window.addEventListener("resize", fitTables);
    }

    // Topic map: hovering or focusing an article lights it, its connections and the
    // articles at their other ends, and dims the rest.
    var map = document.querySelector(".topic-map");
    if (map) {
      var light = function (node) {
        map.querySelectorAll(".is-lit").forEach(function (el) { el.classList.remove("is-lit"); });
        map.classList.toggle("is-focused", !!node);
        if (!node) return;
        var id = node.getAttribute("data-node");
        node.classList.add("is-lit");
        (node.getAttribute("data-links") || "").split(" ").forEach(function (n) {
          var other = n && map.querySelector('[data-node="' + n + '"]');
          if (other) other.classList.add("is-lit");
        });
        map.querySelectorAll('[data-from="' + id + '"], [data-to="' + id + '"]').forEach(function (e) { e.classList.add("is-lit"); });
      };
      var nodeOf = function (e) { return e.target.closest && e.target.closest("[data-node]"); };
      map.addEventListener("mouseover", function (e) { light(nodeOf(e)); });
      map.addEventListener("mouseleave", function () { light(map.querySelector("[data-node]:focus")); });
      map.addEventListener("focusin", function (e) { light(nodeOf(e)); });
      map.addEventListener("focusout", function () { light(null); });
    }

    // Quick exit: the button, and Shift pressed three times.
    var exitTo = document.body.getAttribute("data-quick-exit");
    if (exitTo) {
      var leave = function () { location.replace(exitTo); };
      var button = document.querySelector(".quick-exit");
      if (button) button.addEventListener("click", function (e) { e.preventDefault(); leave(); });
      // Three Shift presses in a row, with no other key between them (typing capital
      // letters never counts), within two seconds. Listened for in the capture phase,
      // so it works inside the search box and any other field.
      var presses = 0, first = 0;
      document.addEventListener("keydown", function (e) {
        if (e.key !== "Shift") { presses = 0; return; }
        if (e.repeat) return;
        var now = Date.now();
        if (!presses || now - first > 2000) { presses = 0; first = now; }
        presses++;
        if (presses >= 3) { presses = 0; leave(); }
      }, true);
      // Any mouse or touch press between Shift presses breaks the run too.
      document.addEventListener("pointerdown", function () { presses = 0; }, true);
    }
  });
})();
