/* 查询我的意见: a receipt → what became of the comment, found in the
 * browser (the format is emit/lookup.py's). The receipt never leaves the
 * page: it derives the bucket to fetch, the record's tag and its key.
 * WebCrypto (crypto.subtle) exists only in secure contexts: over https (and
 * on 127.0.0.1); over plain http the page says so and how else to ask.
 * Every text shown comes from the form's data-msg-* attributes. */
(function () {
  "use strict";
  var form = document.querySelector("[data-ls-lookup]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.querySelector("[data-ls-lookup-status]");
  var results = document.querySelector("[data-ls-lookup-results]");
  var ask = document.querySelector("[data-ls-lookup-ask]");
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32, as intake/receipts.py
  var SYMBOLS = 12;
  var encoder = new TextEncoder();
  var subtle = window.crypto && window.crypto.subtle;

  function msg(name, receipt) {
    return (form.getAttribute("data-msg-" + name) || "").replace("{receipt}", receipt || "");
  }

  /* What a person types back, read as receipts.normalise_receipt reads it. */
  function normalise(raw) {
    if (raw.length > 3 * SYMBOLS) return null;
    var s = raw.toUpperCase().replace(/[- ]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
    if (s.length !== SYMBOLS) return null;
    for (var i = 0; i < s.length; i++) if (ALPHABET.indexOf(s.charAt(i)) < 0) return null;
    return s.slice(0, 4) + "-" + s.slice(4, 8) + "-" + s.slice(8);
  }

  function fromBase64(text) {
    var raw = atob(text), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function toBase64(bytes) {
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw);
  }

  function labelled(master, label) {
    var tail = encoder.encode(label), out = new Uint8Array(master.byteLength + tail.length);
    out.set(new Uint8Array(master), 0);
    out.set(tail, master.byteLength);
    return subtle.digest("SHA-256", out);
  }

  /* The findings of `receipt`, or null when the site publishes none for it. */
  function find(receipt) {
    var salt = fromBase64(form.getAttribute("data-salt"));
    var iterations = Number(form.getAttribute("data-iterations"));
    var buckets = Number(form.getAttribute("data-buckets"));
    return subtle.importKey("raw", encoder.encode(receipt), "PBKDF2", false, ["deriveBits"])
      .then(function (password) {
        return subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations }, password, 256);
      })
      .then(function (master) { return Promise.all([labelled(master, "find"), labelled(master, "key")]); })
      .then(function (derived) {
        var found = new Uint8Array(derived[0]);
        var bucket = new DataView(derived[0]).getUint32(0) % buckets;
        var tag = toBase64(found.slice(4, 16)), nonce = found.slice(16, 28);
        return fetch(form.getAttribute("data-base") + bucket + ".json", { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error("bucket " + response.status);
            return response.json();
          })
          .then(function (data) {
            var record = (data.records || []).filter(function (pair) { return pair[0] === tag; })[0];
            if (!record) return null;
            return subtle.importKey("raw", derived[1], "AES-GCM", false, ["decrypt"])
              .then(function (key) { return subtle.decrypt({ name: "AES-GCM", iv: nonce }, key, fromBase64(record[1])); })
              .then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
          });
      });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(text, href) {
    if (!href) return element("span", "", text);
    var a = element("a", "", text);
    a.href = href;
    return a;
  }

  function row(list, label, value) {
    if (!value) return;
    list.appendChild(element("dt", "", label));
    var dd = element("dd");
    dd.appendChild(typeof value === "string" ? document.createTextNode(value) : value);
    list.appendChild(dd);
  }

  function findingNode(f) {
    var section = element("section", "ls-lookup__finding ls-sugg--" + f.outcome);
    var list = element("dl", "ls-lookup__facts");
    row(list, msg("notice"), link(f.notice + (f.published ? "（" + f.published + "）" : ""), f.notice_href));
    row(list, msg("draft"), link(f.draft, f.draft_href));
    var article = element("span");
    article.appendChild(document.createTextNode(f.article + " "));
    article.appendChild(link(msg("ledger"), f.ledger_href));
    row(list, msg("article"), article);
    row(list, msg("suggestion"), f.text + "（" + f.count + "）");
    row(list, msg("outcome"), element("span", "ls-badge ls-badge--" + f.outcome, f.outcome_label));
    row(list, msg("reason"), f.reason);
    section.appendChild(list);
    return section;
  }

  function show(text, findings) {
    status.textContent = text;
    results.textContent = "";
    (findings || []).forEach(function (f) { results.appendChild(findingNode(f)); });
    ask.hidden = !!(findings && findings.length) || !text;
  }

  function lookUp(raw) {
    var receipt = normalise(raw);
    if (!receipt) return show(msg("malformed"));
    input.value = receipt;
    show(msg("working"));
    ask.hidden = true;
    find(receipt).then(function (findings) {
      if (findings && findings.length) show(msg("found", receipt), findings);
      else show(msg("not-found", receipt));
    }, function () { show(msg("failed")); });
  }

  if (!subtle) {
    show(msg("insecure")); // the form stays hidden: nothing it could do here
    return;
  }
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    lookUp(input.value);
  });
  /* The receipt page of the comment service links here with #receipt=…: a
   * fragment, never sent to any server. */
  function fromFragment() {
    var match = /^#receipt=([^&]*)/.exec(location.hash);
    if (match) {
      try {
        input.value = decodeURIComponent(match[1]);
      } catch (error) {
        input.value = match[1];
      }
      lookUp(input.value);
    }
  }
  window.addEventListener("hashchange", fromFragment);
  fromFragment();
})();
