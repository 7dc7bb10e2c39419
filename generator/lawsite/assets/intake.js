/* lawsite comment service (`lawsite intake`): the in-page form under each
 * article of a draft, and the basket's "send all online".
 *
 * Without JavaScript each form is a plain HTML form: it posts to the service,
 * which answers with its receipt page. With it, the form posts JSON (fetch)
 * and the receipt (回执号) is shown in place; the basket sends all its
 * articles in ONE request ({"comments": [...]}) and shows every receipt.
 * A contact point preselected by ?point=ID (the point's QR sign; reader.js
 * keeps it for the visit) is sent with every comment.
 *
 * basket.js is left as it is: this script adds its button to the basket's
 * actions each time basket.js draws them, and reads what the reader typed
 * from the basket's own fields. Labels come from i18n.js (intake_js_*). */
(function () {
  "use strict";
  var reader = window.lawsiteReader;

  if (!reader || !window.fetch) return; // the plain forms work as they are
  var t = reader.t;
  var chosenPoint = reader.point(); // ?point=ID of a contact point's sign, kept by reader.js for the visit

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function post(action, payload) {
    return window.fetch(action, {
      method: "POST", mode: "cors", credentials: "omit", cache: "no-store",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data || {} }; });
    });
  }

  // POST /comments and GET /receipts/{receipt} sit side by side under the service's base.
  function receiptHref(action, receipt) {
    return action.replace(/comments$/, "receipts/") + encodeURIComponent(receipt);
  }

  // The label with {receipt} shown as the receipt itself, set apart, and a link to its page.
  function receiptLine(node, action, key, values) {
    var parts = t(key, Object.assign({}, values, { receipt: "\u0000" })).split("\u0000");
    node.appendChild(document.createTextNode(parts[0]));
    node.appendChild(el("strong", { "class": "ls-intake__receipt" }, values.receipt));
    node.appendChild(document.createTextNode((parts[1] || "") + " "));
    node.appendChild(el("a", { href: receiptHref(action, values.receipt), target: "_blank", rel: "noopener" }, t("intake_js_receipt_link")));
  }

  function say(node, text) {
    node.textContent = text;
  }

  function refused(answer) {
    return t("intake_js_refused", { message: answer.data.message || "" });
  }

  // --- one article's form ---------------------------------------------------------
  function wireForm(form) {
    var status = form.querySelector("[data-ls-intake-status]");
    var button = form.querySelector("button[type=submit]");
    var pointField = form.querySelector("[data-ls-point]");
    if (pointField) pointField.value = chosenPoint;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = {};
      new FormData(form).forEach(function (value, name) { fields[name] = value; });
      button.disabled = true;
      say(status, t("intake_js_sending"));
      post(form.action, fields).then(function (answer) {
        if (!answer.ok) { say(status, refused(answer)); return; }
        say(status, "");
        receiptLine(status, form.action, "intake_js_received", { receipt: answer.data.receipt });
        form.querySelector("textarea").value = "";
      }, function () { say(status, t("intake_js_offline")); }).then(function () { button.disabled = false; });
    });
  }

  // --- the basket -------------------------------------------------------------------
  function wireBasket(root) {
    var action = root.getAttribute("data-ls-intake");
    var body = root.querySelector("[data-ls-basket-body]");
    var result = el("div", { "class": "ls-intake__receipts", role: "status" });
    root.appendChild(result); // outside the body, which basket.js redraws

    function comments() {
      var found = [];
      Array.prototype.forEach.call(body.querySelectorAll("textarea[data-ls-article]"), function (area) {
        if (area.value.trim()) found.push({ doc: root.getAttribute("data-ls-doc"), article: area.getAttribute("data-ls-article"), text: area.value });
      });
      return found;
    }

    function value(id) {
      var input = document.getElementById(id);
      return input ? input.value : "";
    }

    var sent = false;
    body.addEventListener("input", function () {
      sent = false;
      var button = body.querySelector("[data-ls-intake-send]");
      if (button) button.disabled = false;
    });

    function send(button) {
      var list = comments();
      result.textContent = "";
      if (!list.length) { say(result, t("intake_js_basket_nothing")); return; }
      button.disabled = true;
      say(result, t("intake_js_sending"));
      post(action, { comments: list, name: value("ls-basket-name"), contact: value("ls-basket-contact"), point: chosenPoint, website: "" }).then(function (answer) {
        if (!answer.ok) { say(result, refused(answer)); return; }
        say(result, "");
        result.appendChild(el("p", {}, t("intake_js_basket_received", { n: answer.data.receipts.length })));
        var items = el("ul", {});
        answer.data.receipts.forEach(function (receipt, index) {
          var article = document.getElementById(list[index].article);
          var item = el("li", {});
          receiptLine(item, action, "intake_js_basket_item", { label: article ? reader.labelOf(article) : list[index].article, receipt: receipt });
          items.appendChild(item);
        });
        result.appendChild(items);
        sent = true; // sending the same again would store it twice: the button waits for a change
      }, function () { say(result, t("intake_js_offline")); }).then(function () { button.disabled = sent; });
    }

    function addButton() {
      var actions = body.querySelector(".ls-basket__actions");
      if (!actions || actions.querySelector("[data-ls-intake-send]")) return;
      var button = el("button", { type: "button", "class": "ls-button ls-button--primary", "data-ls-intake-send": "" }, t("intake_js_basket_send"));
      button.addEventListener("click", function () { send(button); });
      actions.insertBefore(button, actions.firstChild);
    }

    new MutationObserver(addButton).observe(body, { childList: true });
    addButton();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ls-intake-form]"), wireForm);
    var basket = document.querySelector("[data-ls-basket][data-ls-intake]");
    if (basket) wireBasket(basket);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
