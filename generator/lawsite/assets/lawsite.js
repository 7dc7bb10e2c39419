/* lawsite: keep a page built before a deadline honest after it.
 * The build already decided the status; this only moves it forward in time
 * (upcoming → open → closed) using the instants written into the page.
 * Without JavaScript the build-time status stands. */
(function () {
  "use strict";
  var DAY = 86400000;

  function update() {
    var now = Date.now();
    var banners = document.querySelectorAll("[data-ls-banner]");
    Array.prototype.forEach.call(banners, function (banner) {
      var deadline = Date.parse(banner.getAttribute("data-ls-deadline"));
      var opensAttr = banner.getAttribute("data-ls-opens");
      var opens = opensAttr ? Date.parse(opensAttr) : null;
      var state = now >= deadline ? "closed" : (opens !== null && now < opens ? "upcoming" : "open");
      banner.className = banner.className.replace(/ls-banner--\w+/, "ls-banner--" + state);
      var days = banner.querySelector(".ls-banner__days");
      if (state === "closed") {
        banner.querySelector(".ls-banner__state").textContent = banner.getAttribute("data-ls-text-closed");
        banner.querySelector(".ls-banner__when").textContent = banner.getAttribute("data-ls-text-closed-note");
        if (days) days.textContent = "";
      } else if (state === "open") {
        banner.querySelector(".ls-banner__state").textContent = banner.getAttribute("data-ls-text-open");
        var left = Math.floor((deadline - now) / DAY);
        if (days) days.textContent = left === 0 ? banner.getAttribute("data-ls-text-last-day")
          : banner.getAttribute("data-ls-text-days-left").replace("{n}", left);
      }
      // A point's page: each open draft's card governs its own way to comment (render/point_comments.py).
      var card = banner.closest("[data-ls-point-open]");
      if (card) {
        Array.prototype.forEach.call(card.querySelectorAll("[data-ls-comment]"), function (entry) { entry.hidden = state !== "open"; });
      }
      // Only the page's own banner (not listing cards) governs its comment entries.
      if (!banner.closest(".ls-card")) {
        document.documentElement.setAttribute("data-ls-consultation", state);
        var entries = document.querySelectorAll("[data-ls-comment]");
        Array.prototype.forEach.call(entries, function (entry) {
          entry.hidden = state !== "open";
          Array.prototype.forEach.call(entry.querySelectorAll("a"), function (a) {
            if (state !== "open") {
              if (a.hasAttribute("href")) a.setAttribute("data-ls-href", a.getAttribute("href"));
              a.removeAttribute("href");
              a.setAttribute("aria-disabled", "true");
            }
          });
        });
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.setInterval(update, 60000);
})();
