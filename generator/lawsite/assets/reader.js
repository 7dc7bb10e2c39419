/* lawsite reader comfort: a larger-type switch remembered across pages, a
 * one-tap copy of each article's permalink, going to 第N条, and a name for
 * Material's search dialog. Labels come from window.lawsiteLabels, set by the site's i18n.js
 * (generated at build time, loaded just before this script; no text here).
 * Without JavaScript nothing of this appears, and every article's label is
 * still a plain link to its own anchor. */
(function () {
  "use strict";
  var FONT_KEY = "lawsite:font"; // also read by the inline <head> script, before paint
  var labels = window.lawsiteLabels || {}; // none: keys are shown

  function t(key, values) {
    var text = labels[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
      return true;
    } catch (e) { return false; } // private mode, storage full, disabled
  }

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  // Copy text: the Clipboard API where allowed, else a hidden textarea.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  // An article's label (第十二条) is the text of its label link, not stored
  // again in an attribute (2 MB of attributes on the 1,564-law site).
  function labelOf(article) {
    var link = article.querySelector(".ls-article__label");
    return link ? link.textContent.trim() : article.id;
  }

  // --- the contact point a reader came through -------------------------------------
  // A point's QR sign opens the site with ?point=ID (emit/sign.py): the id is
  // kept for the visit (this tab) and goes with every comment: the mail links'
  // body, a form template's {point}, the basket, the comment service.
  var POINT_KEY = "lawsite:point";
  var POINT_ID = /^[^\s\/\\?#%&<>"'*:|]{1,200}$/; // an id as the schema takes it (parse/schema.py)

  function point() {
    var given = null;
    try { given = new URLSearchParams(window.location.search).get("point"); } catch (e) { given = null; }
    if (given && !POINT_ID.test(given)) given = null;
    try {
      if (given) window.sessionStorage.setItem(POINT_KEY, given);
      var kept = window.sessionStorage.getItem(POINT_KEY) || "";
      return POINT_ID.test(kept) ? kept : "";
    } catch (e) { return given || ""; }
  }

  var chosenPoint = point();

  // The line the mail body gets ("联系点：ID"), also used by the basket.
  function pointLine() {
    return chosenPoint ? t("basket_body_field", { name: t("basket_body_point"), value: chosenPoint }) : "";
  }

  // A form template's {point}, kept as written in data-ls-form-point at build time.
  function withPoint(template) {
    return template.split("{point}").join(encodeURIComponent(chosenPoint));
  }

  function pointLinks() {
    if (!chosenPoint) return;
    Array.prototype.forEach.call(document.querySelectorAll("a[data-ls-channel=mail]"), function (link) {
      var href = link.getAttribute("href");
      if (href.indexOf("&body=") >= 0) link.setAttribute("href", href + encodeURIComponent("\r\n" + pointLine()));
    });
    Array.prototype.forEach.call(document.querySelectorAll("a[data-ls-form-point]"), function (link) {
      link.setAttribute("href", withPoint(link.getAttribute("data-ls-form-point")));
    });
  }

  window.lawsiteReader = { t: t, store: store, load: load, copyText: copyText, labelOf: labelOf,
    point: function () { return chosenPoint; }, pointLine: pointLine, withPoint: withPoint };

  // --- larger type ----------------------------------------------------------
  function fontSwitch() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".ls-fontsize")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button ls-fontsize";
    button.title = t("font_larger");
    // The visible "A+" stays part of the accessible name (WCAG 2.5.3).
    button.innerHTML = 'A<span class="ls-fontsize__plus">+</span><span class="ls-sr"></span>';
    button.querySelector(".ls-sr").textContent = " " + t("font_larger");
    var root = document.documentElement;
    function show() { button.setAttribute("aria-pressed", root.classList.contains("ls-large") ? "true" : "false"); }
    button.addEventListener("click", function () {
      var large = !root.classList.contains("ls-large");
      root.classList.toggle("ls-large", large);
      store(FONT_KEY, large ? "large" : null);
      show();
    });
    show();
    var before = header.querySelector(".md-search") || header.querySelector(".md-header__source");
    header.insertBefore(button, before ? before.previousElementSibling || before : null);
  }

  // --- copy an article's permalink --------------------------------------------
  // The page's canonical URL (site_url) or its own address, plus the article's
  // anchor: derived here rather than stored on each of 64,000 articles.
  function permalinkOf(article) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href;
    return base.split("#")[0] + "#" + article.id;
  }

  function copyButtons() {
    var articles = document.querySelectorAll(".ls-article");
    Array.prototype.forEach.call(articles, function (article) {
      var actions = article.querySelector(".ls-actions");
      if (!actions) {
        actions = document.createElement("div");
        actions.className = "ls-actions";
        article.appendChild(actions);
      }
      var wrap = document.createElement("span");
      wrap.className = "ls-copy";
      // Inside the article's 提意见 entry where there is one: one compact row per article.
      actions = actions.querySelector(".ls-comment__choices") || actions;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ls-button ls-button--quiet ls-copy__button";
      button.textContent = t("copy_link");
      var hidden = document.createElement("span");
      hidden.className = "ls-sr";
      hidden.textContent = " " + labelOf(article);
      button.appendChild(hidden);
      var status = document.createElement("span");
      status.className = "ls-copy__status";
      status.setAttribute("role", "status");
      wrap.appendChild(button);
      wrap.appendChild(status);
      actions.appendChild(wrap);
      button.addEventListener("click", function () {
        var url = permalinkOf(article);
        copyText(url).then(function () {
          status.textContent = t("copied");
          window.setTimeout(function () { status.textContent = ""; }, 4000);
        }, function () { showFallback(wrap, status, url); });
      });
    });
  }

  // When copying is refused (old WebViews), show the link selected, to copy by hand.
  function showFallback(wrap, status, url) {
    status.textContent = t("copy_fallback");
    var input = wrap.querySelector("input");
    if (!input) {
      input = document.createElement("input");
      input.type = "url";
      input.readOnly = true;
      input.className = "ls-copy__fallback";
      input.setAttribute("aria-label", t("copy_link"));
      wrap.appendChild(input);
    }
    input.value = url;
    input.focus();
    input.select();
  }

  // --- copy a mail or postal address (the comment box) ----------------------------
  // For readers whose phone has no mail app. Where copying is refused (WeChat's
  // older X5 engine), the address itself is selected, to copy by hand.
  function copyAddresses() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ls-copy]"), function (button) {
      var dd = button.closest("dd");
      var address = dd && dd.querySelector("[data-ls-copy-text]");
      var status = dd && dd.querySelector(".ls-copy__status");
      if (!address || !status) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(address.textContent.trim()).then(function () {
          status.textContent = t("copied");
          window.setTimeout(function () { status.textContent = ""; }, 4000);
        }, function () {
          var range = document.createRange();
          range.selectNodeContents(address);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = t("copy_selected");
        });
      });
    });
  }

  // --- go to 第N条 -------------------------------------------------------------
  // The form in the document's head (templates/partials/jump.html): a number
  // typed (ASCII or full-width digits) or an article picked from the list,
  // which is built here from the page's own articles (no second copy of every
  // label in the HTML). "共 45 条" puts the focus in the number box.
  function articleJump() {
    var jump = document.querySelector("[data-ls-jump]");
    if (!jump) return;
    var form = jump.querySelector("form");
    var input = form.querySelector(".ls-jump__number");
    var pick = form.querySelector(".ls-jump__pick");
    var status = form.querySelector(".ls-jump__status");
    var articles = document.querySelectorAll("section.ls-article[id]");
    Array.prototype.forEach.call(articles, function (article) {
      var caption = article.querySelector(".ls-article__caption");
      pick.appendChild(new Option(labelOf(article) + (caption ? caption.textContent.trim() : ""), article.id));
    });
    function go(id) {
      var target = document.getElementById(id);
      if (!target) return false;
      status.textContent = "";
      if (window.location.hash === "#" + id) target.scrollIntoView();
      else window.location.hash = id;
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      return true;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var digits = input.value.trim().replace(/[\uFF10-\uFF19]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xFEE0); });
      var number = /^[0-9]+$/.test(digits) ? parseInt(digits, 10) : NaN;
      if (!number || !go("art_" + number)) {
        status.textContent = t("jump_missing", { n: input.value.trim(), total: jump.getAttribute("data-ls-total") });
      }
    });
    pick.addEventListener("change", function () {
      if (pick.value) go(pick.value);
      pick.value = "";
    });
    jump.querySelector(".ls-jump__count").addEventListener("click", function (event) {
      event.preventDefault();
      input.focus();
    });
    form.hidden = false;
  }

  // Material's search overlay has role=dialog but no name.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby")) {
      dialog.setAttribute("aria-label", t("search_dialog"));
    }
  }

  // --- one compact comment entry per article ------------------------------------
  // Closed on a phone (one 提意见 per article); a wide screen has room for the
  // choices, so there they are open from the start.
  function openEntriesOnWideScreens() {
    if (!window.matchMedia || !window.matchMedia("(min-width: 60em)").matches) return;
    Array.prototype.forEach.call(document.querySelectorAll("details.ls-comment"), function (entry) { entry.open = true; });
  }

  function init() {
    fontSwitch();
    copyButtons();
    copyAddresses();
    articleJump();
    openEntriesOnWideScreens();
    nameSearchDialog();
    pointLinks();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
