/* lawsite comment basket: mark several articles of an open draft, write a
 * comment under each, and send them in ONE e-mail through the reader's own
 * mail app (or copy them for the online form). What is typed stays in this
 * browser's localStorage, per draft, until the reader empties the basket.
 * No server, nothing sent anywhere by this script.
 *
 * Data come from the page: the basket root (#ls-basket, data-ls-* attributes
 * written at build time), each article's label link and id (permalink: canonical URL + id),
 * and the labels of i18n.js (read through reader.js). Without JavaScript the
 * basket stays hidden and each article's own mail/form entry works. */
(function () {
  "use strict";
  var LONG_MAILTO = 1900; // some mail apps cut longer mailto: links
  var root = document.querySelector("[data-ls-basket]");
  var reader = window.lawsiteReader;
  if (!root || !reader) return;
  var t = reader.t;
  var doc = root.getAttribute("data-ls-doc");
  var KEY = "lawsite:basket:" + doc;
  var state = read();
  var bar = null;
  var panelInView = false; // the bar steps aside while the panel itself is on screen
  var toggles = {};

  function read() {
    var empty = { order: [], text: {}, name: "", contact: "" };
    try {
      var saved = JSON.parse(reader.load(KEY) || "null");
      if (saved && Array.isArray(saved.order) && typeof saved.text === "object") return saved;
    } catch (e) { /* broken entry: start again */ }
    return empty;
  }

  function save() {
    if (state.order.length || state.name || state.contact) reader.store(KEY, JSON.stringify(state));
    else reader.store(KEY, null);
  }

  // The consultation's state by the reader's clock (same rule as lawsite.js).
  function consultationOpen() {
    var banner = null;
    Array.prototype.forEach.call(document.querySelectorAll("[data-ls-banner]"), function (b) {
      if (!banner && !b.closest(".ls-card")) banner = b;
    });
    if (!banner) return false;
    var now = Date.now();
    var opens = banner.getAttribute("data-ls-opens");
    return now < Date.parse(banner.getAttribute("data-ls-deadline")) && !(opens && now < Date.parse(opens));
  }

  function articleOf(id) {
    var el = document.getElementById(id);
    return el && el.classList.contains("ls-article") ? el : null;
  }

  // The article's permalink: the page's canonical URL (site_url) or, without
  // one, the page's own address, plus the article's anchor (not stored per
  // article: 13 MB of attributes on the 1,564-law site).
  function permalinkOf(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href;
    return base.split("#")[0] + "#" + id;
  }

  function labelOf(id) {
    var el = articleOf(id);
    return el ? reader.labelOf(el) : id;
  }

  // --- the message ------------------------------------------------------------
  function chosen() {
    return state.order.filter(function (id) { return articleOf(id); });
  }

  function body() {
    var lines = [t("basket_body_intro", { title: root.getAttribute("data-ls-title") }), ""];
    chosen().forEach(function (id) {
      var text = (state.text[id] || "").trim();
      lines.push(t("basket_body_item", { label: labelOf(id) }));
      if (text) lines.push(text);
      lines.push(field("basket_body_link", permalinkOf(id)), "");
    });
    if (state.name.trim()) lines.push(field("basket_body_name", state.name.trim()));
    if (state.contact.trim()) lines.push(field("basket_body_contact", state.contact.trim()));
    if (reader.point()) lines.push(reader.pointLine());
    return lines.join("\n").replace(/\n+$/, "") + "\n";
  }

  function field(key, value) {
    return t("basket_body_field", { name: t(key), value: value });
  }

  function subject() {
    var ids = chosen();
    var values = {
      doc: doc,
      article: ids.join(","),
      label: ids.map(labelOf).join(t("basket_joiner")),
      title: root.getAttribute("data-ls-title"),
      url: (document.querySelector("link[rel=canonical]") || { href: location.href.split("#")[0] }).href
    };
    // Python format syntax: {name} placeholders, {{ and }} literal braces.
    var text = root.getAttribute("data-ls-subject").replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, name) {
      if (all === "{{") return "{";
      if (all === "}}") return "}";
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
    return text.replace(/\s+/g, " ").trim();
  }

  function mailto() {
    var email = root.getAttribute("data-ls-email");
    if (!email) return null;
    return "mailto:" + encodeURIComponent(email).replace(/%40/g, "@") +
      "?subject=" + encodeURIComponent(subject()) +
      "&body=" + encodeURIComponent(body().replace(/\r?\n/g, "\r\n"));
  }

  // --- building the panel ---------------------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function render() {
    var box = root.querySelector("[data-ls-basket-body]");
    box.textContent = "";
    var ids = chosen();
    if (!ids.length) {
      box.appendChild(el("p", { "class": "ls-basket__empty" }, t("basket_empty")));
    }
    ids.forEach(function (id) {
      var item = el("div", { "class": "ls-basket__item" });
      var head = el("div", { "class": "ls-basket__item-head" });
      var label = el("label", { "for": "ls-basket-" + id }, t("basket_opinion", { label: labelOf(id) }));
      var back = el("a", { href: "#" + id, "class": "ls-basket__goto" }, labelOf(id));
      var remove = el("button", { type: "button", "class": "ls-button ls-button--quiet ls-basket__remove" }, t("basket_remove", { label: labelOf(id) }));
      remove.addEventListener("click", function () { toggle(id, false); });
      head.appendChild(label);
      head.appendChild(back);
      head.appendChild(remove);
      var area = el("textarea", { id: "ls-basket-" + id, rows: "4", "data-ls-article": id });
      area.value = state.text[id] || "";
      area.addEventListener("input", function () { state.text[id] = area.value; changed(); });
      item.appendChild(head);
      item.appendChild(area);
      box.appendChild(item);
    });
    ["name", "contact"].forEach(function (field) {
      var row = el("div", { "class": "ls-basket__field" });
      var input = el("input", { id: "ls-basket-" + field, type: field === "contact" ? "text" : "text", autocomplete: field === "name" ? "name" : "email" });
      input.value = state[field] || "";
      input.addEventListener("input", function () { state[field] = input.value; changed(); });
      row.appendChild(el("label", { "for": "ls-basket-" + field }, t("basket_" + field)));
      row.appendChild(input);
      box.appendChild(row);
    });
    var actions = el("div", { "class": "ls-basket__actions" });
    var status = el("p", { "class": "ls-basket__status", role: "status" });
    if (root.getAttribute("data-ls-email")) {
      var mail = el("a", { "class": "ls-button ls-button--primary", "data-ls-basket-mail": "" }, "✉ " + t("basket_send_mail"));
      mail.addEventListener("click", function () { status.textContent = t("basket_sent_note"); });
      actions.appendChild(mail);
    }
    var copy = el("button", { type: "button", "class": "ls-button", "data-ls-basket-copy": "" }, t("basket_copy"));
    copy.addEventListener("click", function () {
      reader.copyText(body()).then(function () { status.textContent = t("basket_copied"); },
        function () { status.textContent = t("copy_fallback"); showText(box); });
    });
    actions.appendChild(copy);
    if (root.getAttribute("data-ls-form")) {
      var form = root.getAttribute("data-ls-form-point"); // the template has {point}
      actions.appendChild(el("a", { "class": "ls-button", href: form ? reader.withPoint(form) : root.getAttribute("data-ls-form"), target: "_blank", rel: "noopener noreferrer" }, t("basket_open_form")));
    }
    var clear = el("button", { type: "button", "class": "ls-button ls-button--quiet", "data-ls-basket-clear": "" }, t("basket_clear"));
    clear.addEventListener("click", function () {
      if (!window.confirm(t("basket_clear_confirm"))) return;
      state = { order: [], text: {}, name: "", contact: "" };
      save();
      refresh();
    });
    actions.appendChild(clear);
    box.appendChild(actions);
    box.appendChild(el("p", { "class": "ls-basket__long", hidden: "" }, t("basket_too_long")));
    box.appendChild(status);
    changed(true);
  }

  // Copy refused: show the whole text selected, to copy by hand.
  function showText(box) {
    var area = box.querySelector(".ls-basket__text") || el("textarea", { "class": "ls-basket__text", readonly: "", rows: "8", "aria-label": t("basket_copy") });
    area.value = body();
    box.appendChild(area);
    area.focus();
    area.select();
  }

  function changed(quiet) {
    if (!quiet) save();
    var mail = root.querySelector("[data-ls-basket-mail]");
    var href = mailto();
    if (mail && href) mail.setAttribute("href", href);
    var long = root.querySelector(".ls-basket__long");
    if (long) long.hidden = !href || href.length <= LONG_MAILTO;
  }

  // --- the toggles and the bar -------------------------------------------------------
  function toggle(id, on) {
    var index = state.order.indexOf(id);
    if (on && index < 0) state.order.push(id);
    if (!on && index >= 0) state.order.splice(index, 1);
    // Keep the text of a removed article out of the stored basket.
    if (!on) delete state.text[id];
    save();
    refresh();
  }

  function refresh() {
    Object.keys(toggles).forEach(function (id) {
      toggles[id].setAttribute("aria-pressed", state.order.indexOf(id) >= 0 ? "true" : "false");
    });
    var n = chosen().length;
    bar.hidden = n === 0 || panelInView;
    bar.querySelector(".ls-basket-bar__count").textContent = t("basket_bar", { n: n });
    document.documentElement.classList.toggle("ls-has-basket-bar", n > 0);
    render();
  }

  function addToggles() {
    Array.prototype.forEach.call(document.querySelectorAll(".ls-article"), function (article) {
      var entry = article.querySelector(".ls-comment");
      if (!entry) return; // no comment entry on this article (repealed, no channel)
      var id = article.id;
      var button = el("button", { type: "button", "class": "ls-button ls-basket-toggle", "aria-pressed": "false" }, t("basket_add"));
      button.appendChild(el("span", { "class": "ls-sr" }, " " + labelOf(id)));
      button.addEventListener("click", function () { toggle(id, button.getAttribute("aria-pressed") !== "true"); });
      entry.appendChild(button);
      toggles[id] = button;
    });
  }

  function addBar() {
    bar = el("div", { "class": "ls-basket-bar", role: "region", "aria-label": t("basket_title"), hidden: "" });
    bar.appendChild(el("span", { "class": "ls-basket-bar__count" }));
    bar.appendChild(el("a", { "class": "ls-button ls-button--primary", href: "#ls-basket" }, t("basket_open")));
    document.body.appendChild(bar);
  }

  // After the deadline (by the reader's clock) the basket disappears with the entries.
  function close() {
    root.hidden = true;
    if (bar) bar.hidden = true;
    document.documentElement.classList.remove("ls-has-basket-bar");
    Object.keys(toggles).forEach(function (id) { toggles[id].disabled = true; });
  }

  function init() {
    if (!consultationOpen()) { close(); return; }
    addToggles();
    addBar();
    root.hidden = false;
    refresh();
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        panelInView = entries[0].isIntersecting;
        bar.hidden = chosen().length === 0 || panelInView;
      }).observe(root);
    }
    window.setInterval(function () { if (!consultationOpen()) close(); }, 60000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
