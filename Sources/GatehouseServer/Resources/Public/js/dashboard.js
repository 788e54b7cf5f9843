// The community dashboard follows the gates: when a passage, a fever alert or a fever case step arrives, the figures
// are fetched again (at most every 2 seconds) and swapped in.
(function () {
  "use strict";
  var box = document.getElementById("dashboard");
  if (!box || !window.EventSource || !window.fetch) return;
  var url = window.location.pathname + "?fragment=1";
  var timer = null;
  var update = function () {
    timer = null;
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
      if (html) box.innerHTML = html;
    }, function () {});
  };
  var soon = function () { if (!timer) timer = setTimeout(update, 2000); };
  var source = new EventSource(box.getAttribute("data-live"));
  ["passage", "alert", "fever-case", "delivery"].forEach(function (type) { source.addEventListener(type, soon); });
})();
