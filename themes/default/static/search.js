// attune search: loads index shards on demand with <script> tags (so it works from
// file://), matches query words exactly, by prefix and with small typos, expands
// synonyms, and ranks sections. Without JavaScript the search box leads to the
// search page's A–Z index instead.
(function () {
  "use strict";

  var store = (window.__attuneSearch = window.__attuneSearch || { data: {}, waiting: {} });
  store.data = store.data || {};
  store.waiting = store.waiting || {};
  store.push = function (key, value) {
    store.data[key] = value;
    (store.waiting[key] || []).forEach(function (w) { w.ok(value); });
    delete store.waiting[key];
  };

  // Pure helpers, exposed for unit tests.
  store.lib = { fold: fold, words: words, within: within, typoBudget: typoBudget };

  var form = typeof document !== "undefined" && document.querySelector("form.site-search");
  if (!form) return;
  var root = form.getAttribute("data-root") || "./";
  var indexPage = form.getAttribute("data-index") || "";

  function load(key) {
    if (Object.prototype.hasOwnProperty.call(store.data, key)) return Promise.resolve(store.data[key]);
    return new Promise(function (ok, fail) {
      var first = !store.waiting[key];
      (store.waiting[key] = store.waiting[key] || []).push({ ok: ok, fail: fail });
      if (!first) return;
      var script = document.createElement("script");
      script.src = root + "search/" + key + ".js";
      script.async = true;
      script.onerror = function () {
        (store.waiting[key] || []).forEach(function (w) { w.fail(new Error("could not load " + key)); });
        delete store.waiting[key];
      };
      document.head.appendChild(script);
    });
  }

  // Must match the build's folding: lowercase, no accents, straight apostrophes.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2019\u02bc]/g, "'").toLowerCase();
  }
  function words(text) {
    return (fold(text).match(/[\p{L}\p{N}_]+(?:'[\p{L}\p{N}_]+)*/gu) || []);
  }

  // Levenshtein distance, giving up once it exceeds `max`.
  function within(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return false;
    var prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
        if (cur[k] < best) best = cur[k];
      }
      if (best > max) return false;
      prev = cur;
    }
    return prev[b.length] <= max;
  }

  function typoBudget(word) {
    if (word.length >= 8) return 2;
    if (word.length >= 4) return 1;
    return 0;
  }

  var manifest = null;
  function ready() {
    if (manifest) return Promise.resolve(manifest);
    return load("index").then(function (m) { manifest = m; return m; });
  }

  // Vocabulary shards whose words may start with `first` (one letter or more).
  function vocabShards(first) {
    var bounds = manifest.vocab, picked = [];
    for (var i = 0; i < bounds.length; i++) {
      var start = bounds[i], end = bounds[i + 1];
      var startsBefore = start.slice(0, first.length) <= first;
      var endsAfter = end === undefined || end.slice(0, first.length) >= first;
      if (startsBefore && endsAfter) picked.push(i);
    }
    return picked;
  }

  // Vocabulary matches for one query word: [{word, stem, weight}].
  function matchWord(word) {
    var shards = vocabShards(word[0]);
    return Promise.all(shards.map(function (n) { return load("v" + n); })).then(function (list) {
      var found = {}, prefixCount = 0, budget = typoBudget(word);
      list.forEach(function (shard) {
        for (var i = 0; i < shard.w.length; i++) {
          var w = shard.w[i], weight = 0;
          if (w === word) weight = 1;
          else if (word.length >= 2 && w.lastIndexOf(word, 0) === 0 && prefixCount < 24) { weight = 0.75; prefixCount++; }
          else if (budget && w[0] === word[0] && within(word, w, budget)) weight = 0.6;
          if (weight && (!found[w] || found[w].weight < weight)) found[w] = { word: w, stem: shard.s[i], weight: weight };
        }
      });
      return Object.keys(found).map(function (k) { return found[k]; });
    });
  }

  // doc → score for one word, from the postings of its matched stems.
  function scoreWord(word) {
    return matchWord(word).then(function (matches) {
      var byStem = {};
      matches.forEach(function (m) { if (!byStem[m.stem] || byStem[m.stem] < m.weight) byStem[m.stem] = m.weight; });
      var stems = Object.keys(byStem);
      var shards = {};
      stems.forEach(function (s) { shards[s % manifest.postings] = true; });
      return Promise.all(Object.keys(shards).map(function (n) { return load("p" + n); })).then(function () {
        var scores = {};
        stems.forEach(function (s) {
          var list = store.data["p" + (s % manifest.postings)][s] || [];
          for (var i = 0; i < list.length; i += 2) {
            var score = list[i + 1] * byStem[s];
            if (!scores[list[i]] || scores[list[i]] < score) scores[list[i]] = score;
          }
        });
        return { scores: scores, words: matches.map(function (m) { return m.word; }) };
      });
    });
  }

  // Splits the query into terms; a term is a set of alternative phrases (synonyms).
  function terms(query) {
    var q = words(query), out = [], i = 0;
    var groups = manifest.synonyms || [];
    while (i < q.length) {
      var best = null, bestLength = 0;
      groups.forEach(function (group) {
        group.forEach(function (phrase) {
          if (phrase.length > bestLength && phrase.every(function (w, k) { return q[i + k] === w; })) {
            best = group; bestLength = phrase.length;
          }
        });
      });
      if (best) { out.push({ label: q.slice(i, i + bestLength).join(" "), alternatives: best }); i += bestLength; }
      else { out.push({ label: q[i], alternatives: [[q[i]]] }); i += 1; }
    }
    return out;
  }

  // Ranked results: more terms matched first, then score, then document order.
  function search(query) {
    return ready().then(function () {
      var ts = terms(query);
      if (!ts.length) return { results: [], highlight: [] };
      var highlight = {};
      return Promise.all(ts.map(function (term) {
        return Promise.all(term.alternatives.map(function (phrase) {
          return Promise.all(phrase.map(scoreWord)).then(function (perWord) {
            // A phrase matches a document that has every one of its words.
            var combined = null;
            perWord.forEach(function (r) {
              r.words.forEach(function (w) { highlight[w] = true; });
              if (combined === null) { combined = Object.assign({}, r.scores); return; }
              var next = {};
              Object.keys(combined).forEach(function (d) { if (r.scores[d]) next[d] = combined[d] + r.scores[d]; });
              combined = next;
            });
            // Averaged, so a long phrase does not outrank a single exact synonym.
            Object.keys(combined || {}).forEach(function (d) { combined[d] /= phrase.length; });
            return combined || {};
          });
        })).then(function (alts) {
          var best = {};
          alts.forEach(function (scores) { Object.keys(scores).forEach(function (d) { if (!best[d] || best[d] < scores[d]) best[d] = scores[d]; }); });
          return best;
        });
      })).then(function (perTerm) {
        var docs = {};
        perTerm.forEach(function (scores) {
          Object.keys(scores).forEach(function (d) {
            var entry = docs[d] || (docs[d] = { doc: +d, matched: 0, score: 0 });
            entry.matched += 1;
            entry.score += scores[d];
          });
        });
        var ranked = Object.keys(docs).map(function (d) { return docs[d]; });
        ranked.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.doc - b.doc; });
        return { results: ranked, highlight: Object.keys(highlight), prefixes: words(query) };
      });
    });
  }

  function details(results) {
    var shards = {};
    results.forEach(function (r) { shards[Math.floor(r.doc / manifest.doc_shard)] = true; });
    return Promise.all(Object.keys(shards).map(function (n) { return load("d" + n); })).then(function () {
      return results.map(function (r) {
        var row = store.data["d" + Math.floor(r.doc / manifest.doc_shard)][r.doc % manifest.doc_shard];
        return { url: row[0], title: row[1], heading: row[2], excerpt: row[3] };
      });
    });
  }

  // The excerpt as DOM nodes, matched words in <mark>. Text only: never innerHTML.
  function highlighted(text, found) {
    var fragment = document.createDocumentFragment();
    var set = {};
    found.highlight.forEach(function (w) { set[w] = true; });
    var pattern = /[\p{L}\p{N}_]+(?:['\u2019][\p{L}\p{N}_]+)*/gu, last = 0, m;
    while ((m = pattern.exec(text))) {
      var w = fold(m[0]);
      var hit = set[w] || found.prefixes.some(function (p) { return p.length >= 2 && w.lastIndexOf(p, 0) === 0; });
      if (!hit) continue;
      fragment.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      fragment.appendChild(mark);
      last = m.index + m[0].length;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function href(url) {
    var hash = url.indexOf("#");
    var path = hash < 0 ? url : url.slice(0, hash);
    return root + path + indexPage + (hash < 0 ? "" : url.slice(hash));
  }

  // One result. In the page's list it is a link; in the combobox it is an option that
  // navigates when chosen (options must not contain links).
  function resultItem(item, found, asOption) {
    var li = document.createElement("li");
    var target = asOption ? li : document.createElement("a");
    if (asOption) li.setAttribute("data-href", href(item.url));
    else { target.href = href(item.url); li.appendChild(target); }
    var title = document.createElement("span");
    title.className = "result-title";
    title.textContent = item.title;
    target.appendChild(title);
    if (item.heading) {
      var heading = document.createElement("span");
      heading.className = "result-heading";
      heading.textContent = item.heading;
      target.appendChild(heading);
    }
    if (item.excerpt) {
      var p = document.createElement("span");
      p.className = "result-excerpt";
      p.appendChild(highlighted(item.excerpt, found));
      li.appendChild(p);
    }
    return li;
  }

  function plural(n) { return n === 1 ? "1 result" : n + " results"; }

  // For benchmarks and tests: the top results for a query, as data.
  store.query = function (query, limit) {
    return search(query).then(function (found) { return details(found.results.slice(0, limit || 8)); });
  };

  // ---- The header box: a combobox with a listbox of results.
  var input = form.querySelector("input[type=search]");
  var status = form.querySelector(".search-status");
  var list = form.querySelector(".search-results");
  // `shown` is the query the open list answers; it lags the box while a search is
  // pending, and the arrow keys must not act on a list that is about to be replaced.
  // `latest` numbers the searches: only the newest may show its results, and closing
  // the list (Escape) renumbers, so a search still on its way cannot reopen it.
  var active = -1, latest = 0, timer = null, shown = null, closing = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function options() { return list.querySelectorAll("[role=option]"); }

  // Forgets the chosen option: it answers a query that is no longer in the box.
  function unchoose() {
    active = -1;
    input.removeAttribute("aria-activedescendant");
    options().forEach(function (o) { o.setAttribute("aria-selected", "false"); });
  }

  // Drops the pending search and any search on its way.
  function cancel() {
    clearTimeout(timer);
    latest++;
  }

  function setActive(n) {
    var opts = options();
    if (!opts.length) return;
    active = (n + opts.length) % opts.length;
    opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", opts[active].id);
    opts[active].scrollIntoView({ block: "nearest" });
  }

  // Opens the list, and with `choose` (0 for the first option, -1 for the last) chooses
  // one. Results that arrive after the reader has left the box wait for their return.
  function open(choose) {
    if (document.activeElement !== input) { close(); return; }
    list.hidden = false;
    place();
    input.setAttribute("aria-expanded", "true");
    if (choose !== undefined) setActive(choose);
  }

  // Keeps the open list inside the window: it hangs from the box's right edge where
  // there is room, and is moved right (never past the window's right edge) where the
  // box sits too far left; its height stops above the window's bottom edge.
  function place() {
    if (list.hidden) return;
    list.style.right = "";
    list.style.maxHeight = "";
    var margin = 8;
    var view = document.documentElement.clientWidth;
    var box = list.getBoundingClientRect();
    var shift = 0;
    if (box.right > view - margin) shift = box.right - (view - margin);
    if (box.left - shift < margin) shift = box.left - margin;
    if (shift) list.style.right = shift + "px";
    var room = window.innerHeight - box.top - margin;
    if (room > 120) list.style.maxHeight = Math.min(room, window.innerHeight * 0.7) + "px";
  }
  window.addEventListener("resize", place);

  // Searches for what is in the box and shows the results. A list that already answers
  // it is kept as it is, with the option chosen in it.
  function run(choose) {
    var query = input.value.trim();
    cancel();
    var ticket = latest;
    if (!query) { close(); status.textContent = ""; list.textContent = ""; shown = null; return; }
    if (query === shown) { open(choose); return; }
    search(query).then(function (found) {
      var top = found.results.slice(0, 8);
      return details(top).then(function (items) {
        if (ticket !== latest) return;
        list.textContent = "";
        var add = function (li) {
          li.id = "search-option-" + list.childElementCount;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          li.addEventListener("mousedown", function (e) { e.preventDefault(); });
          li.addEventListener("click", function () { location.href = li.getAttribute("data-href"); });
          list.appendChild(li);
        };
        items.forEach(function (item) { add(resultItem(item, found, true)); });
        var more = document.createElement("li");
        more.className = "search-more";
        more.setAttribute("data-href", root + "search/" + indexPage + "?q=" + encodeURIComponent(query));
        more.textContent = found.results.length ? "See all " + plural(found.results.length) : "No results: open the A–Z index";
        add(more);
        active = -1;
        input.removeAttribute("aria-activedescendant");
        shown = query;
        status.textContent = found.results.length ? plural(found.results.length) + " for " + query : "No results for " + query;
        open(choose);
      });
    }).catch(function () {
      if (ticket !== latest) return;
      status.textContent = "Search is not available here. Use the A–Z index instead.";
    });
  }

  input.addEventListener("input", function () {
    unchoose();
    // An emptied box closes the list at once, before a search on its way can fill it.
    if (!input.value.trim()) { run(); return; }
    clearTimeout(timer);
    timer = setTimeout(function () { run(); }, 80);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      var down = e.key === "ArrowDown";
      if (list.hidden) run();
      else if (shown !== input.value.trim()) run(down ? 0 : -1);
      else setActive(active < 0 && !down ? -1 : active + (down ? 1 : -1));
    }
    else if (e.key === "Escape") {
      cancel();
      if (!list.hidden) { e.preventDefault(); close(); } else { input.value = ""; }
    }
    else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      location.href = options()[active].getAttribute("data-href");
    }
  });
  input.addEventListener("blur", function () { clearTimeout(closing); closing = setTimeout(close, 150); });
  input.addEventListener("focus", function () {
    clearTimeout(closing);
    if (input.value.trim() && list.childElementCount) open();
  });

  // "/" focuses search from anywhere that is not a text field.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  // ---- The "page not found" page: the pages closest to the mistyped address, found
  // by searching for the words of its last part (typos forgiven), and its search box
  // filled with them.
  var closest = document.getElementById("closest-pages");
  if (closest) {
    var path = location.pathname;
    try { path = decodeURIComponent(path); } catch (e) { /* keep it encoded */ }
    var rootPath = new URL(root, location.href).pathname;
    if (path.lastIndexOf(rootPath, 0) === 0) path = path.slice(rootPath.length);
    var parts = path.split("/").filter(function (p) { return p && !/^(index|404)\.html?$/i.test(p); })
      .map(function (p) { return p.replace(/\.html?$/i, "").replace(/[-_.+~]+/g, " ").trim(); })
      .filter(Boolean);
    var guesses = parts.length ? [parts[parts.length - 1], parts.join(" ")] : [];
    var box = document.getElementById("not-found-q");
    if (box && parts.length) box.value = parts[parts.length - 1];
    var tryGuess = function (i) {
      if (i >= guesses.length) return;
      store.query(guesses[i], 20).then(function (items) {
        var seen = {};
        var pages = items.filter(function (item) {
          var page = item.url.split("#")[0];
          if (seen[page]) return false;
          seen[page] = true;
          return true;
        }).slice(0, 5);
        if (!pages.length) { tryGuess(i + 1); return; }
        pages.forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = href(item.url.split("#")[0]);
          a.textContent = item.title;
          li.appendChild(a);
          closest.appendChild(li);
        });
        closest.parentNode.hidden = false;
      }, function () { /* search unavailable: the search box and links remain */ });
    };
    tryGuess(0);
  }

  // ---- The search page: full results for ?q=...
  var page = document.getElementById("search-page");
  if (page) {
    var pageInput = page.querySelector("input[type=search]");
    var pageStatus = page.querySelector(".search-page-status");
    var pageList = page.querySelector(".search-page-results");
    var params = new URLSearchParams(location.search);
    var q = params.get("q") || "";
    pageInput.value = q;
    // Only the newest search shows: an earlier one that is slower to load its shards
    // must not replace its results.
    var rendered = 0;
    var render = function (query) {
      var ticket = ++rendered;
      if (!query.trim()) { pageList.textContent = ""; pageStatus.textContent = ""; return; }
      search(query).then(function (found) {
        return details(found.results.slice(0, 50)).then(function (items) {
          if (ticket !== rendered) return;
          pageList.textContent = "";
          items.forEach(function (item) { pageList.appendChild(resultItem(item, found, false)); });
          pageStatus.textContent = found.results.length
            ? plural(found.results.length) + " for “" + query + "”" + (found.results.length > 50 ? ", showing the first 50" : "")
            : "No results for “" + query + "”. Try fewer or simpler words, or browse the A–Z index below.";
        });
      }).catch(function () {
        if (ticket === rendered) pageStatus.textContent = "Search is not available here. Browse the A–Z index below.";
      });
    };
    render(q);
    page.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      var query = pageInput.value;
      history.replaceState(null, "", "?q=" + encodeURIComponent(query));
      render(query);
    });
  }
})();
