/* lawsite: Pagefind search in Material's header.
 * Nothing is fetched until the reader opens search: then Pagefind's own UI
 * (served from this site's /pagefind/ folder, no CDN) loads, and each query
 * fetches only the index chunks and page fragments it needs.
 * Results are split per article: every <section id="art_12"> is one
 * sub-result titled with its label (第十二条…), linking to #art_12, and the
 * result itself links to its best article. Every link carries the query as
 * typed (?h=业主委员会), which this script marks on the page it opens.
 * Pagefind's UI searches through assets/lawsite/ranked/pagefind.js, which
 * weighs results by the pages' ranks (the reading open now first).
 * A large site's index comes in shards (pagefind/, pagefind-2/, …, listed in
 * pagefind/lawsite-shards.json), which Pagefind merges into one search. */
(function () {
  "use strict";
  var script = document.currentScript;
  var bundle = new URL("../../pagefind/", script.src);   // assets/lawsite/ → site root
  var ranked = new URL("ranked/", script.src);           // the ranking wrapper of pagefind.js
  var root = new URL("../../", script.src);
  var siteRoot = root.pathname;
  // Articles, and a redline's entries (rl-art_7, rl-old-art_7).
  var ARTICLE = /^(rl-(old-)?)?art_\d+(-\d+)?$/;
  var HIGHLIGHT = "h";
  var MAX_MARKS = 300;
  var loading = null;
  var query = "";

  function shardPaths() {
    // The other shards' bundle folders; none when the list is missing (one shard).
    return fetch(new URL("lawsite-shards.json", bundle).href).then(function (response) {
      return response.ok ? response.json() : { shards: [] };
    }).then(function (manifest) {
      return (manifest.shards || []).map(function (folder) { return new URL(folder, root).pathname; });
    }, function () { return []; });
  }

  function loadUi() {
    return new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("pagefind-ui.css", bundle).href;
      document.head.appendChild(css);
      var js = document.createElement("script");
      js.src = new URL("pagefind-ui.js", bundle).href;
      js.onload = resolve;
      js.onerror = reject;
      document.head.appendChild(js);
    });
  }

  function load() {
    if (loading) return loading;
    loading = Promise.all([loadUi(), shardPaths()]).then(function (done) { return done[1]; });
    loading.catch(function () { loading = null; });
    return loading;
  }

  function words(text) {
    return text.indexOf("\u200B") >= 0 ? text.split("\u200B") : text.split(/\s+/);
  }

  function labelOf(anchors, id) {
    // The index gives each article's label (and caption) an anchor of its
    // own, art_12__label (emit/search.py: index_view). Without one, the
    // article's own text begins with its label.
    var own = null;
    for (var i = 0; i < anchors.length; i++) {
      if (anchors[i].id === id + "__label" && anchors[i].text) return anchors[i].text.trim();
      if (anchors[i].id === id) own = anchors[i];
    }
    var start = own && own.text && own.text.trim().match(/^第[〇零一二三四五六七八九十百千\d]+条(之[一二三四五六七八九十]+)?/);
    return start ? start[0] : "";
  }

  function withQuery(url) {
    // The query as typed, so a word stays whole on the page (?h=业主委员会).
    var words = query.trim();
    if (!words) return url;
    var hash = url.indexOf("#");
    var path = hash < 0 ? url : url.slice(0, hash);
    return path + (path.indexOf("?") < 0 ? "?" : "&") + HIGHLIGHT + "=" + encodeURIComponent(words) + (hash < 0 ? "" : url.slice(hash));
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function excerpt(all, joiner, start, end, hits, typed) {
    // From the article's start when the hit is near it, else a little before the hit.
    var from = hits[0] - start < 24 ? start : Math.max(start, Math.min(hits[0] - 8, end - 30));
    // Back up to the start of the item or sentence the hit is in (a few words at most).
    for (var k = from; k > Math.max(start, from - 6); k--) {
      if (/^[（(]/.test(all[k]) || /[。；;]$/.test(all[k - 1] || "")) { from = k; break; }
    }
    var to = Math.min(end, from + 30);
    // Pagefind's content is already HTML-escaped text. The query's words are
    // marked whole where they occur (业主委员会, not 业主|委员会 and every 委员);
    // else the words Pagefind matched.
    var text = all.slice(from, to).join(joiner).trim();
    var whole = typed.map(function (w) { return escapeHtml(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = whole.length ? new RegExp(whole.join("|"), "gi") : null;
    if (pattern && pattern.test(text)) return text.replace(pattern, "<mark>$&</mark>");
    var marked = {};
    hits.forEach(function (h) { marked[h] = true; });
    var out = [];
    for (var i = from; i < to; i++) out.push(marked[i] ? "<mark>" + all[i] + "</mark>" : all[i]);
    return out.join(joiner).replace(/<\/mark>(\s*)<mark>/g, "$1").trim();
  }

  function wholeFirst(all, joiner, hits, typed) {
    // The hits, the first that begins one of the query's words whole put
    // first: the excerpt is centred on it, not on a piece (业主 of 业主委员会).
    for (var i = 0; i < hits.length; i++) {
      var ahead = all.slice(hits[i], hits[i] + 12).join(joiner).toLowerCase();
      if (typed.some(function (w) { return ahead.indexOf(escapeHtml(w)) === 0; })) {
        return [hits[i]].concat(hits.slice(0, i), hits.slice(i + 1));
      }
    }
    return hits;
  }

  function afterLabel(all, start, end, label) {
    // The first word after the article's label (the title says it already).
    var seen = "", at = start;
    while (at < end && seen.length < label.length) seen += all[at++];
    return seen.replace(/\s/g, "") === label.replace(/\s/g, "") ? at : start;
  }

  /* Pagefind splits sub-results on headings only; a law's unit is the
   * article, so regroup the hit locations by article anchors. */
  function byArticle(result) {
    result = articleResults(result);
    result.url = withQuery(result.url);
    (result.sub_results || []).forEach(function (sub) { sub.url = withQuery(sub.url); });
    return result;
  }

  function articleResults(result) {
    var anchors = (result.anchors || []).filter(function (a) { return ARTICLE.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    if (!anchors.length || !result.locations) return result;
    var content = result.raw_content || result.content || "";
    var all = words(content);
    var joiner = content.indexOf("\u200B") >= 0 ? "" : " ";
    var groups = [];
    result.locations.slice().sort(function (a, b) { return a - b; }).forEach(function (loc) {
      var index = -1;
      for (var i = 0; i < anchors.length && anchors[i].location <= loc; i++) index = i;
      if (index < 0) return;
      var last = groups[groups.length - 1];
      if (last && last.index === index) { last.hits.push(loc); return; }
      groups.push({ index: index, hits: [loc] });
    });
    if (!groups.length) return result;
    // Articles holding the query's words whole come first, and alone when
    // there are any: Pagefind also matches the pieces it cut a word into
    // (自行 of 电动自行车, in 自行管理).
    var typed = query.toLowerCase().split(/\s+/).filter(Boolean);
    groups.forEach(function (g) {
      var end = g.index + 1 < anchors.length ? anchors[g.index + 1].location : all.length;
      var text = all.slice(anchors[g.index].location, end).join(joiner).toLowerCase();
      g.end = end;
      g.whole = typed.filter(function (w) { return text.indexOf(w) >= 0; }).length;
    });
    var best = Math.max.apply(null, groups.map(function (g) { return g.whole; }));
    if (best > 0) groups = groups.filter(function (g) { return g.whole > 0; });
    groups.sort(function (a, b) { return b.whole - a.whole || b.hits.length - a.hits.length || a.index - b.index; });
    var page = result.url.split("#")[0];
    result.sub_results = groups.map(function (g) {
      var anchor = anchors[g.index];
      var label = labelOf(result.anchors, anchor.id);
      var start = label ? afterLabel(all, anchor.location, g.end, label) : anchor.location;
      return {
        title: escapeHtml(label || result.meta.title || ""),
        url: page + "#" + anchor.id,
        anchor: anchor,
        locations: g.hits,
        weighted_locations: g.hits.map(function (h) { return { weight: 1, balanced_score: 1, location: h }; }),
        excerpt: excerpt(all, joiner, start, g.end, wholeFirst(all, joiner, g.hits, typed), typed)
      };
    });
    // The result lands on its best article and says which it is.
    var first = result.sub_results[0];
    result.url = first.url;
    result.excerpt = "<strong>" + first.title + "</strong>　" + first.excerpt;
    return result;
  }

  function start(dialog) {
    var ui = dialog.querySelector(".ls-search__ui");
    var status = dialog.querySelector(".ls-search__status");
    if (ui.getAttribute("data-ls-ready")) return;
    status.textContent = dialog.getAttribute("data-ls-search-loading");
    load().then(function (shards) {
      status.textContent = "";
      ui.setAttribute("data-ls-ready", "1");
      new window.PagefindUI({
        element: ui,
        bundlePath: ranked.pathname,
        baseUrl: siteRoot,
        showSubResults: true,
        showImages: false,
        autofocus: true,
        resetStyles: false,
        processTerm: function (term) { query = term || ""; return term; },
        processResult: byArticle,
        mergeIndex: shards.map(function (path) { return { bundlePath: path, baseUrl: siteRoot }; })
      });
      var input = ui.querySelector("input");
      if (input) input.focus();
    }, function () {
      status.textContent = dialog.getAttribute("data-ls-search-failed");
    });
  }

  function open(dialog, button) {
    if (!dialog.open) dialog.showModal();
    start(dialog);
    var input = dialog.querySelector(".ls-search__ui input");
    if (input) input.focus();
    button.setAttribute("aria-expanded", "true");
  }

  function init() {
    var dialog = document.getElementById("ls-search");
    var button = document.querySelector(".ls-search-open");
    if (!dialog || !button || typeof dialog.showModal !== "function") return;
    button.hidden = false;  // without script (or <dialog>) there is no search to offer
    button.addEventListener("click", function () { open(dialog, button); });
    dialog.querySelector(".ls-search__close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () {
      button.setAttribute("aria-expanded", "false");
      button.focus();
    });
    // A click on the backdrop (outside the panel) closes, as Material's does.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
      var link = event.target.closest && event.target.closest("a[href]");
      if (link) dialog.close();  // same-page anchors: reveal the article
    });
    document.addEventListener("keydown", function (event) {
      var tag = (event.target.tagName || "").toLowerCase();
      if (event.ctrlKey || event.metaKey || event.altKey || /input|textarea|select/.test(tag) || event.target.isContentEditable) return;
      if (event.key === "/" || event.key === "s" || event.key === "f") {
        event.preventDefault();
        event.stopImmediatePropagation();
        open(dialog, button);
      }
    }, true);
  }

  /* The page a result opened: mark the query's words (?h=, space-separated,
   * each whole) in the content, as Material's search.highlight does for its own. */
  function highlight() {
    var words = (new URLSearchParams(window.location.search).get(HIGHLIGHT) || "").split(/\s+/).filter(Boolean);
    var content = document.querySelector(".md-content article");
    if (!words.length || !content) return;
    var source = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|");
    var pattern = new RegExp(source, "gi"), any = new RegExp(source, "i");
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark, button, .ls-search") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) if (any.test(walker.currentNode.nodeValue)) nodes.push(walker.currentNode);
    var marks = 0;
    nodes.forEach(function (node) {
      if (marks >= MAX_MARKS) return;
      var text = node.nodeValue, last = 0, piece = document.createDocumentFragment(), match;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(text)) && marks < MAX_MARKS) {
        piece.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.className = "ls-hit";
        mark.textContent = match[0];
        piece.appendChild(mark);
        last = match.index + match[0].length;
        marks++;
      }
      piece.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(piece, node);
    });
  }

  function ready() {
    init();
    highlight();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
