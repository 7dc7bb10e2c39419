/* lawsite: Pagefind search in Material's header.
 * Nothing is fetched until the reader opens search: then Pagefind's own UI
 * (served from this site's /pagefind/ folder, no CDN) loads, and each query
 * fetches only the index chunks and page fragments it needs.
 * Results are split per article: every <section id="art_12"> is one
 * sub-result titled with its label (第十二条…), linking to #art_12.
 * A large site's index comes in shards (pagefind/, pagefind-2/, …, listed in
 * pagefind/lawsite-shards.json), which Pagefind merges into one search. */
(function () {
  "use strict";
  var script = document.currentScript;
  var bundle = new URL("../../pagefind/", script.src);   // assets/lawsite/ → site root
  var root = new URL("../../", script.src);
  var siteRoot = root.pathname;
  var ARTICLE = /^art_\d+(-\d+)?$/;
  var loading = null;

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
    // own, art_12__label (outputs/search.py: index_view).
    for (var i = 0; i < anchors.length; i++) {
      if (anchors[i].id === id + "__label" && anchors[i].text) return anchors[i].text.trim();
    }
    return id;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function excerpt(all, joiner, start, end, hits) {
    // From the article's start when the hit is near it, else a little before the hit.
    var from = hits[0] - start < 24 ? start : Math.max(start, Math.min(hits[0] - 8, end - 30));
    // Back up to the start of the item or sentence the hit is in (a few words at most).
    for (var k = from; k > Math.max(start, from - 6); k--) {
      if (/^[（(]/.test(all[k]) || /[。；;]$/.test(all[k - 1] || "")) { from = k; break; }
    }
    var to = Math.min(end, from + 30);
    var marked = {};
    hits.forEach(function (h) { marked[h] = true; });
    var out = [];
    for (var i = from; i < to; i++) {
      // Pagefind's content is already HTML-escaped text.
      out.push(marked[i] ? "<mark>" + all[i] + "</mark>" : all[i]);
    }
    return out.join(joiner).trim();
  }

  /* Pagefind splits sub-results on headings only; a law's unit is the
   * article, so regroup the hit locations by article anchors. */
  function byArticle(result) {
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
    groups.sort(function (a, b) { return b.hits.length - a.hits.length || a.index - b.index; });
    var page = result.url.split("#")[0];
    result.sub_results = groups.map(function (g) {
      var anchor = anchors[g.index];
      var end = g.index + 1 < anchors.length ? anchors[g.index + 1].location : all.length;
      return {
        title: escapeHtml(labelOf(result.anchors, anchor.id)),
        url: page + "#" + anchor.id,
        anchor: anchor,
        locations: g.hits,
        weighted_locations: g.hits.map(function (h) { return { weight: 1, balanced_score: 1, location: h }; }),
        excerpt: excerpt(all, joiner, anchor.location, end, g.hits)
      };
    });
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
        bundlePath: bundle.pathname,
        baseUrl: siteRoot,
        showSubResults: true,
        showImages: false,
        autofocus: true,
        resetStyles: false,
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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
