/* lawsite poster: a print button, shown only when the script runs. */
(function () {
  "use strict";
  var button = document.querySelector("[data-ls-print]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
